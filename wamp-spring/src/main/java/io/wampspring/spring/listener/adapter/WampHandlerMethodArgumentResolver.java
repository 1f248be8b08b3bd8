package io.wampspring.spring.listener.adapter;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * A spring-messaging {@link HandlerMethodArgumentResolver} for the parameters of
 * {@code @WampProcedure} and {@code @WampSubscribe} methods. The {@link Message} it
 * resolves from has the {@link WampInvocation} (procedures) or the {@link WampEvent}
 * (subscriptions) as its payload; its headers are empty.
 * <p>
 * An application adds its own resolvers as beans of this type (the auto-configuration
 * hands them to the endpoint registry in their order) or with
 * {@link WampHandlerMethodFactory.Builder#customArgumentResolvers(java.util.List)}; they
 * are asked before the built-in ones, so a custom resolver may take any parameter. Any
 * plain {@code HandlerMethodArgumentResolver} may be added the same way, through the
 * builder.
 * <p>
 * A resolver is chosen for each parameter once, when the endpoint is registered; a
 * resolver of this type may then {@link #prepare(MethodParameter, WampParameterContext)
 * prepare} what it needs for that parameter (its target type, its key), so that nothing
 * is looked up per message.
 */
public interface WampHandlerMethodArgumentResolver extends HandlerMethodArgumentResolver {

	/**
	 * Prepare the resolution of one parameter that this resolver
	 * {@link #supportsParameter(MethodParameter) supports}; called once, when the
	 * endpoint is registered.
	 * @param parameter the parameter
	 * @param context the URI, the converter and the parameter's place among the
	 * positional arguments
	 * @return the resolver that serves this parameter from now on (by default this one)
	 */
	default HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
		return this;
	}

	/**
	 * Whether the parameter takes a positional argument, so that the next positional
	 * parameter takes the one after it (default false).
	 * @param parameter a parameter this resolver supports
	 * @return true when the parameter consumes a positional argument
	 */
	default boolean consumesPositionalArgument(MethodParameter parameter) {
		return false;
	}

}
