package io.wampspring.core.message;

/**
 * The message type codes of the WAMP v2 specification.
 */
public final class WampMessageType {

	private WampMessageType() {
	}

	/** HELLO message type code. */
	public static final int HELLO = 1;

	/** WELCOME message type code. */
	public static final int WELCOME = 2;

	/** ABORT message type code. */
	public static final int ABORT = 3;

	/** CHALLENGE message type code. */
	public static final int CHALLENGE = 4;

	/** AUTHENTICATE message type code. */
	public static final int AUTHENTICATE = 5;

	/** GOODBYE message type code. */
	public static final int GOODBYE = 6;

	/** ERROR message type code. */
	public static final int ERROR = 8;

	/** PUBLISH message type code. */
	public static final int PUBLISH = 16;

	/** PUBLISHED message type code. */
	public static final int PUBLISHED = 17;

	/** SUBSCRIBE message type code. */
	public static final int SUBSCRIBE = 32;

	/** SUBSCRIBED message type code. */
	public static final int SUBSCRIBED = 33;

	/** UNSUBSCRIBE message type code. */
	public static final int UNSUBSCRIBE = 34;

	/** UNSUBSCRIBED message type code. */
	public static final int UNSUBSCRIBED = 35;

	/** EVENT message type code. */
	public static final int EVENT = 36;

	/** CALL message type code. */
	public static final int CALL = 48;

	/** CANCEL message type code. */
	public static final int CANCEL = 49;

	/** RESULT message type code. */
	public static final int RESULT = 50;

	/** REGISTER message type code. */
	public static final int REGISTER = 64;

	/** REGISTERED message type code. */
	public static final int REGISTERED = 65;

	/** UNREGISTER message type code. */
	public static final int UNREGISTER = 66;

	/** UNREGISTERED message type code. */
	public static final int UNREGISTERED = 67;

	/** INVOCATION message type code. */
	public static final int INVOCATION = 68;

	/** INTERRUPT message type code. */
	public static final int INTERRUPT = 69;

	/** YIELD message type code. */
	public static final int YIELD = 70;

	/**
	 * The name of a message type, for logs and error messages.
	 * @param type a message type code
	 * @return the name, such as {@code CALL}, or {@code UNKNOWN(n)}
	 */
	public static String name(int type) {
		return switch (type) {
			case HELLO -> "HELLO";
			case WELCOME -> "WELCOME";
			case ABORT -> "ABORT";
			case CHALLENGE -> "CHALLENGE";
			case AUTHENTICATE -> "AUTHENTICATE";
			case GOODBYE -> "GOODBYE";
			case ERROR -> "ERROR";
			case PUBLISH -> "PUBLISH";
			case PUBLISHED -> "PUBLISHED";
			case SUBSCRIBE -> "SUBSCRIBE";
			case SUBSCRIBED -> "SUBSCRIBED";
			case UNSUBSCRIBE -> "UNSUBSCRIBE";
			case UNSUBSCRIBED -> "UNSUBSCRIBED";
			case EVENT -> "EVENT";
			case CALL -> "CALL";
			case CANCEL -> "CANCEL";
			case RESULT -> "RESULT";
			case REGISTER -> "REGISTER";
			case REGISTERED -> "REGISTERED";
			case UNREGISTER -> "UNREGISTER";
			case UNREGISTERED -> "UNREGISTERED";
			case INVOCATION -> "INVOCATION";
			case INTERRUPT -> "INTERRUPT";
			case YIELD -> "YIELD";
			default -> "UNKNOWN(" + type + ")";
		};
	}

}
