package io.wampspring.spring.micrometer;

import java.util.Map;
import java.util.Objects;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code wamp.listener} observation: one invocation of a procedure
 * handler or one event handled by a subscription handler. Its carrier is the details of
 * the INVOCATION or EVENT, from which a tracing handler reads the caller's or publisher's
 * trace context ({@code _traceparent}, ...), so that the handler's span continues the
 * caller's trace.
 */
public class WampListenerContext extends ReceiverContext<Map<String, Object>> implements WampObservationContext {

	private final WampOperationState state;

	private final String endpoint;

	private final @Nullable Long messageId;

	/**
	 * Create a context without the message's details (no trace context is read).
	 * @param operation {@link WampOperation#INVOCATION} or {@link WampOperation#EVENT}
	 * @param peer the peer's name
	 * @param destination the registered URI or pattern
	 * @param uri the concrete URI of the message
	 * @param endpoint the handler, such as {@code Calculator#add}
	 * @param messageId the publication id of an event, or null
	 */
	public WampListenerContext(WampOperation operation, String peer, String destination, String uri, String endpoint,
			@Nullable Long messageId) {
		this(operation, peer, destination, uri, endpoint, messageId, Map.of());
	}

	/**
	 * Create a context.
	 * @param operation {@link WampOperation#INVOCATION} or {@link WampOperation#EVENT}
	 * @param peer the peer's name
	 * @param destination the registered URI or pattern
	 * @param uri the concrete URI of the message
	 * @param endpoint the handler, such as {@code Calculator#add}
	 * @param messageId the publication id of an event, or null
	 * @param details the details of the INVOCATION or EVENT, which may carry a trace
	 * context
	 */
	public WampListenerContext(WampOperation operation, String peer, String destination, String uri, String endpoint,
			@Nullable Long messageId, Map<String, Object> details) {
		super(WampTraceContext.GETTER, (operation == WampOperation.EVENT) ? Kind.CONSUMER : Kind.SERVER);
		this.state = new WampOperationState(operation, peer, destination, uri);
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
		this.messageId = messageId;
		setCarrier(Objects.requireNonNull(details, "details"));
		setRemoteServiceName("wamp");
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

	@Override
	public WampOperation getOperation() {
		return this.state.operation;
	}

	@Override
	public String getPeer() {
		return this.state.peer;
	}

	@Override
	public String getDestination() {
		return this.state.destination;
	}

	@Override
	public String getUri() {
		return this.state.uri;
	}

	@Override
	public boolean isCancelled() {
		return this.state.cancelled;
	}

	@Override
	public void setCancelled(boolean cancelled) {
		this.state.cancelled = cancelled;
	}

	@Override
	public void setErrorUri(String uri) {
		this.state.answeredUri = uri;
	}

	@Override
	public String getErrorUri() {
		return this.state.errorUri(getError());
	}

}
