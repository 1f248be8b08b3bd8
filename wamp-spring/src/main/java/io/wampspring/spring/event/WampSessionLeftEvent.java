package io.wampspring.spring.event;

import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import org.jspecify.annotations.Nullable;

/**
 * A session of a peer left its realm: closed by the application, lost, or refused by the
 * router. The client may be reconnecting ({@link #getState()} is then
 * {@link SessionState#RECONNECTING}).
 */
public class WampSessionLeftEvent extends WampSessionEvent {

	private static final long serialVersionUID = 1L;

	/** The state the session went to. */
	private final SessionState state;

	/** Why the session left, if known. */
	private final @Nullable String reason;

	/**
	 * Create an event.
	 * @param peer the peer (the source)
	 * @param peerName the peer's name
	 * @param index the session's index in the peer's pool
	 * @param client the session's client
	 * @param state the client's state after leaving
	 * @param reason why it left, or null
	 */
	public WampSessionLeftEvent(Object peer, String peerName, int index, WampClient client, SessionState state,
			@Nullable String reason) {
		super(peer, peerName, index, client);
		this.state = state;
		this.reason = reason;
	}

	/**
	 * The client's state after leaving.
	 * @return the state
	 */
	public SessionState getState() {
		return this.state;
	}

	/**
	 * Why the session left.
	 * @return a readable reason, or null
	 */
	public @Nullable String getReason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return "WampSessionLeftEvent[peer=" + getPeerName() + ", index=" + getIndex() + ", state=" + this.state + "]";
	}

}
