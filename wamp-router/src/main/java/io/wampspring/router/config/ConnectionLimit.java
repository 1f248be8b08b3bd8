package io.wampspring.router.config;

/**
 * The bounds for which the router closes a connection on its own, each counted in the
 * router's metrics and named in the log line that reports the closing.
 */
public enum ConnectionLimit {

	/** The WebSocket upgrade or RawSocket handshake did not finish in time. */
	OPEN_TIMEOUT("open-timeout"),

	/** No HELLO arrived in time after the transport opened. */
	HELLO_TIMEOUT("hello-timeout"),

	/** No AUTHENTICATE arrived in time after a CHALLENGE. */
	AUTHENTICATE_TIMEOUT("authenticate-timeout"),

	/** The client answered no ping in time. */
	KEEP_ALIVE_TIMEOUT("keep-alive-timeout"),

	/** Incomplete messages over all connections would have passed their budget. */
	INCOMPLETE_MESSAGE_BYTES("max-incomplete-message-bytes");

	private final String property;

	ConnectionLimit(String property) {
		this.property = property;
	}

	/**
	 * The limit's name as a property, the key under {@code wamp.embedded-router.limits}
	 * in a Spring Boot application.
	 * @return such as {@code hello-timeout}
	 */
	public String property() {
		return this.property;
	}

}
