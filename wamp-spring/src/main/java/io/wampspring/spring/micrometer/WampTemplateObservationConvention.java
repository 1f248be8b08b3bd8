package io.wampspring.spring.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of {@code wamp.template} observations; implement it (or extend
 * {@link DefaultWampTemplateObservationConvention}) to add or change keys.
 */
public interface WampTemplateObservationConvention extends ObservationConvention<WampTemplateContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof WampTemplateContext;
	}

	@Override
	default String getName() {
		return WampTemplateObservation.TEMPLATE_OBSERVATION.getName();
	}

}
