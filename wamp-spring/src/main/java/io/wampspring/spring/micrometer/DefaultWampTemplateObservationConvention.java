package io.wampspring.spring.micrometer;

import io.micrometer.common.KeyValues;
import io.wampspring.spring.micrometer.WampTemplateObservation.TemplateHighCardinalityKeys;
import io.wampspring.spring.micrometer.WampTemplateObservation.TemplateLowCardinalityKeys;

/**
 * The default {@link WampTemplateObservationConvention}: low-cardinality
 * {@code messaging.system=wamp}, {@code messaging.operation},
 * {@code messaging.destination.name} (the URI), {@code wamp.peer}, {@code wamp.outcome}
 * and {@code wamp.error}.
 */
public class DefaultWampTemplateObservationConvention implements WampTemplateObservationConvention {

	/** A shared instance. */
	public static final DefaultWampTemplateObservationConvention INSTANCE = new DefaultWampTemplateObservationConvention();

	@Override
	public KeyValues getLowCardinalityKeyValues(WampTemplateContext context) {
		return KeyValues.of(TemplateLowCardinalityKeys.MESSAGING_SYSTEM.withValue("wamp"),
				TemplateLowCardinalityKeys.MESSAGING_OPERATION.withValue(context.getOperation().value()),
				TemplateLowCardinalityKeys.MESSAGING_DESTINATION_NAME.withValue(context.getDestination()),
				TemplateLowCardinalityKeys.PEER.withValue(context.getPeer()),
				TemplateLowCardinalityKeys.OUTCOME.withValue(context.getOutcome()),
				TemplateLowCardinalityKeys.ERROR_URI.withValue(context.getErrorUri()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(WampTemplateContext context) {
		return KeyValues.of(TemplateHighCardinalityKeys.URI.withValue(context.getUri()));
	}

	@Override
	public String getContextualName(WampTemplateContext context) {
		return context.getDestination() + " " + context.getOperation().value();
	}

}
