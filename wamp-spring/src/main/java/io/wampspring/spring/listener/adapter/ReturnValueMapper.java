package io.wampspring.spring.listener.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.InvocationResult;
import io.wampspring.spring.support.WampJsonConverter;
import io.wampspring.spring.support.WampResult;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns what a procedure method returned into the results the client sends: a plain value
 * is one positional result; a {@link WampResult} gives args and kwargs; {@code null} or
 * {@code void} gives an empty result; a {@link Mono} or {@link CompletionStage} gives one
 * result when it completes; a {@link Flux} (any {@link Publisher}) gives progressive
 * results when the caller asked for them. Values are converted to the wire with Jackson.
 */
public final class ReturnValueMapper {

	private final WampJsonConverter converter;

	/**
	 * Create a mapper.
	 * @param converter the value converter
	 */
	public ReturnValueMapper(WampJsonConverter converter) {
		this.converter = converter;
	}

	/**
	 * Map a returned value.
	 * @param returned what the method returned
	 * @return the results
	 */
	public Publisher<InvocationResult> toResults(@Nullable Object returned) {
		if (returned instanceof Publisher<?> publisher) {
			if (publisher instanceof Mono<?> mono) {
				return mono.map(this::toResult);
			}
			return Flux.from(publisher).map(this::toResult);
		}
		if (returned instanceof CompletionStage<?> stage) {
			return Mono.fromCompletionStage(stage).map(this::toResult);
		}
		return Mono.just(toResult(returned));
	}

	/**
	 * Map one value.
	 * @param value a value, a {@link WampResult} or an {@link InvocationResult}
	 * @return the result
	 */
	public InvocationResult toResult(@Nullable Object value) {
		if (value == null) {
			return InvocationResult.empty();
		}
		if (value instanceof InvocationResult result) {
			return result;
		}
		try {
			if (value instanceof WampResult result) {
				List<@Nullable Object> args = new ArrayList<>(result.args().size());
				for (Object arg : result.args()) {
					args.add(this.converter.toWire(arg));
				}
				Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
				result.kwargs().forEach((key, arg) -> kwargs.put(key, this.converter.toWire(arg)));
				return new InvocationResult(args, kwargs);
			}
			return InvocationResult.of(this.converter.toWire(value));
		}
		catch (RuntimeException ex) {
			// a result that cannot be serialized is the callee's fault, not the caller's
			// argument
			throw new IllegalStateException("cannot convert the result (" + value.getClass().getName()
					+ ") to a WAMP value: " + ex.getMessage(), ex);
		}
	}

}
