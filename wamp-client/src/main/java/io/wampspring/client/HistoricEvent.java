package io.wampspring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * An event from a router's event history ({@code wamp.subscription.get_events}, as
 * Crossbar.io and the embedded router answer it).
 *
 * @param publication the publication id
 * @param topic the concrete topic
 * @param args positional arguments
 * @param kwargs keyword arguments
 * @param timeNs when the router received it, in nanoseconds since the epoch, or 0 when
 * not given
 * @param publisher the publisher's session id, when the router gives it
 * @param publisherAuthid the publisher's authid, when the router gives it
 * @param publisherAuthrole the publisher's authrole, when the router gives it
 */
public record HistoricEvent(long publication, String topic, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs, long timeNs, @Nullable Long publisher, @Nullable String publisherAuthid,
		@Nullable String publisherAuthrole) {

	/** The procedure that answers the history of a subscription. */
	public static final String GET_EVENTS = "wamp.subscription.get_events";

	/**
	 * Read the result of {@code wamp.subscription.get_events}: one positional argument, a
	 * list of event dictionaries, newest first.
	 * @param result the call's result
	 * @return the events, newest first
	 * @throws WampException {@code wamp.error.invalid_argument} when the result has
	 * another shape
	 */
	@SuppressWarnings("unchecked")
	public static List<HistoricEvent> listOf(CallResult result) {
		if (!(result.arg(0) instanceof List<?> list)) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					"expected a list of events from " + GET_EVENTS + ", got " + result.args());
		}
		List<HistoricEvent> events = new ArrayList<>(list.size());
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map)) {
				throw new WampException(WampUris.INVALID_ARGUMENT,
						"expected each event from " + GET_EVENTS + " to be a dictionary, got " + item);
			}
			events.add(of((Map<String, Object>) map));
		}
		return events;
	}

	@SuppressWarnings("unchecked")
	private static HistoricEvent of(Map<String, Object> event) {
		Long publication = Dicts.integer(event, "publication");
		Long time = Dicts.integer(event, "time_ns");
		String topic = Dicts.string(event, "topic");
		Object args = event.get("args");
		Object kwargs = event.get("kwargs");
		return new HistoricEvent((publication != null) ? publication : 0, (topic != null) ? topic : "",
				(args instanceof List<?> list) ? (List<@Nullable Object>) list : List.of(),
				(kwargs instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of(),
				(time != null) ? time : 0, Dicts.integer(event, "session_id"), Dicts.string(event, "authid"),
				Dicts.string(event, "authrole"));
	}

	/**
	 * A positional argument.
	 * @param index the position
	 * @return the value, or null when absent
	 */
	public @Nullable Object arg(int index) {
		return (index < this.args.size()) ? this.args.get(index) : null;
	}

}
