package io.wampspring.core.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A WAMP v2 message. Every message is an immutable record; {@link #toList()} gives its
 * wire form (the array that every serializer writes), and
 * {@link io.wampspring.core.codec.MessageFactory#fromList(List)} turns a decoded array
 * back into a message, checking every element.
 */
public sealed interface WampMessage permits Hello, Welcome, Abort, Challenge, Authenticate, Goodbye, ErrorMessage,
		Publish, Published, Subscribe, Subscribed, Unsubscribe, Unsubscribed, Event, Call, Cancel, Result, Register,
		Registered, Unregister, Unregistered, Invocation, Interrupt, Yield {

	/**
	 * The message type code of the specification.
	 * @return the code, such as {@link WampMessageType#CALL}
	 */
	int type();

	/**
	 * The wire form of this message: the type code followed by its elements in the
	 * specification's order; empty trailing arguments are omitted as the specification
	 * requires.
	 * @return a new mutable list
	 */
	List<@Nullable Object> toList();

}
