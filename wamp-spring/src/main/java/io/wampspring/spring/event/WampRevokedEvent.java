package io.wampspring.spring.event;

import io.wampspring.client.Revocation;
import io.wampspring.client.WampClient;
import org.jspecify.annotations.Nullable;

/**
 * The router revoked a registration or a subscription of a session of a peer: what
 * {@link WampRegistrationRevokedEvent} and {@link WampSubscriptionRevokedEvent} share.
 */
public abstract class WampRevokedEvent extends WampSessionEvent {

	private static final long serialVersionUID = 1L;

	private final transient Revocation revocation;

	/**
	 * Create an event.
	 * @param peer the peer (the source)
	 * @param peerName the peer's name
	 * @param index the session's index in the peer's pool
	 * @param client the session's client
	 * @param revocation what the router revoked
	 */
	protected WampRevokedEvent(Object peer, String peerName, int index, WampClient client, Revocation revocation) {
		super(peer, peerName, index, client);
		this.revocation = revocation;
	}

	/**
	 * The revoked procedure or topic (or pattern).
	 * @return the URI
	 */
	public String getUri() {
		return this.revocation.uri();
	}

	/**
	 * The router's reason.
	 * @return the reason, or null when it gave none
	 */
	public @Nullable String getReason() {
		return this.revocation.reason();
	}

	/**
	 * Whether the session registers or subscribes again.
	 * @return true with the policy {@code again}
	 */
	public boolean isAgain() {
		return this.revocation.again();
	}

	/**
	 * The revocation as the client reported it.
	 * @return the revocation
	 */
	public Revocation getRevocation() {
		return this.revocation;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[peer=" + getPeerName() + ", index=" + getIndex() + ", "
				+ this.revocation.describe() + "]";
	}

}
