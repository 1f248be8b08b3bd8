package io.wampspring.boot.actuate.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.spring.listener.adapter.WampOverloadListener;

/**
 * Counts the work that handlers refused for lack of room:
 * {@code wamp.client.invocations.rejected} (invocations answered with
 * {@code wamp.error.unavailable}) and {@code wamp.client.events.dropped} (events dropped
 * from a full buffer), tagged with the peer and the registered or subscribed URI (the
 * pattern for pattern-based ones, so cardinality stays bounded).
 */
public class WampOverloadMeters implements WampOverloadListener {

	/** The counter of refused invocations. */
	public static final String INVOCATIONS_REJECTED = "wamp.client.invocations.rejected";

	/** The counter of dropped events. */
	public static final String EVENTS_DROPPED = "wamp.client.events.dropped";

	private final MeterRegistry registry;

	// one lookup per refused message under overload: keep the built counters
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Count in a registry.
	 * @param registry the registry
	 */
	public WampOverloadMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void invocationRejected(String peer, String procedure) {
		counter(INVOCATIONS_REJECTED, "procedure", peer, procedure,
				"Invocations answered with wamp.error.unavailable because the handler's concurrency and queue were full")
			.increment();
	}

	@Override
	public void eventDropped(String peer, String topic) {
		counter(EVENTS_DROPPED, "topic", peer, topic, "Events dropped because the handler's buffer was full")
			.increment();
	}

	private Counter counter(String name, String uriTag, String peer, String uri, String description) {
		return this.counters.computeIfAbsent(name + '\0' + peer + '\0' + uri,
				(key) -> Counter.builder(name)
					.description(description)
					.tag("peer", peer)
					.tag(uriTag, uri)
					.register(this.registry));
	}

}
