package io.wampspring.spring.micrometer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of a {@code wamp.template} observation: one call or publication by the
 * template. Its carrier is the map of options that a tracing handler fills with the trace
 * context when the observation starts ({@code _traceparent}, ...), which the template
 * adds to the CALL or PUBLISH options.
 */
public class WampTemplateContext extends SenderContext<Map<String, Object>> implements WampObservationContext {

	private final WampOperationState state;

	/**
	 * Create a context.
	 * @param operation {@link WampOperation#CALL} or {@link WampOperation#PUBLISH}
	 * @param peer the peer's name
	 * @param uri the procedure or topic
	 */
	public WampTemplateContext(WampOperation operation, String peer, String uri) {
		super(WampTraceContext.SETTER, (operation == WampOperation.PUBLISH) ? Kind.PRODUCER : Kind.CLIENT);
		this.state = new WampOperationState(operation, peer, uri, uri);
		setCarrier(new LinkedHashMap<>(4));
		setRemoteServiceName("wamp");
	}

	/**
	 * The options to add to the message: the trace context a tracing handler put into the
	 * carrier, empty without one.
	 * @return the options, owned by this context
	 */
	public Map<String, Object> getPropagatedOptions() {
		Map<String, Object> carrier = getCarrier();
		return (carrier != null) ? carrier : Map.of();
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
