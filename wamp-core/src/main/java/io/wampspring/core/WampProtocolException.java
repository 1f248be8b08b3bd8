package io.wampspring.core;

import java.io.Serial;

/**
 * A peer broke the WAMP protocol: a frame could not be decoded, a message had the wrong
 * length or element types, an unknown type code, an invalid id or URI, or a message came
 * at a moment the protocol does not allow. The message names what was wrong; a session
 * that receives such a message is ended with {@link WampUris#PROTOCOL_VIOLATION}.
 * <p>
 * One exception: a message that is well formed but for an invalid URI has
 * {@link #errorUri()} {@link WampUris#INVALID_URI}, and a request among them (CALL,
 * REGISTER, SUBSCRIBE, PUBLISH with {@code acknowledge}) also its {@link #requestId()},
 * so that a router can answer that request with ERROR and keep the session, as the
 * specification asks (and drop a PUBLISH without {@code acknowledge}, which expects no
 * answer).
 * <p>
 * A message whose structure is valid but whose payload holds a value the codec cannot map
 * is a {@link WampPayloadException}: only that message fails, and the session goes on.
 */
public class WampProtocolException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The type code of the offending message. */
	private final int messageType;

	/** The request id of the offending message. */
	private final long requestId;

	/** The error URI to answer with. */
	private final String errorUri;

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
		this(messageType, 0, WampUris.PROTOCOL_VIOLATION, message);
		if (cause != null) {
			initCause(cause);
		}
	}

	/**
	 * Create an exception for a request that can be answered with an ERROR instead of
	 * ending the session (an invalid URI, for example).
	 * @param messageType the WAMP message type code of the request
	 * @param requestId the request id read from the message, or 0 when the request cannot
	 * be answered
	 * @param errorUri the error URI for the answer, such as {@link WampUris#INVALID_URI};
	 * it is {@link WampUris#PROTOCOL_VIOLATION} for a message that cannot be answered
	 * @param message what was wrong, for a person to read
	 */
	public WampProtocolException(int messageType, long requestId, String errorUri, String message) {
		super(message);
		this.messageType = messageType;
		this.requestId = requestId;
		this.errorUri = errorUri;
	}

	/**
	 * The type code of the offending message.
	 * @return the WAMP message type code, or 0 when it is unknown or could not be read
	 */
	public int messageType() {
		return this.messageType;
	}

	/**
	 * The id of the offending request when the receiver can answer it with an ERROR
	 * ({@link #errorUri()}) and keep the session: set for a CALL, REGISTER, SUBSCRIBE or
	 * a PUBLISH that asked for {@code acknowledge} whose URI is invalid.
	 * @return the request id, or 0 when the message cannot be answered (the session must
	 * then end with {@link WampUris#PROTOCOL_VIOLATION})
	 */
	public long requestId() {
		return this.requestId;
	}

	/**
	 * The error URI that describes what was wrong.
	 * @return {@link WampUris#INVALID_URI} when an element that must be a URI is a string
	 * but not a valid URI, else {@link WampUris#PROTOCOL_VIOLATION}
	 */
	public String errorUri() {
		return this.errorUri;
	}

}
