package io.wampspring.spring.event;

import io.wampspring.client.WampClient;
import org.springframework.context.ApplicationEvent;

/**
 * A session of a peer changed: the base of {@link WampSessionJoinedEvent} and
 * {@link WampSessionLeftEvent}. The source is the peer.
 */
public abstract class WampSessionEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	/** The name of the peer. */
	private final String peerName;

	/** The index of the session in the peer's pool. */
	private final int index;

	private final transient WampClient client;

	/**
	 * Create an event.
	 * @param peer the peer (the source)
	 * @param peerName the peer's name
	 * @param index the session's index in the peer's pool
	 * @param client the session's client
	 */
	protected WampSessionEvent(Object peer, String peerName, int index, WampClient client) {
		super(peer);
		this.peerName = peerName;
		this.index = index;
		this.client = client;
	}

	/**
	 * The peer's name.
	 * @return the name
	 */
	public String getPeerName() {
		return this.peerName;
	}

	/**
	 * The session's index in the peer's pool.
	 * @return the index, from 0
	 */
	public int getIndex() {
		return this.index;
	}

	/**
	 * The client of the session.
	 * @return the client
	 */
	public WampClient getClient() {
		return this.client;
	}

}
