package io.wampspring.client;

/**
 * Receives the events of a subscription. Events of one subscription are handed over one
 * at a time, in the order they arrived, on the client's handler scheduler (never on the
 * I/O thread). An exception is logged and does not end the subscription.
 */
@FunctionalInterface
public interface EventHandler {

	/**
	 * Handle an event.
	 * @param event the event
	 */
	void onEvent(WampEvent event);

}
