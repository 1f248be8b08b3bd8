package io.wampspring.core;

import java.io.Serial;

/**
 * A peer broke the WAMP protocol: a frame could not be decoded, a message had the wrong
 * length or element types, an unknown type code, an invalid id or URI, or a message came
 * at a moment the protocol does not allow. The message names what was wrong; a session
 * that receives such a message is ended with {@link WampUris#PROTOCOL_VIOLATION}.
 */
public class WampProtocolException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final int messageType;

	/**
	 * Create an exception for a message whose type is unknown or could not be read.
	 * @param message what was wrong, for a person to read
	 */
	public WampProtocolException(String message) {
		this(0, message, null);
	}

	/**
	 * Create an exception for a message of a known type.
	 * @param messageType the WAMP message type code, or 0 when unknown
	 * @param message what was wrong, for a person to read
	 */
	public WampProtocolException(int messageType, String message) {
		this(messageType, message, null);
	}

	/**
	 * Create an exception with a cause (a codec's own parse error, for example).
	 * @param messageType the WAMP message type code, or 0 when unknown
	 * @param message what was wrong, for a person to read
	 * @param cause the underlying error, if any
	 */
	public WampProtocolException(int messageType, String message, @org.jspecify.annotations.Nullable Throwable cause) {
		super(message, cause);
		this.messageType = messageType;
	}

	/**
	 * The type code of the offending message.
	 * @return the WAMP message type code, or 0 when it is unknown or could not be read
	 */
	public int messageType() {
		return this.messageType;
	}

}
