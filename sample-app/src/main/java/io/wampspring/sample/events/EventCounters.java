package io.wampspring.sample.events;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.client.WampEvent;
import io.wampspring.spring.annotation.WampSubscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Subscribes to {@value #ON_HELLO} and {@value #ON_ADD}, logs every event and counts it
 * in the Micrometer counter {@value #METER} tagged with the {@code topic}: see
 * {@code /actuator/metrics/sample.events.received?tag=topic:com.example.onadd}.
 */
@Component
public class EventCounters {

	/** The meter that counts received events. */
	public static final String METER = "sample.events.received";

	/** A topic anyone with the backend role may publish greetings on. */
	public static final String ON_HELLO = "com.example.onhello";

	/** The topic com.example.add2 publishes its sums on. */
	public static final String ON_ADD = "com.example.onadd";

	private static final Logger logger = LoggerFactory.getLogger(EventCounters.class);

	private final Counter hello;

	private final Counter add;

	/**
	 * Create the counters (at zero, so that they are listed before the first event).
	 * @param meters the registry
	 */
	public EventCounters(MeterRegistry meters) {
		this.hello = counter(meters, ON_HELLO);
		this.add = counter(meters, ON_ADD);
	}

	private static Counter counter(MeterRegistry meters, String topic) {
		return Counter.builder(METER)
			.description("WAMP events the sample received")
			.tag("topic", topic)
			.register(meters);
	}

	/**
	 * Log and count a greeting.
	 * @param event the event
	 */
	@WampSubscribe(ON_HELLO)
	public void onHello(WampEvent event) {
		this.hello.increment();
		log(event.topic(), event.args(), event.kwargs());
	}

	/**
	 * Log and count a sum.
	 * @param event the event
	 */
	@WampSubscribe(ON_ADD)
	public void onAdd(WampEvent event) {
		this.add.increment();
		log(event.topic(), event.args(), event.kwargs());
	}

	/**
	 * How many events arrived on a topic.
	 * @param topic {@value #ON_HELLO} or {@value #ON_ADD}
	 * @return the count
	 */
	public long count(String topic) {
		return (long) (ON_HELLO.equals(topic) ? this.hello : this.add).count();
	}

	private static void log(String topic, List<?> args, Map<String, ?> kwargs) {
		logger.info("event on {}: args={} kwargs={}", topic, args, kwargs);
	}

}
