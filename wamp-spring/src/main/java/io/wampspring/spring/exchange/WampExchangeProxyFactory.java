package io.wampspring.spring.exchange;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.wampspring.client.CallOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringValueResolver;

/**
 * Creates the implementation of a {@link WampExchange} interface: a JDK proxy whose
 * methods call and publish through a {@link WampOperations} (normally the
 * {@link WampTemplate}). Every method is analysed once, when the proxy is created, so
 * that a mistake (a method without {@link WampCall} or {@link WampPublish}, a return type
 * a publication cannot have, a malformed timeout) fails there with a message naming the
 * method.
 *
 * <pre class="code">
 * WampExchangeProxyFactory factory = WampExchangeProxyFactory.builder(template).build();
 * Calculator calculator = factory.create(Calculator.class);
 * calculator.add(2, 3).subscribe(System.out::println);
 * </pre>
 *
 * Over a {@link WampTemplate}, the factory takes the template's converter, default call
 * and publish options and block timeout, and an interface's {@link WampExchange#peer()}
 * selects {@link WampTemplate#forPeer(String)}. With Spring Boot, every
 * {@code @WampExchange} interface of the application's packages is a bean already.
 */
public final class WampExchangeProxyFactory {

	private final WampOperations operations;

	private final Function<String, WampOperations> peerOperations;

	private final WampJsonConverter converter;

	private final CallOptions callOptions;

	private final PublishOptions publishOptions;

	private final Duration blockTimeout;

	private final @Nullable StringValueResolver valueResolver;

	private WampExchangeProxyFactory(Builder builder) {
		this.operations = builder.operations;
		this.peerOperations = builder.peerOperations;
		this.converter = builder.converter;
		this.callOptions = builder.callOptions;
		this.publishOptions = builder.publishOptions;
		this.blockTimeout = builder.blockTimeout;
		this.valueResolver = builder.valueResolver;
	}

	/**
	 * A builder of a factory that sends through the given operations.
	 * @param operations the operations, normally a {@link WampTemplate}
	 * @return the builder
	 */
	public static Builder builder(WampOperations operations) {
		return new Builder(operations);
	}

	/**
	 * A factory with the settings of the given operations.
	 * @param operations the operations, normally a {@link WampTemplate}
	 * @return the factory
	 */
	public static WampExchangeProxyFactory of(WampOperations operations) {
		return builder(operations).build();
	}

