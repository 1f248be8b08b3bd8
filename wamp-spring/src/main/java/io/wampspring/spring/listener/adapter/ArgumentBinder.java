package io.wampspring.spring.listener.adapter;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Produces the value of one handler method parameter from an invocation or event. Built
 * once per parameter when the endpoint is registered, so nothing is looked up per
 * message.
 */
@FunctionalInterface
interface ArgumentBinder {

	/**
	 * Bind the parameter.
	 * @param args the positional arguments
	 * @param kwargs the keyword arguments
	 * @param source the {@code WampInvocation} or {@code WampEvent}
	 * @return the parameter value
	 * @throws io.wampspring.core.WampException with {@code wamp.error.invalid_argument}
	 * when the value is missing or does not convert
	 */
	@Nullable Object bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs, Object source);

}
