package io.wampspring.router.config;

import java.util.Objects;

import io.wampspring.core.uri.MatchPolicy;

/**
 * A topic (or pattern) whose last events the router keeps, for
 * {@code wamp.subscription.get_events} (Crossbar.io's event history). The history belongs
 * to the subscription of the same URI and match: a client subscribes to the topic, then
 * asks for the events of its subscription id.
 *
 * @param uri the topic or pattern
 * @param match how the pattern matches published topics
 * @param limit how many events are kept, the oldest dropped first (1 to
 * {@value #MAX_LIMIT})
 */
public record EventHistory(String uri, MatchPolicy match, int limit) {

	/** The largest number of events kept per history. */
	public static final int MAX_LIMIT = 100_000;

	/**
	 * Check.
	 * @param limit how many events are kept, the oldest dropped first
	 * @param match how the pattern matches published topics
	 * @param uri the topic or pattern
	 * @throws IllegalArgumentException for a limit outside 1..{@value #MAX_LIMIT}
	 */
	public EventHistory {
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(match, "match");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException(
					"the event history of '" + uri + "' must keep 1 to " + MAX_LIMIT + " events, got " + limit);
		}
	}

	/**
	 * Keep the last events of one topic.
	 * @param topic the topic
	 * @param limit how many
	 * @return the history
	 */
	public static EventHistory of(String topic, int limit) {
		return new EventHistory(topic, MatchPolicy.EXACT, limit);
	}

}
