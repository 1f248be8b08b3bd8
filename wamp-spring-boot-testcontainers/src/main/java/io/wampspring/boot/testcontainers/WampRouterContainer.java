package io.wampspring.boot.testcontainers;

/**
 * A container that runs a WAMP router: where its WebSocket transport is and which realm
 * to join, once it is started.
 */
public interface WampRouterContainer {

	/**
	 * The WebSocket URL of the router, with the host and mapped port as seen from the
	 * test.
	 * @return such as {@code ws://localhost:32768/ws}
	 * @throws IllegalStateException when the container is not started
	 */
	String getWebSocketUrl();

	/**
	 * The realm that a test session joins.
	 * @return the realm
	 */
	String getRealm();

}
