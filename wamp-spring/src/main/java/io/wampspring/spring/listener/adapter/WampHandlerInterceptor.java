package io.wampspring.spring.listener.adapter;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * Runs around the call of a handler method, on the thread that calls it, after its
 * arguments are resolved and validated: it may set up and tear down thread-bound state
 * (such as a security context) and decorate what the method returned (such as writing to
 * a returned {@code Mono}'s context). Interceptors run in their order, the first
 * outermost.
 */
@FunctionalInterface
public interface WampHandlerInterceptor {

	/**
	 * Intercept one call.
	 * @param message the message, whose payload is the {@code WampInvocation} or
	 * {@code WampEvent}
	 * @param method the handler method
	 * @param next calls the next interceptor, or the method
	 * @return what the method returned, possibly decorated
	 * @throws Exception what the method threw, or the interceptor's refusal
	 */
	@Nullable Object intercept(Message<?> message, WampHandlerMethod method, Next next) throws Exception;

	/**
	 * The rest of the chain.
	 */
	@FunctionalInterface
	interface Next {

		/**
		 * Call the next interceptor, or the method.
		 * @return what the method returned
		 * @throws Exception what the method threw
		 */
		@Nullable Object proceed() throws Exception;

	}

}
