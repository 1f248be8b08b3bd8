package io.wampspring.spring.config;

import java.lang.reflect.Method;
import java.util.Objects;

import io.wampspring.client.SubscribeOptions;
import org.jspecify.annotations.Nullable;

/**
 * An event handler served by a bean method.
 *
 * @param id a readable id, such as {@code listener#onHello}
 * @param uri the topic URI (or pattern); relative when it starts with a dot
 * @param peer the peer's name; empty for the default peer
 * @param options the SUBSCRIBE options
 * @param concurrency how many events are handled at once (1 keeps them in order), or null
 * for the registry's default
 * @param queueCapacity how many events wait for a free slot (the buffer), or null for the
 * registry's default
 * @param bean the bean
 * @param method the method
 */
public record WampSubscriptionEndpoint(String id, String uri, String peer, SubscribeOptions options,
		@Nullable Integer concurrency, @Nullable Integer queueCapacity, Object bean,
		Method method) implements WampListenerEndpoint {

	/**
	 * Validate the components.
	 * @param id a readable id, such as {@code listener#onHello}
	 * @param uri the topic URI (or pattern); relative when it starts with a dot
	 * @param peer the peer's name; empty for the default peer
	 * @param options the SUBSCRIBE options
	 * @param concurrency how many events are handled at once (1 keeps them in order), or
	 * null for the registry's default
	 * @param queueCapacity how many events wait for a free slot (the buffer), or null for
	 * the registry's default
	 * @param bean the bean
	 * @param method the method
	 */
	public WampSubscriptionEndpoint {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(peer, "peer");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(bean, "bean");
		Objects.requireNonNull(method, "method");
		if (concurrency != null && concurrency < 1) {
			throw new IllegalArgumentException("concurrency of " + id + " must be at least 1, got " + concurrency);
		}
		if (queueCapacity != null && queueCapacity < 0) {
			throw new IllegalArgumentException(
					"queue capacity of " + id + " must not be negative, got " + queueCapacity);
		}
	}

}
