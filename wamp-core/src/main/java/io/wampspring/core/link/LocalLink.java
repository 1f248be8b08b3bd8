package io.wampspring.core.link;

/**
 * One direction of an in-process WAMP connection. Messages are immutable, so they are
 * handed over as objects; implementations must not block and must keep the order of
 * messages.
 */
public interface LocalLink {

	/**
	 * Deliver a message to this side.
	 * @param message the message
	 */
	void deliver(io.wampspring.core.message.WampMessage message);

	/**
	 * The other side closed the connection (the equivalent of a lost transport).
	 * @param reason a readable reason, for logs
	 */
	void closed(String reason);

}