	/**
	 * Create the implementation of an interface.
	 * @param <S> the interface type
	 * @param type the interface, annotated with {@link WampExchange} (or whose methods
	 * all carry {@link WampCall} or {@link WampPublish})
	 * @return the proxy
	 * @throws IllegalStateException when the type is not an interface or one of its
	 * methods cannot be a WAMP call or publication (the message says which and why)
	 */
	public <S> S create(Class<S> type) {
		Objects.requireNonNull(type, "type");
		if (!type.isInterface()) {
			throw new IllegalStateException(
					type.getName() + " is not an interface: a WAMP exchange is declared by an interface");
		}
		WampExchange exchange = AnnotatedElementUtils.findMergedAnnotation(type, WampExchange.class);
		String peer = (exchange != null) ? resolve(exchange.peer()) : "";
		String uriPrefix = (exchange != null) ? resolve(exchange.uriPrefix()) : "";
		if (uriPrefix.endsWith(".")) {
			uriPrefix = uriPrefix.substring(0, uriPrefix.length() - 1);
		}
		WampOperations target = peer.isEmpty() ? this.operations : this.peerOperations.apply(peer);
		Map<Method, WampExchangeMethod> methods = new HashMap<>();
		for (Method method : type.getMethods()) {
			// default methods run as written; Object's methods are answered by the
			// handler
			if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || ReflectionUtils.isEqualsMethod(method)
					|| ReflectionUtils.isHashCodeMethod(method) || ReflectionUtils.isToStringMethod(method)) {
				continue;
			}
			methods.put(method, new WampExchangeMethod(type, method, uriPrefix, target, this));
		}
		String description = "WampExchange proxy of " + type.getName()
				+ (peer.isEmpty() ? "" : " (peer '" + peer + "')");
		Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				new Handler(Map.copyOf(methods), description));
		return type.cast(proxy);
	}

	WampJsonConverter converter() {
		return this.converter;
	}

	CallOptions callOptions() {
		return this.callOptions;
	}

	PublishOptions publishOptions() {
		return this.publishOptions;
	}

	Duration blockTimeout() {
		return this.blockTimeout;
	}

	String resolve(String value) {
		if (this.valueResolver == null || value.isEmpty()) {
			return value;
		}
		String resolved = this.valueResolver.resolveStringValue(value);
		return (resolved != null) ? resolved : "";
	}

	/** Dispatches a proxy method to its precomputed {@link WampExchangeMethod}. */
	private static final class Handler implements InvocationHandler {

		private final Map<Method, WampExchangeMethod> methods;

		private final String description;

		Handler(Map<Method, WampExchangeMethod> methods, String description) {
			this.methods = methods;
			this.description = description;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
				throws Throwable {
			WampExchangeMethod exchange = this.methods.get(method);
			if (exchange != null) {
				return exchange.invoke(args);
			}
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			return switch (method.getName()) {
				case "equals" -> (args != null && args.length == 1 && proxy == args[0]);
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> this.description;
				default -> throw new IllegalStateException(
						"unexpected method " + ClassUtils.getQualifiedMethodName(method) + " on " + this.description);
			};
		}

	}

	/**
	 * Builds a {@link WampExchangeProxyFactory}; every setting defaults to the template's
	 * when the operations are a {@link WampTemplate}.
	 */
	public static final class Builder {

		private final WampOperations operations;

		private Function<String, WampOperations> peerOperations;

		private WampJsonConverter converter;

		private CallOptions callOptions;

		private PublishOptions publishOptions;

		private Duration blockTimeout;

		private @Nullable StringValueResolver valueResolver;

		private Builder(WampOperations operations) {
			this.operations = Objects.requireNonNull(operations, "operations");
			if (operations instanceof WampTemplate template) {
				this.peerOperations = template::forPeer;
				this.converter = template.getConverter();
				this.callOptions = template.getCallOptions();
				this.publishOptions = template.getPublishOptions();
			}
			else {
				this.peerOperations = (peer) -> {
					throw new IllegalStateException("a WAMP exchange of peer '" + peer
							+ "' needs a factory built over a WampTemplate (or a peerOperations function)");
				};
				this.converter = WampJsonConverter.shared();
				this.callOptions = CallOptions.defaults();
				this.publishOptions = PublishOptions.defaults();
			}
			this.blockTimeout = operations.blocking().timeout();
		}

		/**
		 * How to find the operations of a named peer ({@link WampExchange#peer()}).
		 * @param peerOperations the operations of a peer, by name
		 * @return this builder
		 */
		public Builder peerOperations(Function<String, WampOperations> peerOperations) {
			this.peerOperations = Objects.requireNonNull(peerOperations, "peerOperations");
			return this;
		}

		/**
		 * The converter of results to the methods' return types.
		 * @param converter the converter
		 * @return this builder
		 */
		public Builder converter(WampJsonConverter converter) {
			this.converter = Objects.requireNonNull(converter, "converter");
			return this;
		}

		/**
		 * The call options that the annotations' attributes refine.
		 * @param callOptions the options
		 * @return this builder
		 */
		public Builder callOptions(CallOptions callOptions) {
			this.callOptions = Objects.requireNonNull(callOptions, "callOptions");
			return this;
		}

		/**
		 * The publish options that the annotations' attributes refine.
		 * @param publishOptions the options
		 * @return this builder
		 */
		public Builder publishOptions(PublishOptions publishOptions) {
			this.publishOptions = Objects.requireNonNull(publishOptions, "publishOptions");
			return this;
		}

		/**
		 * How long a blocking method (plain or {@code void} return type) waits for its
		 * answer at most (default: the operations' block timeout, 30 s for a template);
		 * then it fails with {@code wamp.error.timeout} and the call is cancelled.
		 * @param blockTimeout the timeout
		 * @return this builder
		 */
		public Builder blockTimeout(Duration blockTimeout) {
			Objects.requireNonNull(blockTimeout, "blockTimeout");
			if (blockTimeout.isNegative() || blockTimeout.isZero()) {
				throw new IllegalArgumentException("blockTimeout must be positive, got " + blockTimeout);
			}
			this.blockTimeout = blockTimeout;
			return this;
		}

		/**
		 * Resolves {@code ${...}} placeholders in the annotations' attributes.
		 * @param valueResolver the resolver, or null for none
		 * @return this builder
		 */
		public Builder embeddedValueResolver(@Nullable StringValueResolver valueResolver) {
			this.valueResolver = valueResolver;
			return this;
		}

		/**
		 * Build the factory.
		 * @return the factory
		 */
		public WampExchangeProxyFactory build() {
			return new WampExchangeProxyFactory(this);
		}

	}

}
