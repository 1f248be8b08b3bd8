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
	 */
	void dispatch(Event event);

}
