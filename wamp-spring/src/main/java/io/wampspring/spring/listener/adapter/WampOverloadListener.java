package io.wampspring.spring.listener.adapter;

/**
 * Told when a handler refuses work because its concurrency limit and its queue are full:
 * an invocation answered with {@code wamp.error.unavailable}, or an event dropped. Called
 * on the thread that delivered the message, once per refused message: implementations
 * return at once (the auto-configuration counts them in Micrometer).
 */
public interface WampOverloadListener {

	/** A listener that does nothing. */
	WampOverloadListener NONE = new WampOverloadListener() {
	};

	/**
	 * An invocation was answered with {@code wamp.error.unavailable}.
	 * @param peer the name of the peer that serves the procedure
	 * @param procedure the registered URI or pattern
	 */
	default void invocationRejected(String peer, String procedure) {
	}

	/**
	 * An event was dropped.
	 * @param peer the name of the peer that subscribed
	 * @param topic the subscribed URI or pattern
	 */
	default void eventDropped(String peer, String topic) {
	}

}
