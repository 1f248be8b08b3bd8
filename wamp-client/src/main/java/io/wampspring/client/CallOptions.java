package io.wampspring.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Immutable options of a call.
 * <p>
 * A positive {@link #timeout()} is sent to the router ({@code timeout} in milliseconds) and
 * also enforced by the client: when it fires first, the client sends CANCEL with the
 * {@link #cancelMode()} (if the router announced call canceling) and the call fails with
 * {@code wamp.error.timeout}. The same CANCEL is sent when the subscriber cancels.
 */
public final class CallOptions {

	private static final CallOptions DEFAULTS = builder().build();

	private final Duration timeout;

	private final @Nullable Boolean discloseMe;

	private final CancelMode cancelMode;

	private final Map<String, Object> extra;

	private CallOptions(Builder builder) {
		this.timeout = builder.timeout;
		this.discloseMe = builder.discloseMe;
		this.cancelMode = builder.cancelMode;
		this.extra = Map.copyOf(builder.extra);
	}

	/**
	 * No timeout, router's default disclosure, cancel mode killnowait.
	 * @return the default options
	 */
	public static CallOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The call timeout; zero for none.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Whether the caller asks the router to disclose its identity to the callee; null to
	 * leave the router's default.
	 * @return the flag, or null
	 */
	public @Nullable Boolean discloseMe() {
		return this.discloseMe;
	}

	/**
	 * The mode of the CANCEL sent when the caller gives up.
	 * @return the mode
	 */
	public CancelMode cancelMode() {
		return this.cancelMode;
	}

	/**
	 * Further entries for the CALL options dictionary (router-specific features).
	 * @return an unmodifiable map
	 */
	public Map<String, Object> extra() {
		return this.extra;
	}

	/**
	 * The CALL options dictionary.
	 * @param receiveProgress whether progressive results are requested
	 * @return a new map
	 */
	public Map<String, Object> toWire(boolean receiveProgress) {
		Map<String, Object> options = new LinkedHashMap<>(this.extra);
		if (!this.timeout.isZero()) {
			options.put("timeout", this.timeout.toMillis());
		}
		if (this.discloseMe != null) {
			options.put("disclose_me", this.discloseMe);
		}
		if (receiveProgress) {
			options.put("receive_progress", true);
		}
		return options;
	}

	/**
	 * Builds {@link CallOptions}.
	 */
	public static final class Builder {

		private Duration timeout = Duration.ZERO;

		private @Nullable Boolean discloseMe;

		private CancelMode cancelMode = CancelMode.KILL_NO_WAIT;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * The call timeout (default zero: none).
		 * @param timeout zero or a duration of at least one millisecond
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			if (timeout.isNegative() || (!timeout.isZero() && timeout.toMillis() == 0)) {
				throw new IllegalArgumentException("call timeout must be zero (none) or at least 1 ms, got " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * Ask the router to disclose the caller to the callee.
		 * @param discloseMe the flag
		 * @return this builder
		 */
		public Builder discloseMe(boolean discloseMe) {
			this.discloseMe = discloseMe;
			return this;
		}

		/**
		 * The mode of the CANCEL sent when the caller gives up (default killnowait).
		 * @param cancelMode the mode
		 * @return this builder
		 */
		public Builder cancelMode(CancelMode cancelMode) {
			this.cancelMode = Objects.requireNonNull(cancelMode, "cancelMode");
			return this;
		}

		/**
		 * Add a further CALL option.
		 * @param key the option name
		 * @param value its value
		 * @return this builder
		 */
		public Builder option(String key, Object value) {
			this.extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Build the immutable options.
		 * @return the options
		 */
		public CallOptions build() {
			return new CallOptions(this);
		}

	}

}
