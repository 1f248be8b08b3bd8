package io.wampspring.spring.listener.adapter;

import io.wampspring.client.Payload;
import io.wampspring.client.WampInvocation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * A {@code Flux<T>} (or {@code Publisher<T>}) parameter of a {@code @WampProcedure}
 * method takes the call's arguments as a stream: one element per chunk of a progressive
 * call invocation ({@link WampInvocation#chunks()}), a single element for a plain call.
 * An element is the chunk's first positional argument converted to {@code T}; a POJO or
 * {@code Map} element binds from the chunk's keyword arguments when it has no positional
 * one; a {@link Payload} element is the whole chunk. A chunk that does not convert fails
 * the stream with {@code wamp.error.invalid_argument}. The chunks arrive on the client's
 * handler scheduler; a method slower than its caller makes the connection stop reading
 * (see {@link WampInvocation#chunks()}).
 */
final class WampChunksArgumentResolver implements WampHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Flux.class || type == Publisher.class;
	}

	@Override
	public boolean consumesPositionalArgument(MethodParameter parameter) {
		return true;
	}

	@Override
	public HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
		MethodParameter element = parameter.nested();
		Class<?> elementType = ResolvableType.forMethodParameter(element).resolve(Object.class);
		if (elementType == Payload.class) {
			return (PreparedArgument) (message) -> chunks(message);
		}
		ArgumentTarget target = new ArgumentTarget(element, "each chunk's argument " + context.position(), context);
		int index = context.position();
		boolean fromKwargs = WampPositionalArgumentResolver.isStructured(elementType);
		return (PreparedArgument) (message) -> {
			Flux<Payload> chunks = chunks(message);
			return (chunks != null) ? chunks.map((chunk) -> element(target, chunk, index, fromKwargs)) : null;
		};
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		throw new IllegalStateException("the resolver of streamed arguments serves prepared parameters only");
	}

	private static @Nullable Flux<Payload> chunks(Message<?> message) {
		return (message.getPayload() instanceof WampInvocation invocation) ? invocation.chunks() : null;
	}

	private static Object element(ArgumentTarget target, Payload chunk, int index, boolean fromKwargs) {
		Object value;
		if (index < chunk.args().size()) {
			value = target.convert(chunk.args().get(index));
		}
		else if (fromKwargs && !chunk.kwargs().isEmpty()) {
			value = target.convert(chunk.kwargs());
		}
		else {
			throw target.invalid(target.describe() + " is missing in a chunk of " + chunk.args().size()
					+ " positional argument" + ((chunk.args().size() == 1) ? "" : "s"));
		}
		if (value == null) {
			// a Flux cannot carry null
			throw target.invalid(target.describe() + " is null in a chunk");
		}
		return value;
	}

}
