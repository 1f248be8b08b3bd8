package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CancelMode;
import io.wampspring.client.InvokePolicy;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.core.uri.MatchPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * Turns the option maps of {@code wamp.defaults.<role>.options} and of handlers declared
 * in configuration into wamp-client options. Keys are WAMP's names; Spring's kebab-case
 * is accepted ({@code disclose-me} is {@code disclose_me}). Values bound from properties
 * are strings, so booleans and numbers are parsed; unknown keys are sent as they are.
 */
final class WampMessageOptions {

	private static final List<String> CALL_OPTIONS = List.of("timeout", "disclose_me", "cancel_mode");

	private static final List<String> PUBLISH_OPTIONS = List.of("acknowledge", "exclude_me", "disclose_me", "retain");

	private static final List<String> REGISTER_OPTIONS = List.of("match", "invoke", "disclose_caller",
			"force_reregister", "concurrency", "queue_capacity");

	private static final List<String> SUBSCRIBE_OPTIONS = List.of("match", "get_retained", "concurrency",
			"queue_capacity");

	private WampMessageOptions() {
	}

	/**
	 * An option this client does not know is sent to the router as is (WAMP allows custom
	 * ones), except one that is a letter or two away from a known one: that is a typo,
	 * which would otherwise leave the default in place without a word.
	 */
	private static String extra(String property, String key, List<String> known) {
		for (String candidate : known) {
			int allowed = Math.max(1, candidate.length() / 4);
			int distance = WampUnknownPropertyCheck.distance(key, candidate);
			if (distance > 0 && distance <= allowed) {
				String dashed = candidate.replace('_', '-');
				throw new WampConfigurationException(property + "." + key.replace('_', '-'),
						"'" + key.replace('_', '-') + "' is no option this client knows, did you mean '" + dashed
								+ "'?",
						"Rename it to " + property + "." + dashed + " (an option far from every known one is sent to "
								+ "the router as is)");
			}
		}
		return key;
	}

	static Map<String, Object> normalize(Map<String, Object> options) {
		Map<String, Object> normalized = new LinkedHashMap<>();
		options.forEach((key, value) -> normalized.put(key.replace('-', '_'), value));
		return normalized;
	}

	static CallOptions callOptions(Map<String, Object> raw) {
		CallOptions.Builder builder = CallOptions.builder();
		normalize(raw).forEach((key, value) -> {
			switch (key) {
				case "timeout" -> builder.timeout(callTimeout(value));
				case "disclose_me" -> builder.discloseMe(bool(value));
				case "cancel_mode" -> builder.cancelMode(CancelMode.fromWire(text(value)));
				default -> builder.option(extra("wamp.defaults.caller.options", key, CALL_OPTIONS), scalar(value));
			}
		});
		return builder.build();
	}

	/**
	 * The default call timeout, {@code wamp.defaults.caller.options.timeout}.
	 * @param raw the caller's default options
	 * @return the timeout (zero for none), or null when it is not set
	 * @throws WampConfigurationException when it is not a duration of zero or at least 1
	 * ms
	 */
	static @Nullable Duration callTimeout(Map<String, Object> raw) {
		Object value = normalize(raw).get("timeout");
		return (value != null) ? callTimeout(value) : null;
	}

	private static Duration callTimeout(Object value) {
		String property = "wamp.defaults.caller.options.timeout";
		Duration timeout = duration(property, value);
		if (timeout.isNegative() || (!timeout.isZero() && timeout.toMillis() == 0)) {
			throw new WampConfigurationException(property,
					"must be 0 (no timeout) or at least 1ms, got '" + value + "'",
					"Set a duration such as 15s, or 0 for calls that wait without a deadline");
		}
		return timeout;
	}

	static PublishOptions publishOptions(Map<String, Object> raw) {
		PublishOptions.Builder builder = PublishOptions.builder();
		normalize(raw).forEach((key, value) -> {
			switch (key) {
				case "acknowledge" -> builder.acknowledge(bool(value));
				case "exclude_me" -> builder.excludeMe(bool(value));
				case "disclose_me" -> builder.discloseMe(bool(value));
				case "retain" -> builder.retain(bool(value));
				default ->
					builder.option(extra("wamp.defaults.publisher.options", key, PUBLISH_OPTIONS), scalar(value));
			}
		});
		return builder.build();
	}

