package io.wampspring.spring.listener.adapter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * The catch-all, asked last: a parameter takes the next positional argument, converted to
 * its generic type. A POJO or {@code Map} parameter whose positional argument is absent
 * binds from the keyword arguments as a whole. A missing argument is
 * {@code wamp.error.invalid_argument} unless the parameter is optional ({@code Optional},
 * {@code @Nullable}).
 */
final class WampPositionalArgumentResolver implements WampHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return true;
	}

	@Override
	public boolean consumesPositionalArgument(MethodParameter parameter) {
		return true;
	}

	@Override
	public HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
		int index = context.position();
		ArgumentTarget target = new ArgumentTarget(parameter, "argument " + index, context);
		boolean optional = parameter.isOptional();
		boolean fromKwargs = isStructured(parameter.getParameterType());
		return (PreparedArgument) (message) -> {
			Object source = message.getPayload();
			List<@Nullable Object> args = args(source);
			if (index < args.size()) {
				return target.convert(args.get(index));
			}
			Map<String, @Nullable Object> kwargs = kwargs(source);
			if (fromKwargs && !kwargs.isEmpty()) {
				return target.convert(kwargs);
			}
			if (optional) {
				return target.empty();
			}
			throw target.invalid(target.describe() + " is missing: the message has " + args.size()
					+ " positional argument" + ((args.size() == 1) ? "" : "s"));
		};
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		throw new IllegalStateException("the resolver of positional arguments serves prepared parameters only "
				+ "(the position depends on the other parameters; see WampHandlerMethod)");
	}

	// POJOs and maps may take the keyword arguments as a whole
	static boolean isStructured(Class<?> type) {
		if (Map.class.isAssignableFrom(type)) {
			return true;
		}
		return !BeanUtils.isSimpleValueType(type) && !type.isArray() && !Collection.class.isAssignableFrom(type)
				&& type != Optional.class && type != Object.class;
	}

	static List<@Nullable Object> args(Object source) {
		if (source instanceof WampInvocation invocation) {
			return invocation.args();
		}
		if (source instanceof WampEvent event) {
			return event.args();
		}
		return List.of();
	}

	static Map<String, @Nullable Object> kwargs(Object source) {
		if (source instanceof WampInvocation invocation) {
			return invocation.kwargs();
		}
		if (source instanceof WampEvent event) {
			return event.kwargs();
		}
		return Map.of();
	}

}
