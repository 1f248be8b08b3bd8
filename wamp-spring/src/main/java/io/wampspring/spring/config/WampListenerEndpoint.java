package io.wampspring.spring.config;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * A bean method to expose over WAMP: a procedure ({@link WampProcedureEndpoint}) or an
 * event handler ({@link WampSubscriptionEndpoint}). Built by the annotation
 * post-processor (or by hand) and given to the {@link WampEndpointRegistry}.
 */
public sealed interface WampListenerEndpoint permits WampProcedureEndpoint, WampSubscriptionEndpoint {

	/**
	 * A readable id, such as {@code calculator#add}.
	 * @return the id
	 */
	String id();

	/**
	 * The URI, with placeholders resolved; a URI that starts with a dot is relative to
	 * the peer's prefix.
	 * @return the URI
	 */
	String uri();

	/**
	 * The name of the peer whose sessions serve the endpoint.
	 * @return the name; empty for the default peer
	 */
	String peer();

	/**
	 * The bean.
	 * @return the bean
	 */
	Object bean();

	/**
	 * The method to invoke.
	 * @return the method
	 */
	Method method();

	/**
	 * How many messages run at once.
	 * @return the limit (0 for no limit, procedures only), or null for the registry's
	 * default
	 */
	@Nullable Integer concurrency();

	/**
	 * How many messages may wait for a free slot.
	 * @return the capacity, or null for the registry's default
	 */
	@Nullable Integer queueCapacity();

}
