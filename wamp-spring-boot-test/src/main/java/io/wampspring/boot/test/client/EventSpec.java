package io.wampspring.boot.test.client;

import java.util.function.Consumer;

import io.wampspring.client.WampEvent;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.MapAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on an event a {@link SubscriptionSpec} received.
 */
public final class EventSpec {

	private final String description;

	private final WampEvent event;

	EventSpec(String description, WampEvent event) {
		this.description = description;
		this.event = event;
	}

	/**
	 * Assert on the positional arguments; integers read as {@link Integer} when they fit.
	 * @return an AssertJ assertion
	 */
	public ListAssert<@Nullable Object> args() {
		return Assertions.assertThat(WampValues.normalize(this.event.args())).as("args of the %s", this.description);
	}

	/**
	 * Assert on the keyword arguments; integers read as {@link Integer} when they fit.
	 * @return an AssertJ assertion
	 */
	public MapAssert<String, @Nullable Object> kwargs() {
		return Assertions.assertThat(WampValues.normalize(this.event.kwargs()))
			.as("kwargs of the %s", this.description);
	}

	/**
	 * Hand the event to custom assertions.
	 * @param consumer the assertions
	 * @return this spec
	 */
	public EventSpec consumeWith(Consumer<WampEvent> consumer) {
		consumer.accept(this.event);
		return this;
	}

	/**
	 * The event as it arrived (with its details, such as the disclosed publisher).
	 * @return the event
	 */
	public WampEvent returnEvent() {
		return this.event;
	}

}
