package io.wampspring.spring.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of {@code wamp.listener} observations; implement it (or extend
 * {@link DefaultWampListenerObservationConvention}) to add or change keys.
 */
public interface WampListenerObservationConvention extends ObservationConvention<WampListenerContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof WampListenerContext;
	}

	@Override
	default String getName() {
		return WampListenerObservation.LISTENER_OBSERVATION.getName();
	}

}
