package io.wampspring.router.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that protect the router from one connection or session: how much it may send,
 * hold and keep waiting, and how long each step of opening a session may take. Build with
 * {@link #builder()} (or {@link #toBuilder()} from {@link #DEFAULTS}).
 *
 * @param maxMessageSize the largest message, in bytes, a client may send; it also bounds
 * the bytes one connection may hold for a message that has not completely arrived
 * (checked as the bytes arrive). A larger message ends its session with
 * {@code wamp.error.protocol_violation}
 * @param maxPendingCallsPerSession calls a session may have in flight as caller; one more
 * is answered with {@code wamp.error.limit_exceeded}
 * @param maxRegistrationsPerSession registrations per session
 * @param maxSubscriptionsPerSession subscriptions per session
 * @param maxOutboundBytesPerSession bytes waiting to be written to one client; a client
 * that reads too slowly to stay under it is disconnected, so that it cannot exhaust the
 * router's memory
 * @param maxIncompleteMessageBytes bytes held for messages that have not completely
 * arrived, over all connections together; the connection whose bytes would pass it is
 * closed (an established session gets ABORT {@code wamp.error.limit_exceeded}), the
 * others go on
 * @param openTimeout from TCP accept (TLS included) until the WebSocket upgrade or the
 * RawSocket handshake is done; then the connection is closed
 * @param helloTimeout from the transport opening until HELLO arrives; then ABORT
 * {@code wamp.error.timeout} and close
 * @param authenticateTimeout from CHALLENGE until AUTHENTICATE arrives (each round); then
 * ABORT {@code wamp.error.timeout} and close
 * @param keepAliveInterval after this long without a byte from the client, the router
 * sends a WebSocket ping or a RawSocket PING; {@link Duration#ZERO} sends none
 * @param keepAliveTimeout how long the router waits for any byte after such a ping before
 * it closes the connection
 * @param maxProgressiveBacklogBytes bytes that may wait to be written to a callee when
 * the router forwards it one more chunk of a progressive call invocation; above it the
 * callee does not keep up with the caller's stream, and that call fails with
 * {@code wamp.error.limit_exceeded} (the callee gets INTERRUPT), long before the callee's
 * connection reaches {@code maxOutboundBytesPerSession} and is cut off
 */
public record RouterLimits(int maxMessageSize, int maxPendingCallsPerSession, int maxRegistrationsPerSession,
		int maxSubscriptionsPerSession, long maxOutboundBytesPerSession, long maxIncompleteMessageBytes,
		Duration openTimeout, Duration helloTimeout, Duration authenticateTimeout, Duration keepAliveInterval,
		Duration keepAliveTimeout, long maxProgressiveBacklogBytes) {

	/** The error URI when a limit is reached (not a spec URI; the spec defines none). */
	public static final String LIMIT_EXCEEDED = "wamp.error.limit_exceeded";

	/**
	 * The defaults: 16 MiB messages, 10,000 pending calls, 1,000 registrations and
	 * subscriptions, 64 MiB waiting to be written per client, 64 MiB of incomplete
	 * messages over all connections; 5 s to open the transport and 5 s more for HELLO
	 * (lwsws's network timeouts), 10 s to answer a CHALLENGE (a client may derive a key
	 * first), a ping after 30 s of silence answered within 10 s, 4 MiB waiting for a
	 * callee of a progressive call invocation.
	 */
	public static final RouterLimits DEFAULTS = new RouterLimits(16 * 1024 * 1024, 10_000, 1_000, 1_000,
			64L * 1024 * 1024, 64L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
			Duration.ofSeconds(30), Duration.ofSeconds(10), 4L * 1024 * 1024);

	/**
	 * Check the values.
	 * @param maxMessageSize the largest message, in bytes, a client may send; it also
	 * bounds the bytes one connection may hold for a message that has not completely
	 * arrived (checked as the bytes arrive). A larger message ends its session with
	 * {@code wamp.error.protocol_violation}
	 * @param maxPendingCallsPerSession calls a session may have in flight as caller; one
	 * more is answered with {@code wamp.error.limit_exceeded}
	 * @param maxRegistrationsPerSession registrations per session
	 * @param maxSubscriptionsPerSession subscriptions per session
	 * @param maxOutboundBytesPerSession bytes waiting to be written to one client; a
	 * client that reads too slowly to stay under it is disconnected, so that it cannot
	 * exhaust the router's memory
	 * @param maxIncompleteMessageBytes bytes held for messages that have not completely
	 * arrived, over all connections together; the connection whose bytes would pass it is
	 * closed (an established session gets ABORT {@code wamp.error.limit_exceeded}), the
	 * others go on
	 * @param openTimeout from TCP accept (TLS included) until the WebSocket upgrade or
	 * the RawSocket handshake is done; then the connection is closed
	 * @param helloTimeout from the transport opening until HELLO arrives; then ABORT
	 * {@code wamp.error.timeout} and close
	 * @param authenticateTimeout from CHALLENGE until AUTHENTICATE arrives (each round);
	 * then ABORT {@code wamp.error.timeout} and close
	 * @param keepAliveInterval after this long without a byte from the client, the router
	 * sends a WebSocket ping or a RawSocket PING; {@link Duration#ZERO} sends none
	 * @param keepAliveTimeout how long the router waits for any byte after such a ping
	 * before it closes the connection
	 * @param maxProgressiveBacklogBytes bytes that may wait to be written to a callee
	 * before a progressive call fails
	 */
	public RouterLimits {
		positive("maxMessageSize", maxMessageSize);
		if (maxMessageSize < 128) {
			throw new IllegalArgumentException("maxMessageSize must be at least 128 bytes, got " + maxMessageSize);
		}
		positive("maxPendingCallsPerSession", maxPendingCallsPerSession);
		positive("maxRegistrationsPerSession", maxRegistrationsPerSession);
		positive("maxSubscriptionsPerSession", maxSubscriptionsPerSession);
		atLeastOneMessage("maxOutboundBytesPerSession", maxOutboundBytesPerSession, maxMessageSize);
		atLeastOneMessage("maxIncompleteMessageBytes", maxIncompleteMessageBytes, maxMessageSize);
		positive("openTimeout", openTimeout);
		positive("helloTimeout", helloTimeout);
		positive("authenticateTimeout", authenticateTimeout);
		Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
		if (keepAliveInterval.isNegative()) {
			throw new IllegalArgumentException(
					"keepAliveInterval must be 0 (no pings) or positive, got " + keepAliveInterval);
		}
		positive("keepAliveTimeout", keepAliveTimeout);
		positive("maxProgressiveBacklogBytes", maxProgressiveBacklogBytes);
	}

	/**
	 * Limits with the default progressive backlog.
	 * @param maxMessageSize the largest message a client may send
	 * @param maxPendingCallsPerSession calls a session may have in flight
	 * @param maxRegistrationsPerSession registrations per session
	 * @param maxSubscriptionsPerSession subscriptions per session
	 * @param maxOutboundBytesPerSession bytes waiting to be written to one client
	 * @param maxIncompleteMessageBytes bytes held for incomplete messages
	 * @param openTimeout time to open the transport
	 * @param helloTimeout time until HELLO
	 * @param authenticateTimeout time until AUTHENTICATE
	 * @param keepAliveInterval silence before a ping
	 * @param keepAliveTimeout time to answer a ping
	 */
	public RouterLimits(int maxMessageSize, int maxPendingCallsPerSession, int maxRegistrationsPerSession,
			int maxSubscriptionsPerSession, long maxOutboundBytesPerSession, long maxIncompleteMessageBytes,
			Duration openTimeout, Duration helloTimeout, Duration authenticateTimeout, Duration keepAliveInterval,
			Duration keepAliveTimeout) {
		this(maxMessageSize, maxPendingCallsPerSession, maxRegistrationsPerSession, maxSubscriptionsPerSession,
				maxOutboundBytesPerSession, maxIncompleteMessageBytes, openTimeout, helloTimeout, authenticateTimeout,
				keepAliveInterval, keepAliveTimeout, DEFAULTS.maxProgressiveBacklogBytes);
	}

	/**
	 * Limits with the defaults for everything else and the default outbound buffer (64
	 * MiB, or the message size if larger).
	 * @param maxMessageSize the largest message a client may send
	 * @param maxPendingCallsPerSession calls a session may have in flight
	 * @param maxRegistrationsPerSession registrations per session
	 * @param maxSubscriptionsPerSession subscriptions per session
	 */
	public RouterLimits(int maxMessageSize, int maxPendingCallsPerSession, int maxRegistrationsPerSession,
			int maxSubscriptionsPerSession) {
		this(maxMessageSize, maxPendingCallsPerSession, maxRegistrationsPerSession, maxSubscriptionsPerSession,
				Math.max(DEFAULTS.maxOutboundBytesPerSession, maxMessageSize));
	}

	/**
	 * Limits with the defaults for everything else.
	 * @param maxMessageSize the largest message a client may send
	 * @param maxPendingCallsPerSession calls a session may have in flight
	 * @param maxRegistrationsPerSession registrations per session
	 * @param maxSubscriptionsPerSession subscriptions per session
	 * @param maxOutboundBytesPerSession bytes waiting to be written to one client
	 */
	public RouterLimits(int maxMessageSize, int maxPendingCallsPerSession, int maxRegistrationsPerSession,
			int maxSubscriptionsPerSession, long maxOutboundBytesPerSession) {
		this(maxMessageSize, maxPendingCallsPerSession, maxRegistrationsPerSession, maxSubscriptionsPerSession,
				maxOutboundBytesPerSession, Math.max(DEFAULTS.maxIncompleteMessageBytes, maxMessageSize),
				DEFAULTS.openTimeout, DEFAULTS.helloTimeout, DEFAULTS.authenticateTimeout, DEFAULTS.keepAliveInterval,
				DEFAULTS.keepAliveTimeout);
	}

	/**
	 * Start building limits from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return DEFAULTS.toBuilder();
	}

	/**
	 * A builder that starts from these limits.
	 * @return a builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * A copy with another message size limit (the outbound and incomplete-message budgets
	 * grow to hold at least one message).
	 * @param bytes the largest message a client may send
	 * @return the new limits
	 */
	public RouterLimits withMaxMessageSize(int bytes) {
		return toBuilder().maxMessageSize(bytes)
			.maxOutboundBytesPerSession(Math.max(this.maxOutboundBytesPerSession, bytes))
			.maxIncompleteMessageBytes(Math.max(this.maxIncompleteMessageBytes, bytes))
			.build();
	}

	/**
	 * A copy with another pending call limit.
	 * @param calls calls a session may have in flight
	 * @return the new limits
	 */
	public RouterLimits withMaxPendingCallsPerSession(int calls) {
		return toBuilder().maxPendingCallsPerSession(calls).build();
	}

	/**
	 * A copy with another registration limit.
	 * @param registrations registrations per session
	 * @return the new limits
	 */
	public RouterLimits withMaxRegistrationsPerSession(int registrations) {
		return toBuilder().maxRegistrationsPerSession(registrations).build();
	}

	/**
	 * A copy with another subscription limit.
	 * @param subscriptions subscriptions per session
	 * @return the new limits
	 */
	public RouterLimits withMaxSubscriptionsPerSession(int subscriptions) {
		return toBuilder().maxSubscriptionsPerSession(subscriptions).build();
	}

	/**
	 * A copy with another outbound buffer limit.
	 * @param bytes bytes waiting to be written to one client
	 * @return the new limits
	 */
	public RouterLimits withMaxOutboundBytesPerSession(long bytes) {
		return toBuilder().maxOutboundBytesPerSession(bytes).build();
	}

	private static void positive(String name, long value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be positive, got " + value);
		}
	}

	private static void positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + value);
		}
	}

	private static void atLeastOneMessage(String name, long value, int maxMessageSize) {
		if (value < maxMessageSize) {
			throw new IllegalArgumentException(name + " must hold at least one message of maxMessageSize ("
					+ maxMessageSize + " bytes), got " + value);
		}
	}

	/**
	 * Builds {@link RouterLimits}; every value starts at the limits it was created from.
	 */
	public static final class Builder {

		private int maxMessageSize;

		private int maxPendingCallsPerSession;

		private int maxRegistrationsPerSession;

		private int maxSubscriptionsPerSession;

		private long maxOutboundBytesPerSession;

		private long maxIncompleteMessageBytes;

		private Duration openTimeout;

		private Duration helloTimeout;

		private Duration authenticateTimeout;

		private Duration keepAliveInterval;

		private Duration keepAliveTimeout;

		private long maxProgressiveBacklogBytes;

		private Builder(RouterLimits from) {
			this.maxMessageSize = from.maxMessageSize;
			this.maxPendingCallsPerSession = from.maxPendingCallsPerSession;
			this.maxRegistrationsPerSession = from.maxRegistrationsPerSession;
			this.maxSubscriptionsPerSession = from.maxSubscriptionsPerSession;
			this.maxOutboundBytesPerSession = from.maxOutboundBytesPerSession;
			this.maxIncompleteMessageBytes = from.maxIncompleteMessageBytes;
			this.openTimeout = from.openTimeout;
			this.helloTimeout = from.helloTimeout;
			this.authenticateTimeout = from.authenticateTimeout;
			this.keepAliveInterval = from.keepAliveInterval;
			this.keepAliveTimeout = from.keepAliveTimeout;
			this.maxProgressiveBacklogBytes = from.maxProgressiveBacklogBytes;
		}

		/**
		 * The largest message a client may send, and the most one connection may hold for
		 * a message still arriving.
		 * @param bytes 16 MiB by default, at least 128
		 * @return this builder
		 */
		public Builder maxMessageSize(int bytes) {
			this.maxMessageSize = bytes;
			return this;
		}

		/**
		 * Calls a session may have in flight as caller.
		 * @param calls 10,000 by default
		 * @return this builder
		 */
		public Builder maxPendingCallsPerSession(int calls) {
			this.maxPendingCallsPerSession = calls;
			return this;
		}

		/**
		 * Registrations per session.
		 * @param registrations 1,000 by default
		 * @return this builder
		 */
		public Builder maxRegistrationsPerSession(int registrations) {
			this.maxRegistrationsPerSession = registrations;
			return this;
		}

		/**
		 * Subscriptions per session.
		 * @param subscriptions 1,000 by default
		 * @return this builder
		 */
		public Builder maxSubscriptionsPerSession(int subscriptions) {
			this.maxSubscriptionsPerSession = subscriptions;
			return this;
		}

		/**
		 * Bytes waiting to be written to one client before it is disconnected.
		 * @param bytes 64 MiB by default, at least the message size
		 * @return this builder
		 */
		public Builder maxOutboundBytesPerSession(long bytes) {
			this.maxOutboundBytesPerSession = bytes;
			return this;
		}

		/**
		 * Bytes held for incomplete messages over all connections.
		 * @param bytes 64 MiB by default, at least the message size
		 * @return this builder
		 */
		public Builder maxIncompleteMessageBytes(long bytes) {
			this.maxIncompleteMessageBytes = bytes;
			return this;
		}

		/**
		 * Time from TCP accept until the WebSocket upgrade or RawSocket handshake is
		 * done.
		 * @param timeout 5 s by default
		 * @return this builder
		 */
		public Builder openTimeout(Duration timeout) {
			this.openTimeout = timeout;
			return this;
		}

		/**
		 * Time from the transport opening until HELLO.
		 * @param timeout 5 s by default
		 * @return this builder
		 */
		public Builder helloTimeout(Duration timeout) {
			this.helloTimeout = timeout;
			return this;
		}

		/**
		 * Time from CHALLENGE until AUTHENTICATE.
		 * @param timeout 10 s by default
		 * @return this builder
		 */
		public Builder authenticateTimeout(Duration timeout) {
			this.authenticateTimeout = timeout;
			return this;
		}

		/**
		 * Silence after which the router pings the client.
		 * @param interval 30 s by default; {@link Duration#ZERO} for no pings
		 * @return this builder
		 */
		public Builder keepAliveInterval(Duration interval) {
			this.keepAliveInterval = interval;
			return this;
		}

		/**
		 * Time to wait for any byte after a ping before closing the connection.
		 * @param timeout 10 s by default
		 * @return this builder
		 */
		public Builder keepAliveTimeout(Duration timeout) {
			this.keepAliveTimeout = timeout;
			return this;
		}

		/**
		 * Bytes that may wait for a callee when the router forwards it one more chunk of
		 * a progressive call invocation; above it that call fails with
		 * {@code wamp.error.limit_exceeded}.
		 * @param bytes 4 MiB by default
		 * @return this builder
		 */
		public Builder maxProgressiveBacklogBytes(long bytes) {
			this.maxProgressiveBacklogBytes = bytes;
			return this;
		}

		/**
		 * Build the limits.
		 * @return the limits
		 * @throws IllegalArgumentException naming the value that is out of range
		 */
		public RouterLimits build() {
			return new RouterLimits(this.maxMessageSize, this.maxPendingCallsPerSession,
					this.maxRegistrationsPerSession, this.maxSubscriptionsPerSession, this.maxOutboundBytesPerSession,
					this.maxIncompleteMessageBytes, this.openTimeout, this.helloTimeout, this.authenticateTimeout,
					this.keepAliveInterval, this.keepAliveTimeout, this.maxProgressiveBacklogBytes);
		}

	}

}
