package io.wampspring.spring.micrometer;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code wamp.listener} observation: one invocation of a procedure
 * handler or one event handled by a subscription handler.
 */
public class WampListenerContext extends WampObservationContext {

	private final String endpoint;

	private final @Nullable Long messageId;

	/**
	 * Create a context.
	 * @param operation {@link WampOperation#INVOCATION} or {@link WampOperation#EVENT}
	 * @param peer the peer's name
	 * @param destination the registered URI or pattern
	 * @param uri the concrete URI of the message
	 * @param endpoint the handler, such as {@code Calculator#add}
	 * @param messageId the publication id of an event, or null
	 */
	public WampListenerContext(WampOperation operation, String peer, String destination, String uri, String endpoint,
			@Nullable Long messageId) {
		super(operation, peer, destination, uri);
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
		this.messageId = messageId;
	}

	/**
	 * The handler.
	 * @return such as {@code Calculator#add}
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The publication id of an event.
	 * @return the id, or null for an invocation
	 */
	public @Nullable Long getMessageId() {
		return this.messageId;
	}

}
