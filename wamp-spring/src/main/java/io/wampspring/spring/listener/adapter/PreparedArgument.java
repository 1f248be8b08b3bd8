package io.wampspring.spring.listener.adapter;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * The resolver of one parameter, prepared when the endpoint is registered: everything it
 * needs is captured, so a message is all it reads.
 */
@FunctionalInterface
interface PreparedArgument extends HandlerMethodArgumentResolver {

	/**
	 * Resolve the value.
	 * @param message the message
	 * @return the value
	 */
	@Nullable Object resolve(Message<?> message);

	@Override
	default boolean supportsParameter(MethodParameter parameter) {
		return true;
	}

	@Override
	default @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		return resolve(message);
	}

}
