package io.wampspring.client.transport;

import reactor.core.publisher.Mono;

/**
 * Opens connections to a router. A transport is a factory: the client calls
 * {@link #connect()} once per attempt, so an implementation holds only configuration.
 */
public interface WampTransport {

	/**
	 * Open a connection. The returned Mono completes when messages can be sent (for
	 * WebSocket: after the opening handshake) and errors when the connection cannot be
	 * opened.
	 * @return the open connection
	 */
	Mono<WampConnection> connect();

	/**
	 * A description of the target for log lines, such as {@code ws://localhost:8080/ws}.
	 * @return the description
	 */
	String describe();

}
