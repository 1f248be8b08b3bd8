package io.wampspring.spring.event;

import io.wampspring.client.Revocation;
import io.wampspring.client.WampClient;

/**
 * The router revoked a subscription of a session of a peer (the spec's subscription
 * revocation: an administrator called {@code wamp.subscription.remove}, for example).
 * Whether the session subscribes again follows
 * {@code wamp.defaults.subscriber.on-revoked}; {@link #isAgain()} tells.
 */
public class WampSubscriptionRevokedEvent extends WampRevokedEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an event.
	 * @param peer the peer (the source)
	 * @param peerName the peer's name
	 * @param index the session's index in the peer's pool
	 * @param client the session's client
	 * @param revocation what the router revoked
	 */
	public WampSubscriptionRevokedEvent(Object peer, String peerName, int index, WampClient client,
			Revocation revocation) {
		super(peer, peerName, index, client, revocation);
	}

	/**
	 * The router's subscription id that was revoked.
	 * @return the id
	 */
	public long getSubscriptionId() {
		return getRevocation().routerId();
	}

}
