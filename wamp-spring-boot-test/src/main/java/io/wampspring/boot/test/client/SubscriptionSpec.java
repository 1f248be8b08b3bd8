package io.wampspring.boot.test.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.client.WampEvent;
import io.wampspring.core.WampException;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * A subscription of a {@link WampTestClient}: its events wait, in order and up to the
 * client's bound, for the expectations. Closing it unsubscribes.
 */
public final class SubscriptionSpec implements AutoCloseable {

	private final String topic;

	private final Duration timeout;

	private final BlockingQueue<WampEvent> events;

	private final AtomicLong dropped = new AtomicLong();

	private volatile Subscription subscription;

	private SubscriptionSpec(String topic, Duration timeout, int maxBufferedEvents) {
		this.topic = topic;
		this.timeout = timeout;
		this.events = new ArrayBlockingQueue<>(maxBufferedEvents);
	}

	static SubscriptionSpec open(WampTestClient client, String topic, SubscribeOptions options) {
		SubscriptionSpec spec = new SubscriptionSpec(topic, client.timeout(), client.maxBufferedEvents());
		try {
			spec.subscription = client.session().subscribe(topic, options, (event) -> {
				if (!spec.events.offer(event)) {
					spec.dropped.incrementAndGet();
				}
			}).block(client.timeout());
		}
		catch (WampException ex) {
			throw new AssertionError("Subscribing to '" + topic + "' failed: " + ex.getUri() + " " + ex.getArgs(), ex);
		}
		catch (IllegalStateException ex) {
			throw new AssertionError("The router did not confirm the subscription to '" + topic + "' within "
					+ client.timeout().toMillis() + " ms", ex);
		}
		return spec;
	}

	/**
	 * Expect the next event.
	 * @return assertions on it
	 * @throws AssertionError when no event arrives in time, or events were dropped
	 */
	public EventSpec expectEvent() {
		return new EventSpec("event of '" + this.topic + "'", next(1, 1));
	}

	/**
	 * Expect the next events.
	 * @param count how many
	 * @return an AssertJ assertion on them, in the order they arrived
	 * @throws AssertionError when fewer arrive in time, or events were dropped
	 */
	public ListAssert<WampEvent> expectEvents(int count) {
		List<WampEvent> received = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			received.add(next(i, count));
		}
		return Assertions.assertThat(received).as("%d events of '%s'", count, this.topic);
	}

	/**
	 * Expect no event for a while.
	 * @param wait how long to watch
	 * @return this subscription
	 * @throws AssertionError when an event arrives
	 */
	public SubscriptionSpec expectNoEvent(Duration wait) {
		WampEvent event = poll(wait);
		if (event != null) {
			throw new AssertionError("Expected no event of '" + this.topic + "' for " + wait.toMillis() + " ms but got "
					+ WampValues.normalize(event.args()) + " " + WampValues.normalize(event.kwargs()));
		}
		return this;
	}

	private WampEvent next(int index, int count) {
		long lost = this.dropped.get();
		if (lost > 0) {
			throw new AssertionError(lost + " events of '" + this.topic + "' were dropped: more than "
					+ (this.events.size() + this.events.remainingCapacity())
					+ " waited unexpected; expect them sooner, or raise wamp.test.client.max-buffered-events");
		}
		WampEvent event = poll(this.timeout);
		if (event == null) {
			throw new AssertionError("Expected " + ((count == 1) ? "an event" : "event " + index + " of " + count)
					+ " of '" + this.topic + "' within " + this.timeout.toMillis() + " ms, but nothing arrived");
		}
		return event;
	}

	private WampEvent poll(Duration wait) {
		try {
			return this.events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for an event of '" + this.topic + "'");
		}
	}

	/**
	 * Unsubscribe, within the client's timeout.
	 */
	@Override
	public void close() {
		this.subscription.unsubscribe().block(this.timeout);
	}

}
