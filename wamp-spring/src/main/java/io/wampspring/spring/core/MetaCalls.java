package io.wampspring.spring.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.wampspring.client.CallOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampEvent;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * What the typed meta API helpers share: a call through the template, reading the
 * router's answer, and meta events as a {@link Flux}.
 */
final class MetaCalls {

	private static final Logger logger = LoggerFactory.getLogger(MetaCalls.class);

	/**
	 * Meta events that may wait for a slow subscriber of an {@code on*} {@link Flux};
	 * beyond it the oldest are dropped.
	 */
	static final int EVENT_BUFFER = 256;

	private final WampTemplate template;

	MetaCalls(WampTemplate template) {
		this.template = template;
	}

	/**
	 * Call and answer the first positional result, or empty when it is absent or null.
	 */
	<T> Mono<T> call(String procedure, List<?> args, Map<String, ?> kwargs, Function<Object, T> reader) {
		return this.template.call(procedure, args, kwargs, CallOptions.defaults()).flatMap((result) -> {
			Object first = result.args().isEmpty() ? null : result.args().get(0);
			return (first != null) ? Mono.justOrEmpty(reader.apply(first)) : Mono.empty();
		});
	}

	Mono<Void> callVoid(String procedure, List<?> args, Map<String, ?> kwargs) {
		return this.template.call(procedure, args, kwargs, CallOptions.defaults()).then();
	}

	/**
	 * A meta topic's events, subscribed (on the peer's first session) while the Flux is
	 * subscribed; an event the reader cannot read is skipped.
	 */
	<T> Flux<T> events(String topic, Function<WampEvent, T> reader) {
		return Flux.<T>create((sink) -> {
			// a sink takes one onDispose: the pending subscribe and, once done, the
			// unsubscribe share it
			Disposable.Swap unsubscribe = Disposables.swap();
			Disposable pending = this.template.subscribe(topic, SubscribeOptions.defaults(), (event) -> {
				T value;
				try {
					value = reader.apply(event);
				}
				catch (RuntimeException ex) {
					logger.debug("skipping an unreadable '{}' event: {}", topic, ex.toString());
					return;
				}
				sink.next(value);
			})
				.subscribe((subscription) -> unsubscribe.update(() -> subscription.unsubscribe()
					.subscribe(null,
							(error) -> logger.debug("unsubscribing from '{}' failed: {}", topic, error.toString()))),
						sink::error);
			sink.onDispose(Disposables.composite(pending, unsubscribe));
		}, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(EVENT_BUFFER, BufferOverflowStrategy.DROP_OLDEST);
	}

	static long id(Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new WampException(WampUris.INVALID_ARGUMENT, "the router answered '" + value + "' where an id belongs");
	}

	static List<Long> ids(Object value) {
		if (!(value instanceof List<?> list)) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					"the router answered '" + value + "' where a list of ids belongs");
		}
		List<Long> ids = new ArrayList<>(list.size());
		for (Object element : list) {
			ids.add(id(element));
		}
		return List.copyOf(ids);
	}

	@SuppressWarnings("unchecked")
	static Map<String, @Nullable Object> dict(Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					"the router answered '" + value + "' where a dictionary belongs");
		}
		return (Map<String, @Nullable Object>) map;
	}

	static String string(Map<String, @Nullable Object> dict, String key) {
		Object value = dict.get(key);
		return (value != null) ? String.valueOf(value) : "";
	}

	/** The keyword arguments of a kill or a revocation: only those given. */
	static Map<String, Object> reasonAndMessage(@Nullable String reason, @Nullable String message) {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		if (reason != null) {
			kwargs.put("reason", reason);
		}
		if (message != null) {
			kwargs.put("message", message);
		}
		return kwargs;
	}

}
