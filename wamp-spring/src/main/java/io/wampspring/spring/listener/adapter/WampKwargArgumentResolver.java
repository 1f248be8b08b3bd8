package io.wampspring.spring.listener.adapter;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import io.wampspring.spring.annotation.Kwarg;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Binds a {@link Kwarg @Kwarg} parameter to one keyword argument, converted to the
 * parameter's generic type. A missing required keyword argument is
 * {@code wamp.error.invalid_argument}; a missing optional one is null (or
 * {@code Optional.empty()}).
 */
final class WampKwargArgumentResolver implements WampHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(Kwarg.class);
	}

	@Override
	public HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
		Kwarg kwarg = parameter.getParameterAnnotation(Kwarg.class);
		if (kwarg == null) {
			throw new IllegalArgumentException(parameter + " has no @Kwarg");
		}
		String key = kwarg.value();
		ArgumentTarget target = new ArgumentTarget(parameter, "keyword argument '" + key + "'", context);
		boolean required = kwarg.required() && !parameter.isOptional();
		return (PreparedArgument) (message) -> {
			var kwargs = WampPositionalArgumentResolver.kwargs(message.getPayload());
			if (!kwargs.containsKey(key)) {
				if (required) {
					throw target.invalid(target.describe() + " is missing");
				}
				return target.empty();
			}
			return target.convert(kwargs.get(key));
		};
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		throw new IllegalStateException(
				"the resolver of " + WampInvocation.class.getSimpleName() + " and " + WampEvent.class.getSimpleName()
						+ " keyword arguments serves prepared parameters only (see WampHandlerMethod)");
	}

}
