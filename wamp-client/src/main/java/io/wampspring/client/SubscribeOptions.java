package io.wampspring.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.uri.MatchPolicy;

/**
 * Immutable options of a subscription. Local subscriptions with the same topic and
 * options share one router subscription.
 *
 * @param match how the topic matches published URIs
 * @param extra further SUBSCRIBE options
 */
public record SubscribeOptions(MatchPolicy match, Map<String, Object> extra) {

	private static final SubscribeOptions DEFAULTS = new SubscribeOptions(MatchPolicy.EXACT, Map.of());

	/**
	 * Validate and copy.
	 * @param match how the topic matches published URIs
	 * @param extra further SUBSCRIBE options
	 */
	public SubscribeOptions {
		Objects.requireNonNull(match, "match");
		extra = Map.copyOf(extra);
	}

	/**
	 * Options with a match policy.
	 * @param match the policy
	 * @return the options
	 */
	public static SubscribeOptions match(MatchPolicy match) {
		return new SubscribeOptions(match, Map.of());
	}

	/**
	 * Exact match.
	 * @return the default options
	 */
	public static SubscribeOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * The SUBSCRIBE options dictionary.
	 * @return a new map
	 */
	public Map<String, Object> toWire() {
		Map<String, Object> options = new LinkedHashMap<>(this.extra);
		if (this.match != MatchPolicy.EXACT) {
			options.put("match", this.match.wireName());
		}
		return options;
	}

}
