package io.wampspring.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Immutable options of a call.
 * <p>
 * The timeout (this call's, or else {@link ClientLimits#defaultCallTimeout()}) is sent to
 * the router ({@code timeout} in milliseconds, when it announced {@code call_timeout})
 * and also enforced by the client: when it fires first, the client sends CANCEL with the
 * {@link #cancelMode()} (if the router announced call canceling) and the call fails with
 * {@code wamp.error.timeout}. The same CANCEL is sent when the subscriber cancels.
 * <p>
 * A call marked {@link #idempotent()} may be sent again after a transport loss by layers
 * that retry (the Spring template); any other call fails with
 * {@code wamp.error.transport_lost}, because it may already have run on the callee.
 */
public final class CallOptions {

	private static final CallOptions DEFAULTS = builder().build();

	private final @Nullable Duration timeout;

	private final boolean idempotent;

	private final @Nullable Boolean discloseMe;

	private final CancelMode cancelMode;

	private final Map<String, Object> extra;

	private CallOptions(Builder builder) {
		this.timeout = builder.timeout;
		this.idempotent = builder.idempotent;
		this.discloseMe = builder.discloseMe;
		this.cancelMode = builder.cancelMode;
		this.extra = Map.copyOf(builder.extra);
	}

	private CallOptions(CallOptions options, Map<String, Object> extra) {
		this.timeout = options.timeout;
		this.idempotent = options.idempotent;
		this.discloseMe = options.discloseMe;
		this.cancelMode = options.cancelMode;
		this.extra = Map.copyOf(extra);
	}

	/**
	 * The client's default timeout, router's default disclosure, cancel mode killnowait,
	 * not idempotent.
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
	 * The call timeout set on these options.
	 * @return the timeout; zero when none was set (the client's default applies) or when
	 * {@link Builder#noTimeout()} was chosen
	 */
	public Duration timeout() {
		return (this.timeout != null) ? this.timeout : Duration.ZERO;
	}

	/**
	 * Whether a timeout (or explicitly none) was set, so that the client's default does
	 * not apply.
	 * @return true when {@link Builder#timeout(Duration)} or {@link Builder#noTimeout()}
	 * was called
	 */
	public boolean isTimeoutSet() {
		return this.timeout != null;
	}

	/**
	 * The timeout that applies to the call.
	 * @param defaultTimeout the client's default for calls that set none
	 * @return the timeout; zero for none
	 */
	public Duration effectiveTimeout(Duration defaultTimeout) {
		return (this.timeout != null) ? this.timeout : defaultTimeout;
	}

	/**
	 * Whether the procedure may run twice without harm, so that the call may be sent
	 * again after a transport loss.
	 * @return true when idempotent (default false)
	 */
	public boolean idempotent() {
		return this.idempotent;
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
	 * A copy of these options with further CALL options, such as the trace context's
	 * custom attributes; an entry replaces an earlier one of the same name.
	 * @param options the further options
	 * @return these options when {@code options} is empty, else a new instance
	 */
	public CallOptions withOptions(Map<String, ?> options) {
		if (options.isEmpty()) {
			return this;
		}
		Map<String, Object> merged = new LinkedHashMap<>(this.extra);
		merged.putAll(options);
		return new CallOptions(this, merged);
	}

	/**
	 * The CALL options dictionary.
	 * @param receiveProgress whether progressive results are requested
	 * @return a new map
	 */
	public Map<String, Object> toWire(boolean receiveProgress) {
		return toWire(receiveProgress, timeout());
	}

	/**
	 * The CALL options dictionary with the timeout that applies.
	 * @param receiveProgress whether progressive results are requested
	 * @param effectiveTimeout the timeout to send; zero for none
	 * @return a new map
	 */
	public Map<String, Object> toWire(boolean receiveProgress, Duration effectiveTimeout) {
		Map<String, Object> options = new LinkedHashMap<>(this.extra);
		if (!effectiveTimeout.isZero()) {
			options.put("timeout", effectiveTimeout.toMillis());
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

		private @Nullable Duration timeout;

		private boolean idempotent;

		private @Nullable Boolean discloseMe;

		private CancelMode cancelMode = CancelMode.KILL_NO_WAIT;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * The call timeout (default: the client's
		 * {@link ClientLimits#defaultCallTimeout()}).
		 * @param timeout zero (none) or a duration of at least one millisecond
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
		 * Wait for the result without a deadline, whatever the client's default timeout.
		 * @return this builder
		 */
		public Builder noTimeout() {
			this.timeout = Duration.ZERO;
			return this;
		}

		/**
		 * Mark the call idempotent: it may be sent again after a transport loss.
		 * @param idempotent the flag
		 * @return this builder
		 */
		public Builder idempotent(boolean idempotent) {
			this.idempotent = idempotent;
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
