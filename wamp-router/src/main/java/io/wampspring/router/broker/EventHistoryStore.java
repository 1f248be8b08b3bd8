package io.wampspring.router.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.EventHistory;
import org.jspecify.annotations.Nullable;

/**
 * The event history of a realm: per configured topic or pattern, the last events in a
 * bounded ring, answered by {@code wamp.subscription.get_events} in Crossbar.io's shape
 * (newest first; {@code time_ns}, {@code realm}, {@code publication}, {@code topic},
 * {@code args}, {@code kwargs}, and the publisher's {@code session_id}, {@code authid}
 * and {@code authrole} when the publication disclosed them).
 */
final class EventHistoryStore {

	/** The histories by (uri, match); replaced as a whole on reconfiguration. */
	private volatile List<Ring> rings = List.of();

	/**
	 * Take a new configuration: histories of rules that stay keep their events, the
	 * others are dropped.
	 */
	synchronized void configure(List<EventHistory> rules) {
		List<Ring> next = new ArrayList<>(rules.size());
		for (EventHistory rule : rules) {
			Ring kept = null;
			for (Ring ring : this.rings) {
				if (ring.rule.uri().equals(rule.uri()) && ring.rule.match() == rule.match()) {
					kept = ring;
				}
			}
			next.add((kept != null) ? kept.resized(rule) : new Ring(rule));
		}
		this.rings = List.copyOf(next);
	}

	boolean isEmpty() {
		return this.rings.isEmpty();
	}

	/**
	 * Keep a publication in every history whose rule matches its topic.
	 */
	void record(String realm, String topic, long publication, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs, @Nullable SessionIdentity disclosed) {
		Map<String, @Nullable Object> event = null;
		for (Ring ring : this.rings) {
			if (!ring.rule.match().matches(ring.rule.uri(), topic)) {
				continue;
			}
			if (event == null) {
				event = new LinkedHashMap<>();
				event.put("time_ns", System.currentTimeMillis() * 1_000_000L);
				event.put("realm", realm);
				if (disclosed != null) {
					event.put("session_id", disclosed.session());
					event.put("authid", disclosed.authid());
					event.put("authrole", disclosed.authrole());
				}
				event.put("publication", publication);
				event.put("topic", topic);
				event.put("args", args);
				event.put("kwargs", kwargs);
			}
			ring.add(event);
		}
	}

	/**
	 * The last events of the history kept for a subscription's URI and match.
	 * @return newest first, or null when no history is kept for it
	 */
	@Nullable List<Map<String, @Nullable Object>> events(String uri, MatchPolicy match, int limit) {
		for (Ring ring : this.rings) {
			if (ring.rule.uri().equals(uri) && ring.rule.match() == match) {
				return ring.newest(limit);
			}
		}
		return null;
	}

	/** One bounded history. */
	private static final class Ring {

		private final EventHistory rule;

		private final ArrayDeque<Map<String, @Nullable Object>> events;

		Ring(EventHistory rule) {
			this.rule = rule;
			this.events = new ArrayDeque<>(Math.min(rule.limit(), 64));
		}

		Ring resized(EventHistory newRule) {
			Ring ring = new Ring(newRule);
			synchronized (this) {
				this.events.forEach(ring::add);
			}
			return ring;
		}

		synchronized void add(Map<String, @Nullable Object> event) {
			if (this.events.size() >= this.rule.limit()) {
				this.events.removeFirst();
			}
			this.events.addLast(event);
		}

		synchronized List<Map<String, @Nullable Object>> newest(int limit) {
			List<Map<String, @Nullable Object>> result = new ArrayList<>(Math.min(limit, this.events.size()));
			Iterator<Map<String, @Nullable Object>> newestFirst = this.events.descendingIterator();
			while (newestFirst.hasNext() && result.size() < limit) {
				result.add(newestFirst.next());
			}
			return result;
		}

	}

}
