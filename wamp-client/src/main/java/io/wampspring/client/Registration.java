package io.wampspring.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A procedure registered by a {@link WampClient}. The handle stays valid across
 * reconnects: after a rejoin the client registers the procedure again and the handle
 * follows the new router registration id.
 */
public interface Registration {

	/**
	 * The registered URI (or pattern).
	 * @return the procedure
	 */
	String procedure();

	/**
	 * The options it was registered with.
	 * @return the options
	 */
	RegisterOptions options();

	/**
	 * The router's registration id in the current session.
	 * @return the id, or 0 while not registered (between sessions)
	 */
	long registrationId();

	/**
	 * Whether the registration is still wanted (not unregistered).
	 * @return true until {@link #unregister()} was called
	 */
	boolean isActive();

	/**
	 * Unregister the procedure; it is not registered again after a reconnect. When the
	 * client is not joined, or its session ends before the router confirmed (the router
	 * then drops the session's registrations itself), only the local registration is
	 * removed.
	 * @return a Mono that completes when the router confirmed, or the session is gone
	 */
	Mono<Void> unregister();

	/**
	 * Whether the router revoked the registration (and it was not made again since).
	 * @return true while revoked
	 */
	default boolean isRevoked() {
		return false;
	}

	/**
	 * The router's reason for the revocation.
	 * @return the reason, or null when not revoked or the router gave none
	 */
	default @Nullable String revocationReason() {
		return null;
	}

}
