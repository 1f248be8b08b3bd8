package io.wampspring.spring.listener.adapter;

import java.util.function.Function;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Injects what describes the message rather than its payload: the {@link WampInvocation},
 * the {@link WampEvent}, {@link InvocationDetails}, {@link EventDetails}, the caller's or
 * publisher's {@link WampIdentity}, and the {@link Message} itself. A parameter of the
 * other kind of message (such as {@code EventDetails} on a procedure) is null.
 */
final class WampSourceArgumentResolver implements WampHandlerMethodArgumentResolver {

	private static final WampParameterContext UNPREPARED = new WampParameterContext("", WampJsonConverter.shared(), 0);

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == WampInvocation.class || type == WampEvent.class || type == InvocationDetails.class
				|| type == EventDetails.class || type == WampIdentity.class || type == Message.class;
	}

	@Override
	public HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
		Class<?> type = parameter.getParameterType();
		if (type == WampInvocation.class) {
			return resolver((source) -> (source instanceof WampInvocation) ? source : null);
		}
		if (type == WampEvent.class) {
			return resolver((source) -> (source instanceof WampEvent) ? source : null);
		}
		if (type == InvocationDetails.class) {
			return resolver((source) -> (source instanceof WampInvocation invocation) ? InvocationDetails.of(invocation)
					: null);
		}
		if (type == EventDetails.class) {
			return resolver((source) -> (source instanceof WampEvent event) ? EventDetails.of(event) : null);
		}
		if (type == WampIdentity.class) {
			return resolver(WampSourceArgumentResolver::identity);
		}
		return this;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		// unprepared use (a plain composite): decide per call
		if (parameter.getParameterType() == Message.class) {
			return message;
		}
		return prepare(parameter, UNPREPARED).resolveArgument(parameter, message);
	}

	private static @Nullable WampIdentity identity(Object source) {
		if (source instanceof WampInvocation invocation) {
			return WampIdentity.of(invocation);
		}
		if (source instanceof WampEvent event) {
			return WampIdentity.of(event);
		}
		return null;
	}

	private static HandlerMethodArgumentResolver resolver(Function<Object, @Nullable Object> value) {
		return (PreparedArgument) (message) -> value.apply(message.getPayload());
	}

}
