package io.wampspring.client;

/**
 * What a {@link WampClient} does when the router revokes one of its registrations or
 * subscriptions (UNREGISTERED / UNSUBSCRIBED with request 0, the spec's registration and
 * subscription revocation features).
 */
public enum RevocationPolicy {

	/**
	 * The handle stays revoked: it is not registered or subscribed again, not even after
	 * a reconnect, until the application does so itself. Health shows it.
	 */
	KEEP_REVOKED,

	/**
	 * Register (or subscribe) again at once in the same session, and after every
	 * reconnect as before; when the router refuses, the client retries with its backoff
	 * as for a partial restore.
	 */
	AGAIN

}
