package io.wampspring.client.session;

import org.jspecify.annotations.Nullable;

/**
 * Lifecycle callbacks from a {@link ClientSession} to its owner.
 */
public interface SessionListener {

	/**
	 * The router sent a CHALLENGE.
	 * @param authMethod the challenged method
	 */
	void onChallenge(String authMethod);

	/**
	 * An EVENT was dropped because its payload could not be read (the session logs it).
	 */
	default void onEventDropped() {
	}

	/**
	 * An INVOCATION was refused with {@code wamp.error.unavailable} because too many were
	 * running or queued (the session logs it).
	 */
	default void onInvocationRefused() {
	}

	/**
	 * The router revoked a registration or a subscription of the session (UNREGISTERED or
	 * UNSUBSCRIBED with request 0); the session no longer dispatches to it. Called on the
	 * I/O thread: hand the work off.
	 * @param registration true for a registration, false for a subscription
	 * @param routerId the router's registration or subscription id
	 * @param reason the router's reason, or null
	 */
	default void onRevoked(boolean registration, long routerId, @Nullable String reason) {
	}

}
