package io.wampspring.spring.config;

import java.lang.reflect.Method;
import java.util.Objects;

import io.wampspring.client.RegisterOptions;
import org.jspecify.annotations.Nullable;

/**
 * A procedure served by a bean method.
 *
 * @param id a readable id, such as {@code calculator#add}
 * @param uri the procedure URI (or pattern); relative when it starts with a dot
 * @param peer the peer's name; empty for the default peer
 * @param options the REGISTER options
 * @param invokeConfigured whether the invocation policy was chosen explicitly; if not, a
 * pooled peer registers with {@code roundrobin}
 * @param concurrency the most invocations that run at once (0 for no limit), or null for
 * the registry's default
 * @param queueCapacity the most invocations that wait for a free slot, or null for the
 * registry's default
 * @param bean the bean
 * @param method the method
 */
public record WampProcedureEndpoint(String id, String uri, String peer, RegisterOptions options,
		boolean invokeConfigured, @Nullable Integer concurrency, @Nullable Integer queueCapacity, Object bean,
		Method method) implements WampListenerEndpoint {

	/**
	 * Validate the components.
	 * @param id a readable id, such as {@code calculator#add}
	 * @param uri the procedure URI (or pattern); relative when it starts with a dot
	 * @param peer the peer's name; empty for the default peer
	 * @param options the REGISTER options
	 * @param invokeConfigured whether the invocation policy was chosen explicitly; if
	 * not, a pooled peer registers with {@code roundrobin}
	 * @param concurrency the most invocations that run at once (0 for no limit), or null
	 * for the registry's default
	 * @param queueCapacity the most invocations that wait for a free slot, or null for
	 * the registry's default
	 * @param bean the bean
	 * @param method the method
	 */
	public WampProcedureEndpoint {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(peer, "peer");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(bean, "bean");
		Objects.requireNonNull(method, "method");
		if (concurrency != null && concurrency < 0) {
			throw new IllegalArgumentException("concurrency of " + id + " must not be negative, got " + concurrency);
		}
		if (queueCapacity != null && queueCapacity < 0) {
			throw new IllegalArgumentException(
					"queue capacity of " + id + " must not be negative, got " + queueCapacity);
		}
	}

}
