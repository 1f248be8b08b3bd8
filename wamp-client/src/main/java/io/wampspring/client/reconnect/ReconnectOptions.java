package io.wampspring.client.reconnect;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable reconnect settings: whether to reconnect, how long to wait, how often to try,
 * and what to do after an authentication failure.
 */
public final class ReconnectOptions {

	private static final ReconnectOptions DEFAULTS = builder().build();

	private static final ReconnectOptions DISABLED = builder().enabled(false).build();

	private final boolean enabled;

	private final BackoffStrategy backoff;

	private final int maxRetries;

	private final AuthFailurePolicy authFailurePolicy;

	private ReconnectOptions(Builder builder) {
		this.enabled = builder.enabled;
		this.backoff = builder.backoff;
		this.maxRetries = builder.maxRetries;
		this.authFailurePolicy = builder.authFailurePolicy;
	}

	/**
	 * The defaults: enabled, jitter between 500 ms and 2 minutes, retry forever, stop
	 * after an authentication failure.
	 * @return the default options
	 */
	public static ReconnectOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Options that never reconnect.
	 * @return the options
	 */
	public static ReconnectOptions disabled() {
		return DISABLED;
	}

	/**
	 * A builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether the client reconnects after the transport was lost or an attempt failed.
	 * @return true when reconnecting
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * The delay before each attempt.
	 * @return the backoff strategy
	 */
	public BackoffStrategy backoff() {
		return this.backoff;
	}

	/**
	 * How many attempts are made after a failure before giving up; -1 for no limit.
	 * @return the maximum number of retries, or -1
	 */
	public int maxRetries() {
		return this.maxRetries;
	}

	/**
	 * What to do when the router refuses the credentials.
	 * @return the policy
	 */
	public AuthFailurePolicy authFailurePolicy() {
		return this.authFailurePolicy;
	}

	/**
	 * Whether another attempt may follow a given number of failed ones.
	 * @param failedAttempts attempts that failed so far in this round
	 * @return true when a retry is allowed
	 */
	public boolean allowsRetry(int failedAttempts) {
		return this.enabled && (this.maxRetries < 0 || failedAttempts <= this.maxRetries);
	}

	@Override
	public String toString() {
		return "ReconnectOptions[enabled=" + this.enabled + ", backoff=" + this.backoff + ", maxRetries="
				+ this.maxRetries + ", authFailurePolicy=" + this.authFailurePolicy + "]";
	}

	/**
	 * What the client does after the router refused its credentials (ABORT with
	 * {@code wamp.error.authentication_failed}, {@code not_authorized},
	 * {@code no_such_principal}, {@code no_auth_method}, ...). Trying again at once would
	 * only hammer the router with the same wrong credentials.
	 */
	public enum AuthFailurePolicy {

		/** Give up: the client goes to CLOSED and reports the failure. */
		STOP,

		/** Keep trying, but always wait the strategy's maximum delay. */
		WAIT_MAX_BACKOFF

	}

	/**
	 * Builds {@link ReconnectOptions}.
	 */
	public static final class Builder {

		private boolean enabled = true;

		private BackoffStrategy backoff = BackoffStrategy.jitter(Duration.ofMillis(500), Duration.ofMinutes(2));

		private int maxRetries = -1;

		private AuthFailurePolicy authFailurePolicy = AuthFailurePolicy.STOP;

		private Builder() {
		}

		/**
		 * Whether to reconnect at all (default true).
		 * @param enabled true to reconnect
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * The backoff strategy (default jitter 500 ms .. 2 min).
		 * @param backoff the strategy
		 * @return this builder
		 */
		public Builder backoff(BackoffStrategy backoff) {
			this.backoff = Objects.requireNonNull(backoff, "backoff");
			return this;
		}

		/**
		 * How many retries after a failure before giving up (default -1: forever).
		 * @param maxRetries a number &gt;= 0, or -1 for no limit
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			if (maxRetries < -1) {
				throw new IllegalArgumentException(
						"maxRetries must be >= 0, or -1 to retry forever, got " + maxRetries);
			}
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * What to do after an authentication failure (default
		 * {@link AuthFailurePolicy#STOP}).
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder authFailurePolicy(AuthFailurePolicy policy) {
			this.authFailurePolicy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/**
		 * Build the immutable options.
		 * @return the options
		 */
		public ReconnectOptions build() {
			return new ReconnectOptions(this);
		}

	}

}
