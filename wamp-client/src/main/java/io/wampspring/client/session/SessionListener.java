package io.wampspring.client.session;

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

}
