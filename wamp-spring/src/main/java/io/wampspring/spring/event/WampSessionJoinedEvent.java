package io.wampspring.spring.event;

import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;

/**
 * A session of a peer joined its realm: at start and after every reconnect. An
 * application that must re-do work on every join (announce itself, register in a roster)
 * listens to it.
 */
public class WampSessionJoinedEvent extends WampSessionEvent {

	private static final long serialVersionUID = 1L;

	private final transient SessionInfo info;

	/**
	 * Create an event.
	 * @param peer the peer (the source)
	 * @param peerName the peer's name
	 * @param index the session's index in the peer's pool
	 * @param client the session's client
	 * @param info what the router said in WELCOME
	 */
	public WampSessionJoinedEvent(Object peer, String peerName, int index, WampClient client, SessionInfo info) {
		super(peer, peerName, index, client);
		this.info = info;
	}

	/**
	 * What the router said in WELCOME (session id, authid, authrole, roles).
	 * @return the info
	 */
	public SessionInfo getInfo() {
		return this.info;
	}

	@Override
	public String toString() {
		return "WampSessionJoinedEvent[peer=" + getPeerName() + ", index=" + getIndex() + ", session="
				+ this.info.sessionId() + "]";
	}

}
