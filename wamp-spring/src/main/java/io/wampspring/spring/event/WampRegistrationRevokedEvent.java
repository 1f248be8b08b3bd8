package io.wampspring.spring.event;

import io.wampspring.client.Revocation;
import io.wampspring.client.WampClient;

/**
 * The router revoked a registration of a session of a peer (the spec's registration
 * revocation: an administrator called {@code wamp.registration.remove}, for example).
 * Whether the session registers again follows {@code wamp.defaults.callee.on-revoked};
 * {@link #isAgain()} tells.
 */
public class WampRegistrationRevokedEvent extends WampRevokedEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an event.
	 * @param peer the peer (the source)
	 * @param peerName the peer's name
	 * @param index the session's index in the peer's pool
	 * @param client the session's client
	 * @param revocation what the router revoked
	 */
	public WampRegistrationRevokedEvent(Object peer, String peerName, int index, WampClient client,
			Revocation revocation) {
		super(peer, peerName, index, client, revocation);
	}

	/**
	 * The router's registration id that was revoked.
	 * @return the id
	 */
	public long getRegistrationId() {
		return getRevocation().routerId();
	}

}
