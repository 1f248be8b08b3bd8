package io.wampspring.router.realm;

import java.io.Serial;

import io.wampspring.core.message.WampMessageType;

/**
 * A receiver's serializer cannot encode a message, for example a JSON integer beyond what
 * MessagePack holds: the message was not sent. Thrown by {@link Outbound}; the router
 * then answers the message's sender (a caller gets ERROR
 * {@code wamp.error.invalid_argument}) and counts it.
 */
public final class UnencodableMessageException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The WAMP message type code of the message. */
	private final int messageType;

	/**
	 * Create an exception.
	 * @param messageType the WAMP message type code of the message
	 * @param serializer the receiver's serializer, such as {@code wamp.2.msgpack}
	 * @param problem what the serializer could not encode
	 */
	public UnencodableMessageException(int messageType, String serializer, String problem) {
		super("the " + WampMessageType.name(messageType) + " cannot be encoded in the receiver's " + serializer + ": "
				+ problem);
		this.messageType = messageType;
	}

	/**
	 * The type of the message that was not sent.
	 * @return the WAMP message type code
	 */
	public int messageType() {
		return this.messageType;
	}

}
