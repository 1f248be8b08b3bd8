package io.wampspring.router.config;

/**
 * Limits that protect the router from one session.
 *
 * @param maxMessageSize the largest message, in bytes, a client may send; a larger one ends
 * its session with {@code wamp.error.protocol_violation}
 * @param maxPendingCallsPerSession calls a session may have in flight as caller; one more is
 * answered with {@code wamp.error.limit_exceeded}
 * @param maxRegistrationsPerSession registrations per session
 * @param maxSubscriptionsPerSession subscriptions per session
 * @param maxOutboundBytesPerSession bytes waiting to be written to one client; a client that
 * reads too slowly to stay under it is disconnected, so that it cannot exhaust the router's
 * memory
 */
public record RouterLimits(int maxMessageSize, int maxPendingCallsPerSession, int maxRegistrationsPerSession,
		int maxSubscriptionsPerSession, long maxOutboundBytesPerSession) {

	/** The error URI when a limit is reached (not a spec URI; the spec defines none). */
	public static final String LIMIT_EXCEEDED = "wamp.error.limit_exceeded";

	/**
	 * The defaults: 16 MiB messages, 10,000 pending calls, 1,000 registrations and
	 * subscriptions, 64 MiB waiting to be written per client.
	 */
	public static final RouterLimits DEFAULTS = new RouterLimits(16 * 1024 * 1024, 10_000, 1_000, 1_000,
			64L * 1024 * 1024);

	/**
	 * Check the values.
	 */
	public RouterLimits {
		if (maxMessageSize < 128 || maxPendingCallsPerSession < 1 || maxRegistrationsPerSession < 1
				|| maxSubscriptionsPerSession < 1 || maxOutboundBytesPerSession < maxMessageSize) {
			throw new IllegalArgumentException("router limits must be positive, the message size at least 128 bytes "
					+ "and the outbound buffer at least one message");
		}
	}

	/**
	 * Limits with the default outbound buffer (64 MiB, or the message size if larger).
	 * @param maxMessageSize the largest message a client may send
	 * @param maxPendingCallsPerSession calls a session may have in flight
	 * @param maxRegistrationsPerSession registrations per session
	 * @param maxSubscriptionsPerSession subscriptions per session
	 */
	public RouterLimits(int maxMessageSize, int maxPendingCallsPerSession, int maxRegistrationsPerSession,
			int maxSubscriptionsPerSession) {
		this(maxMessageSize, maxPendingCallsPerSession, maxRegistrationsPerSession, maxSubscriptionsPerSession,
				Math.max(64L * 1024 * 1024, maxMessageSize));
	}

	/**
	 * A copy with another message size limit.
	 * @param bytes the largest message a client may send
	 * @return the new limits
	 */
	public RouterLimits withMaxMessageSize(int bytes) {
		return new RouterLimits(bytes, this.maxPendingCallsPerSession, this.maxRegistrationsPerSession,
				this.maxSubscriptionsPerSession, Math.max(this.maxOutboundBytesPerSession, bytes));
	}

	/**
	 * A copy with another pending call limit.
	 * @param calls calls a session may have in flight
	 * @return the new limits
	 */
	public RouterLimits withMaxPendingCallsPerSession(int calls) {
		return new RouterLimits(this.maxMessageSize, calls, this.maxRegistrationsPerSession,
				this.maxSubscriptionsPerSession, this.maxOutboundBytesPerSession);
	}

	/**
	 * A copy with another registration limit.
	 * @param registrations registrations per session
	 * @return the new limits
	 */
	public RouterLimits withMaxRegistrationsPerSession(int registrations) {
		return new RouterLimits(this.maxMessageSize, this.maxPendingCallsPerSession, registrations,
				this.maxSubscriptionsPerSession, this.maxOutboundBytesPerSession);
	}

	/**
	 * A copy with another subscription limit.
	 * @param subscriptions subscriptions per session
	 * @return the new limits
	 */
	public RouterLimits withMaxSubscriptionsPerSession(int subscriptions) {
		return new RouterLimits(this.maxMessageSize, this.maxPendingCallsPerSession, this.maxRegistrationsPerSession,
				subscriptions, this.maxOutboundBytesPerSession);
	}

	/**
	 * A copy with another outbound buffer limit.
	 * @param bytes bytes waiting to be written to one client
	 * @return the new limits
	 */
	public RouterLimits withMaxOutboundBytesPerSession(long bytes) {
		return new RouterLimits(this.maxMessageSize, this.maxPendingCallsPerSession, this.maxRegistrationsPerSession,
				this.maxSubscriptionsPerSession, bytes);
	}

}