	/**
	 * REGISTER options and the handler's limits.
	 *
	 * @param options the REGISTER options
	 * @param invokeConfigured whether the invocation policy was set
	 * @param concurrency the concurrency (0: no limit), or null for the default
	 * @param queueCapacity the queue capacity, or null for the default
	 */
	record Registration(RegisterOptions options, boolean invokeConfigured, @Nullable Integer concurrency,
			@Nullable Integer queueCapacity) {
	}

	static Registration registerOptions(String property, Map<String, Object> raw) {
		RegisterOptions.Builder builder = RegisterOptions.builder();
		boolean invokeConfigured = false;
		Integer concurrency = null;
		Integer queueCapacity = null;
		for (Map.Entry<String, Object> entry : normalize(raw).entrySet()) {
			Object value = entry.getValue();
			switch (entry.getKey()) {
				case "match" -> builder.match(match(property + ".match", value));
				case "invoke" -> {
					builder.invoke(invoke(property + ".invoke", value));
					invokeConfigured = true;
				}
				case "disclose_caller" -> builder.discloseCaller(bool(value));
				case "force_reregister" -> builder.forceReregister(bool(value));
				case "concurrency" -> concurrency = number(property + ".concurrency", value, 0);
				case "queue_capacity" -> queueCapacity = number(property + ".queue-capacity", value, 0);
				default -> builder.option(extra(property, entry.getKey(), REGISTER_OPTIONS), scalar(value));
			}
		}
		return new Registration(builder.build(), invokeConfigured, concurrency, queueCapacity);
	}

	/**
	 * SUBSCRIBE options and the handler's limits.
	 *
	 * @param options the SUBSCRIBE options
	 * @param concurrency the concurrency (at least 1), or null for the default
	 * @param queueCapacity the queue capacity, or null for the default
	 */
	record Subscription(SubscribeOptions options, @Nullable Integer concurrency, @Nullable Integer queueCapacity) {
	}

	static Subscription subscribeOptions(String property, Map<String, Object> raw) {
		MatchPolicy match = MatchPolicy.EXACT;
		Integer concurrency = null;
		Integer queueCapacity = null;
		Map<String, Object> extra = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : normalize(raw).entrySet()) {
			Object value = entry.getValue();
			switch (entry.getKey()) {
				case "match" -> match = match(property + ".match", value);
				case "get_retained" -> extra.put("get_retained", bool(value));
				case "concurrency" -> concurrency = number(property + ".concurrency", value, 1);
				case "queue_capacity" -> queueCapacity = number(property + ".queue-capacity", value, 0);
				default -> extra.put(extra(property, entry.getKey(), SUBSCRIBE_OPTIONS), scalar(value));
			}
		}
		return new Subscription(new SubscribeOptions(match, extra), concurrency, queueCapacity);
	}

	private static MatchPolicy match(String property, Object value) {
		try {
			return MatchPolicy.valueOf(text(value).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(property, "unknown match policy '" + value + "'",
					"Use exact, prefix or wildcard");
		}
	}

	private static InvokePolicy invoke(String property, Object value) {
		for (InvokePolicy policy : InvokePolicy.values()) {
			if (policy.wireName().equalsIgnoreCase(text(value).replace("-", ""))) {
				return policy;
			}
		}
		throw new WampConfigurationException(property, "unknown invocation policy '" + value + "'",
				"Use single, roundrobin, random, first or last");
	}

	private static int number(String property, Object value, int min) {
		try {
			int number = Integer.parseInt(text(value).trim());
			if (number < min) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new WampConfigurationException(property,
					"must be a whole number of at least " + min + ", got '" + value + "'", "Set a number such as 4");
		}
	}

	private static Duration duration(String property, Object value) {
		if (value instanceof Duration duration) {
			return duration;
		}
		if (value instanceof Number number) {
			return Duration.ofMillis(number.longValue());
		}
		try {
			return DurationStyle.detectAndParse(text(value));
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(property, "'" + value + "' is not a duration",
					"Write a duration such as 15s or 500ms");
		}
	}

	private static boolean bool(Object value) {
		return (value instanceof Boolean flag) ? flag : Boolean.parseBoolean(text(value).trim());
	}

	private static String text(@Nullable Object value) {
		return String.valueOf(value);
	}

	/** Properties bind scalars as strings: send booleans and whole numbers as such. */
	private static Object scalar(Object value) {
		if (!(value instanceof String text)) {
			return value;
		}
		if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return Boolean.valueOf(text);
		}
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

}
