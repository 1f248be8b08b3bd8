package io.wampspring.spring.micrometer;

import io.micrometer.common.KeyValues;
import io.wampspring.spring.micrometer.WampListenerObservation.ListenerHighCardinalityKeys;
import io.wampspring.spring.micrometer.WampListenerObservation.ListenerLowCardinalityKeys;

/**
 * The default {@link WampListenerObservationConvention}: low-cardinality
 * {@code messaging.system=wamp}, {@code messaging.operation},
 * {@code messaging.destination.name} (the registered URI or pattern, so that pattern
 * registrations keep the cardinality bounded), {@code wamp.peer}, {@code wamp.outcome}
 * and {@code wamp.error}; high-cardinality the concrete URI and the publication id of
 * events.
 */
public class DefaultWampListenerObservationConvention implements WampListenerObservationConvention {

	/** A shared instance. */
	public static final DefaultWampListenerObservationConvention INSTANCE = new DefaultWampListenerObservationConvention();

	@Override
	public KeyValues getLowCardinalityKeyValues(WampListenerContext context) {
		return KeyValues.of(ListenerLowCardinalityKeys.MESSAGING_SYSTEM.withValue("wamp"),
				ListenerLowCardinalityKeys.MESSAGING_OPERATION.withValue(context.getOperation().value()),
				ListenerLowCardinalityKeys.MESSAGING_DESTINATION_NAME.withValue(context.getDestination()),
				ListenerLowCardinalityKeys.PEER.withValue(context.getPeer()),
				ListenerLowCardinalityKeys.OUTCOME.withValue(context.getOutcome()),
				ListenerLowCardinalityKeys.ERROR_URI.withValue(context.getErrorUri()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(WampListenerContext context) {
		KeyValues values = KeyValues.of(ListenerHighCardinalityKeys.URI.withValue(context.getUri()),
				ListenerHighCardinalityKeys.ENDPOINT.withValue(context.getEndpoint()));
		Long id = context.getMessageId();
		return (id != null) ? values.and(ListenerHighCardinalityKeys.MESSAGE_ID.withValue(id.toString())) : values;
	}

	@Override
	public String getContextualName(WampListenerContext context) {
		return context.getDestination() + " " + context.getOperation().value();
	}

}
