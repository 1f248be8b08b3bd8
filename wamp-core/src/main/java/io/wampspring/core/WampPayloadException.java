package io.wampspring.core;

import java.io.Serial;

/**
 * A message whose frame and structure are valid, but whose Details, Options, Arguments or
 * ArgumentsKw hold a value the codec cannot map to a WAMP payload value (a MessagePack
 * extension type, a CBOR simple value, a JSON number beyond the range of a double, binary
 * JSON that is not base64, a dictionary key that is not a string). Only this one message
 * is bad, so the receiver fails only what the message belongs to and keeps the session:
 * <table>
 * <caption>How a receiver acts on a payload it cannot read</caption>
 * <tr>
 * <th>{@link #messageType()}</th>
 * <th>receiver</th>
 * <th>action</th>
 * </tr>
 * <tr>
 * <td>INVOCATION</td>
 * <td>client</td>
 * <td>answer ERROR(INVOCATION, {@link #requestId()}, {@code wamp.error.invalid_argument})
 * with {@link #getMessage()}; the router passes it to the caller</td>
 * </tr>
 * <tr>
 * <td>EVENT</td>
 * <td>client</td>
 * <td>drop the event, count it and log it (once per interval); {@link #requestId()} is
 * the subscription id</td>
 * </tr>
 * <tr>
 * <td>RESULT</td>
 * <td>client</td>
 * <td>fail the call {@link #requestId()} with {@code wamp.error.invalid_argument} (later
 * progressive results for it are ignored)</td>
 * </tr>
 * <tr>
 * <td>ERROR</td>
 * <td>client or router</td>
 * <td>fail the request {@link #requestType()} / {@link #requestId()} as if the ERROR had
 * said {@code wamp.error.invalid_argument}; at a router, an ERROR that answers an
 * INVOCATION fails the caller's call</td>
 * </tr>
 * <tr>
 * <td>CALL, REGISTER, SUBSCRIBE, PUBLISH with {@code acknowledge}</td>
 * <td>router</td>
 * <td>answer ERROR({@link #requestType()}, {@link #requestId()},
 * {@code wamp.error.invalid_argument}); {@link #answerable()} is true</td>
 * </tr>
 * <tr>
 * <td>PUBLISH without {@code acknowledge}</td>
 * <td>router</td>
 * <td>drop it and count it (the publisher expects no answer)</td>
 * </tr>
 * <tr>
 * <td>YIELD</td>
 * <td>router</td>
 * <td>fail the call that the invocation {@link #requestId()} belongs to with
 * {@code wamp.error.invalid_argument}</td>
 * </tr>
 * <tr>
 * <td>CANCEL, INTERRUPT</td>
 * <td>router, client</td>
 * <td>act on {@link #requestId()} with default options</td>
 * </tr>
 * </table>
 * HELLO, WELCOME, ABORT, CHALLENGE, AUTHENTICATE and GOODBYE concern the whole session,
 * so an unreadable value in them is a plain {@link WampProtocolException}, as are broken
 * framing, malformed serializer data and a broken message structure (wrong length, an id
 * that is not an integer, an unknown type code). A receiver that does not handle this
 * subclass treats it as any protocol violation and ends the session: nothing is ever
 * silently lost.
 */
public class WampPayloadException extends WampProtocolException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The type code of the message whose payload could not be mapped. */
	private final int requestType;

	/** Whether the message can be answered with an ERROR. */
	private final boolean answerable;

	/**
	 * Create an exception for a message whose payload holds a value that cannot be
	 * mapped.
	 * @param messageType the type code of the message that was received
	 * @param requestType the type code of the request the message belongs to: element 1
	 * of an ERROR, else {@code messageType}
	 * @param requestId the id the receiver acts on: the request id (element 2 of an
	 * ERROR), or the subscription id of an EVENT
	 * @param answerable whether the receiver answers the sender with an ERROR for this
	 * request (CALL, REGISTER, SUBSCRIBE, INVOCATION, PUBLISH with {@code acknowledge})
	 * @param message what was wrong and where, for a person to read
	 */
	public WampPayloadException(int messageType, int requestType, long requestId, boolean answerable, String message) {
		super(messageType, requestId, WampUris.INVALID_ARGUMENT, message);
		this.requestType = requestType;
		this.answerable = answerable;
	}

	/**
	 * The type code of the request this message belongs to.
	 * @return for an ERROR, the type of the request it answers (element 1); for any other
	 * message, {@link #messageType()}
	 */
	public int requestType() {
		return this.requestType;
	}

	/**
	 * The id the receiver acts on.
	 * @return the request id (element 1, or element 2 of an ERROR), or the subscription
	 * id of an EVENT; 0 only for an UNREGISTERED or UNSUBSCRIBED that the router sent on
	 * its own
	 */
	@Override
	public long requestId() {
		return super.requestId();
	}

	/**
	 * Whether the receiver answers the sender with ERROR({@link #requestType()},
	 * {@link #requestId()}, {@link #errorUri()}): true for a CALL, REGISTER, SUBSCRIBE,
	 * INVOCATION and a PUBLISH that asked for {@code acknowledge}. Other messages expect
	 * no answer; the receiver acts locally as the table in the class documentation says.
	 * @return whether to answer with an ERROR
	 */
	public boolean answerable() {
		return this.answerable;
	}

	/**
	 * The error URI to fail the message's request with.
	 * @return always {@link WampUris#INVALID_ARGUMENT}
	 */
	@Override
	public String errorUri() {
		return super.errorUri();
	}

}
