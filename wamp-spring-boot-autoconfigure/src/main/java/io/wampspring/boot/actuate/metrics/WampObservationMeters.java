package io.wampspring.boot.actuate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.wampspring.spring.micrometer.WampObservationContext;

/**
 * Records the message meters of the Spring layer from its observations ({@code wamp.template}
 * and {@code wamp.listener}):
 * <ul>
 * <li>{@code wamp.client.calls}: a timer of the template's calls, by peer, procedure, outcome
 * and error URI;</li>
 * <li>{@code wamp.client.invocations}: a timer of the handlers' invocations, by peer,
 * procedure (the registered URI or pattern, so pattern registrations keep the cardinality
 * bounded), outcome and error URI;</li>
 * <li>{@code wamp.client.events.published}: a counter of the template's publications, by
 * peer, topic and outcome;</li>
 * <li>{@code wamp.client.events.received}: a counter of the events handled, by peer, topic
 * (the subscribed URI or pattern) and outcome.</li>
 * </ul>
 * Spring Boot registers every {@link ObservationHandler} bean with the observation registry.
 */
public class WampObservationMeters implements ObservationHandler<WampObservationContext> {

	/** The calls timer. */
	public static final String CALLS = "wamp.client.calls";

	/** The invocations timer. */
	public static final String INVOCATIONS = "wamp.client.invocations";

	/** The publications counter. */
	public static final String EVENTS_PUBLISHED = "wamp.client.events.published";

	/** The received events counter. */
	public static final String EVENTS_RECEIVED = "wamp.client.events.received";

	private final MeterRegistry registry;

	/**
	 * Create the handler.
	 * @param registry where the meters go
	 */
	public WampObservationMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof WampObservationContext;
	}

	@Override
	public void onStart(WampObservationContext context) {
		context.put(Timer.Sample.class, Timer.start(this.registry));
	}

	@Override
	public void onStop(WampObservationContext context) {
		Tags tags = Tags.of("peer", context.getPeer(), "outcome", context.getOutcome());
		switch (context.getOperation()) {
			case CALL -> stopTimer(context, CALLS, "WAMP calls made by the template",
					tags.and("procedure", context.getDestination(), "error", context.getErrorUri()));
			case INVOCATION -> stopTimer(context, INVOCATIONS, "WAMP invocations of handler methods",
					tags.and("procedure", context.getDestination(), "error", context.getErrorUri()));
			case PUBLISH -> Counter.builder(EVENTS_PUBLISHED)
				.description("WAMP events published by the template")
				.tags(tags.and("topic", context.getDestination()))
				.register(this.registry)
				.increment();
			case EVENT -> Counter.builder(EVENTS_RECEIVED)
				.description("WAMP events handled by handler methods")
				.tags(tags.and("topic", context.getDestination()))
				.register(this.registry)
				.increment();
		}
	}

	private void stopTimer(WampObservationContext context, String name, String description, Tags tags) {
		Timer.Sample sample = context.get(Timer.Sample.class);
		if (sample != null) {
			sample.stop(Timer.builder(name).description(description).tags(tags).register(this.registry));
		}
	}

}
