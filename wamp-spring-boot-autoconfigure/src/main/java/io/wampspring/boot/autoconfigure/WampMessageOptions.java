package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import io.wampspring.client.CallOptions;
import io.wampspring.client.InvokePolicy;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.core.uri.MatchPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Turns the typed options of {@code wamp.defaults.<role>.options} and of handlers
 * declared in configuration into wamp-client options, checking the ranges that the types
 * do not (the binder has already refused values of the wrong type, and the
 * unknown-property check names that no property takes).
 */
final class WampMessageOptions {

	private static final String CALLER = "wamp.defaults.caller.options";

	private WampMessageOptions() {
	}

	static CallOptions callOptions(WampProperties.CallerOptions properties) {
		CallOptions.Builder builder = CallOptions.builder()
			.timeout(callTimeout(properties))
			.cancelMode(properties.getCancelMode());
		if (properties.isDiscloseMe()) {
			// only when asked: the router's default is not to disclose
			builder.discloseMe(true);
		}
		extra(properties.getExtra(), builder::option);
		return builder.build();
	}

	/**
	 * The default call timeout, {@code wamp.defaults.caller.options.timeout}.
	 * @param properties the caller's default options
	 * @return the timeout, zero for none
	 * @throws WampConfigurationException when it is not zero or at least 1 ms
	 */
	static Duration callTimeout(WampProperties.CallerOptions properties) {
		Duration timeout = properties.getTimeout();
		if (timeout.isNegative() || (!timeout.isZero() && timeout.toMillis() == 0)) {
			throw new WampConfigurationException(CALLER + ".timeout",
					"must be 0 (no timeout) or at least 1ms, got '" + timeout + "'",
					"Set a duration such as 15s, or 0 for calls that wait without a deadline");
		}
		return timeout;
	}

	static PublishOptions publishOptions(WampProperties.PublisherOptions properties) {
		PublishOptions.Builder builder = PublishOptions.builder().acknowledge(properties.isAcknowledge());
		// the router's defaults (exclude_me true, disclose_me false) are not sent
		if (!properties.isExcludeMe()) {
			builder.excludeMe(false);
		}
		if (properties.isDiscloseMe()) {
			builder.discloseMe(true);
		}
		extra(properties.getExtra(), builder::option);
		return builder.build();
	}

	/**
	 * REGISTER options and the handler's limits.
	 *
	 * @param options the REGISTER options
	 * @param invokeConfigured whether the invocation policy shares the registration
	 * @param concurrency the concurrency (0: no limit), or null for the default
	 * @param queueCapacity the queue capacity, or null for the default
	 */
	record Registration(RegisterOptions options, boolean invokeConfigured, @Nullable Integer concurrency,
			@Nullable Integer queueCapacity) {
	}

	static Registration registerOptions(String property, WampProperties.CalleeOptions defaults,
			WampProperties.RegistrationOptions options) {
		InvokePolicy invoke = or(options.getInvoke(), defaults.getInvoke());
		RegisterOptions.Builder builder = RegisterOptions.builder()
			.match(or(options.getMatch(), defaults.getMatch()))
			.invoke(invoke)
			.discloseCaller(or(options.getDiscloseCaller(), defaults.isDiscloseCaller()))
			.forceReregister(or(options.getForceReregister(), defaults.isForceReregister()));
		extra(merge(defaults.getExtra(), options.getExtra()), builder::option);
		return new Registration(builder.build(), invoke != InvokePolicy.SINGLE,
				atLeast(property + ".concurrency", options.getConcurrency(), 0, "0 for no limit"),
				atLeast(property + ".queue-capacity", options.getQueueCapacity(), 0, "0 to refuse at once"));
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

	static Subscription subscribeOptions(String property, WampProperties.SubscriberOptions defaults,
			WampProperties.SubscriptionOptions options) {
		MatchPolicy match = or(options.getMatch(), defaults.getMatch());
		Map<String, Object> extra = new LinkedHashMap<>();
		extra(merge(defaults.getExtra(), options.getExtra()), extra::put);
		return new Subscription(new SubscribeOptions(match, extra),
				atLeast(property + ".concurrency", options.getConcurrency(), 1, "1 keeps events in order"),
				atLeast(property + ".queue-capacity", options.getQueueCapacity(), 0, "0 to drop at once"));
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static @Nullable Integer atLeast(String property, @Nullable Integer value, int min, String hint) {
		if (value != null && value < min) {
			throw new WampConfigurationException(property,
					"must be a whole number of at least " + min + ", got '" + value + "'",
					"Set a number such as 4 (" + hint + ")");
		}
		return value;
	}

	private static Map<String, String> merge(Map<String, String> defaults, Map<String, String> options) {
		Map<String, String> merged = new LinkedHashMap<>(defaults);
		merged.putAll(options);
		return merged;
	}

	/** Properties bind values as strings: send booleans and whole numbers as such. */
	private static void extra(Map<String, String> extra, BiConsumer<String, Object> sink) {
		extra.forEach((key, value) -> sink.accept(key, scalar(value)));
	}

	private static Object scalar(String text) {
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
