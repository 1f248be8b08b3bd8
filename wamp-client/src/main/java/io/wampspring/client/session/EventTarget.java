package io.wampspring.client.session;

import io.wampspring.core.message.Event;

/**
 * Where a session routes the EVENTs of one router subscription. Called on the I/O thread:
 * implementations hand the event over to the handler scheduler and return at once.
 */
public interface EventTarget {

	/**
	 * Dispatch an event.
	 * @param event the event
	 * @param pressure the session's inbound backpressure:
	 * {@link InboundPressure#acquire()} for every event queued for a handler,
	 * {@link InboundPressure#release()} once it ran or was dropped
	 */
	void dispatch(Event event, InboundPressure pressure);

}
