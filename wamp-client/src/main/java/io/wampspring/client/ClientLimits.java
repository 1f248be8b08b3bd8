package io.wampspring.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of a {@link WampClient}: every wait has a deadline and every queue a size,
 * so that a silent router, a hanging callee or a peer faster than the application costs a
 * bounded amount of time and memory. Immutable; derive changed limits with
 * {@link #mutate()}.
 *
 * <pre class="code">
 * ClientLimits limits = ClientLimits.defaults().mutate()
 *     .joinTimeout(Duration.ofSeconds(5))
 *     .defaultCallTimeout(Duration.ofSeconds(15))
 *     .build();
 * </pre>
 *
 * @param joinTimeout how long a session may take from the open transport to WELCOME or
 * ABORT, through every CHALLENGE round (default 10 s); on expiry the connection is closed
 * and the attempt counts as failed
 * @param defaultCallTimeout the timeout of a call whose {@link CallOptions} set none
 * (default 30 s); {@link CallOptions.Builder#noTimeout()} waits without a deadline
 * @param maxPendingCalls calls of one session waiting for their result (default 10,000);
 * a call beyond it fails at once with {@code wamp.error.unavailable}
 * @param progressiveBuffer progressive results held for a slow subscriber of one call,
 * and progressive results held of a handler {@code Flux} that ignores demand (default
 * 256); beyond it the call fails with a message that says how to slow the producer down
 * @param inboundHighWaterMark invocations running or queued plus events queued at which
 * the connection stops reading from the router (default 1,024)
 * @param inboundLowWaterMark the count below which reading resumes (default 512)
 * @param maxQueuedInvocations invocations running or queued beyond which a new one is
 * answered at once with {@code wamp.error.unavailable} (default 2,048; the messages that
 * were already read when reading stopped). When reading stops, up to 64 more messages may
 * already have been requested from the transport: with less room than that above the
 * high-water mark, a flood is partly refused although reading stopped
 * @param eventBuffer events queued for one subscription handler (default 1,024); a newer
 * event that does not fit is dropped, counted and logged once per interval
 */
public record ClientLimits(Duration joinTimeout, Duration defaultCallTimeout, int maxPendingCalls,
		int progressiveBuffer, int inboundHighWaterMark, int inboundLowWaterMark, int maxQueuedInvocations,
		int eventBuffer) {

	private static final ClientLimits DEFAULTS = new ClientLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
			10_000, 256, 1024, 512, 2048, 1024);

	/**
	 * Validate the limits.
	 * @param joinTimeout how long a session may take from the open transport to WELCOME
	 * or ABORT, through every CHALLENGE round (default 10 s); on expiry the connection is
	 * closed and the attempt counts as failed
	 * @param defaultCallTimeout the timeout of a call whose {@link CallOptions} set none
	 * (default 30 s); {@link CallOptions.Builder#noTimeout()} waits without a deadline
	 * @param maxPendingCalls calls of one session waiting for their result (default
	 * 10,000); a call beyond it fails at once with {@code wamp.error.unavailable}
	 * @param progressiveBuffer progressive results held for a slow subscriber of one
	 * call, and progressive results held of a handler {@code Flux} that ignores demand
	 * (default 256); beyond it the call fails with a message that says how to slow the
	 * producer down
	 * @param inboundHighWaterMark invocations running or queued plus events queued at
	 * which the connection stops reading from the router (default 1,024)
	 * @param inboundLowWaterMark the count below which reading resumes (default 512)
	 * @param maxQueuedInvocations invocations running or queued beyond which a new one is
	 * answered at once with {@code wamp.error.unavailable} (default 2,048; the messages
	 * that were already read when reading stopped). When reading stops, up to 64 more
	 * messages may already have been requested from the transport: with less room than
	 * that above the high-water mark, a flood is partly refused although reading stopped
	 * @param eventBuffer events queued for one subscription handler (default 1,024); a
	 * newer event that does not fit is dropped, counted and logged once per interval
	 */
	public ClientLimits {
		Objects.requireNonNull(joinTimeout, "joinTimeout");
		Objects.requireNonNull(defaultCallTimeout, "defaultCallTimeout");
		positive("joinTimeout", joinTimeout);
		if (defaultCallTimeout.isNegative()) {
			throw new IllegalArgumentException("defaultCallTimeout must not be negative, got " + defaultCallTimeout);
		}
		atLeastOne("maxPendingCalls", maxPendingCalls);
		atLeastOne("progressiveBuffer", progressiveBuffer);
		atLeastOne("inboundHighWaterMark", inboundHighWaterMark);
		atLeastOne("eventBuffer", eventBuffer);
		if (inboundLowWaterMark < 0 || inboundLowWaterMark >= inboundHighWaterMark) {
			throw new IllegalArgumentException("inboundLowWaterMark must be at least 0 and below inboundHighWaterMark ("
					+ inboundHighWaterMark + "), got " + inboundLowWaterMark);
		}
		if (maxQueuedInvocations < inboundHighWaterMark) {
			throw new IllegalArgumentException("maxQueuedInvocations must be at least inboundHighWaterMark ("
					+ inboundHighWaterMark + "), got " + maxQueuedInvocations);
		}
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + value);
		}
	}

	private static void atLeastOne(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, got " + value);
		}
	}

	/**
	 * The default limits.
	 * @return the defaults
	 */
	public static ClientLimits defaults() {
		return DEFAULTS;
	}

	/**
	 * A builder holding these limits, to derive changed ones.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Builds {@link ClientLimits}; every setting starts from the limits it was made from.
	 */
	public static final class Builder {

		private Duration joinTimeout;

		private Duration defaultCallTimeout;

		private int maxPendingCalls;

		private int progressiveBuffer;

		private int inboundHighWaterMark;

		private int inboundLowWaterMark;

		private int maxQueuedInvocations;

		private int eventBuffer;

		private Builder(ClientLimits from) {
			this.joinTimeout = from.joinTimeout;
			this.defaultCallTimeout = from.defaultCallTimeout;
			this.maxPendingCalls = from.maxPendingCalls;
			this.progressiveBuffer = from.progressiveBuffer;
			this.inboundHighWaterMark = from.inboundHighWaterMark;
			this.inboundLowWaterMark = from.inboundLowWaterMark;
			this.maxQueuedInvocations = from.maxQueuedInvocations;
			this.eventBuffer = from.eventBuffer;
		}

		/**
		 * How long from the open transport to WELCOME or ABORT.
		 * @param joinTimeout a positive duration
		 * @return this builder
		 */
		public Builder joinTimeout(Duration joinTimeout) {
			this.joinTimeout = joinTimeout;
			return this;
		}

		/**
		 * The timeout of calls that set none; zero waits without a deadline.
		 * @param defaultCallTimeout zero or a positive duration
		 * @return this builder
		 */
		public Builder defaultCallTimeout(Duration defaultCallTimeout) {
			this.defaultCallTimeout = defaultCallTimeout;
			return this;
		}

		/**
		 * Calls of one session waiting for their result.
		 * @param maxPendingCalls at least 1
		 * @return this builder
		 */
		public Builder maxPendingCalls(int maxPendingCalls) {
			this.maxPendingCalls = maxPendingCalls;
			return this;
		}

		/**
		 * Progressive results held per call, in either direction.
		 * @param progressiveBuffer at least 1
		 * @return this builder
		 */
		public Builder progressiveBuffer(int progressiveBuffer) {
			this.progressiveBuffer = progressiveBuffer;
			return this;
		}

		/**
		 * The inbound high- and low-water marks of queued invocations and events.
		 * @param high the count at which reading stops, at least 1
		 * @param low the count below which reading resumes, below high
		 * @return this builder
		 */
		public Builder inboundWaterMarks(int high, int low) {
			this.inboundHighWaterMark = high;
			this.inboundLowWaterMark = low;
			this.maxQueuedInvocations = Math.max(this.maxQueuedInvocations, high);
			return this;
		}

		/**
		 * Invocations running or queued beyond which new ones are refused.
		 * @param maxQueuedInvocations at least the high-water mark
		 * @return this builder
		 */
		public Builder maxQueuedInvocations(int maxQueuedInvocations) {
			this.maxQueuedInvocations = maxQueuedInvocations;
			return this;
		}

		/**
		 * Events queued per subscription handler.
		 * @param eventBuffer at least 1
		 * @return this builder
		 */
		public Builder eventBuffer(int eventBuffer) {
			this.eventBuffer = eventBuffer;
			return this;
		}

		/**
		 * Build the limits.
		 * @return the validated limits
		 */
		public ClientLimits build() {
			return new ClientLimits(this.joinTimeout, this.defaultCallTimeout, this.maxPendingCalls,
					this.progressiveBuffer, this.inboundHighWaterMark, this.inboundLowWaterMark,
					this.maxQueuedInvocations, this.eventBuffer);
		}

	}

}
