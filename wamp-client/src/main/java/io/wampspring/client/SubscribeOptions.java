package io.wampspring.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.message.Dicts;
import io.wampspring.core.uri.MatchPolicy;

/**
 * Immutable options of a subscription. Local subscriptions with the same topic and
 * options share one router subscription.
 *
 * @param match how the topic matches published URIs
 * @param extra further SUBSCRIBE options
 */
public record SubscribeOptions(MatchPolicy match, Map<String, Object> extra) {

	private static final String GET_RETAINED = "get_retained";

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
	 * Whether the router is asked for the topic's retained event when subscribing
	 * ({@code get_retained}, Advanced Profile event retention).
	 * @return the flag
	 */
	public boolean getRetained() {
		return Dicts.bool(this.extra, GET_RETAINED, false);
	}

	/**
	 * A copy of these options that asks (or no longer asks) for the topic's retained
	 * event: the router delivers it right after SUBSCRIBED, with {@code retained=true} in
	 * the EVENT details.
	 * @param getRetained the flag
	 * @return the new options
	 */
	public SubscribeOptions withGetRetained(boolean getRetained) {
		Map<String, Object> options = new LinkedHashMap<>(this.extra);
		if (getRetained) {
			options.put(GET_RETAINED, true);
		}
		else {
			options.remove(GET_RETAINED);
		}
		return new SubscribeOptions(this.match, options);
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
