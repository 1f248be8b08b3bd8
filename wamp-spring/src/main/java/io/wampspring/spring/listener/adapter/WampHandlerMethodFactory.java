package io.wampspring.spring.listener.adapter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.beanvalidation.MethodValidationAdapter;
import org.springframework.validation.method.MethodValidator;

/**
 * Builds the {@link WampHandlerMethod}s of an endpoint registry, like spring-messaging's
 * {@code MessageHandlerMethodFactory}: one list of argument resolvers (the application's
 * first, then the built-in ones), the {@link WampHandlerInterceptor}s and the method
 * validator. Immutable and thread safe.
 * <p>
 * The built-in resolvers, in order: the message's own objects ({@code WampInvocation},
 * {@code WampEvent}, {@code InvocationDetails}, {@code EventDetails},
 * {@code WampIdentity}, the {@code Message}), {@code @Kwarg} keyword arguments, a
 * {@code Flux<T>} of the call's chunks (progressive call invocations), and, last,
 * positional arguments (a POJO or {@code Map} binding from the keyword arguments when its
 * positional argument is absent).
 * <p>
 * Validation: without a {@link Builder#methodValidator(MethodValidator) validator} of its
 * own, the factory uses Spring's {@link MethodValidationAdapter} over the default Jakarta
 * Validation provider when Jakarta Validation is on the class path; a method asking for
 * validation then fails its registration if no provider is found.
 */
public final class WampHandlerMethodFactory {

	private static final Logger logger = LoggerFactory.getLogger(WampHandlerMethodFactory.class);

	private static final boolean VALIDATION_PRESENT = ClassUtils.isPresent("jakarta.validation.Validation",
			WampHandlerMethodFactory.class.getClassLoader());

	private final WampJsonConverter converter;

	private final List<HandlerMethodArgumentResolver> argumentResolvers;

	private final List<WampHandlerInterceptor> interceptors;

	private final Supplier<@Nullable MethodValidator> methodValidator;

	private WampHandlerMethodFactory(Builder builder) {
		this.converter = builder.converter;
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(builder.customArgumentResolvers);
		resolvers.addAll(builtInResolvers());
		this.argumentResolvers = List.copyOf(resolvers);
		this.interceptors = List.copyOf(builder.interceptors);
		MethodValidator validator = builder.methodValidator;
		this.methodValidator = (validator != null) ? () -> validator : SingletonSupplier.of(defaultValidator());
	}

	/**
	 * The built-in resolvers, in the order they are asked.
	 * @return the resolvers
	 */
	static List<HandlerMethodArgumentResolver> builtInResolvers() {
		return List.of(new WampSourceArgumentResolver(), new WampKwargArgumentResolver(),
				new WampChunksArgumentResolver(), new WampPositionalArgumentResolver());
	}

	private static Supplier<@Nullable MethodValidator> defaultValidator() {
		return () -> {
			if (!VALIDATION_PRESENT) {
				return null;
			}
			try {
				return DefaultValidator.create();
			}
			catch (RuntimeException ex) {
				logger.debug("no Jakarta Validation provider: {}", ex.toString());
				return null;
			}
		};
	}

	/**
	 * A factory with the built-in resolvers only, no interceptor and the default
	 * validation.
	 * @param converter the converter of payloads
	 * @return the factory
	 */
	public static WampHandlerMethodFactory of(WampJsonConverter converter) {
		return builder(converter).build();
	}

	/**
	 * A builder.
	 * @param converter the converter of payloads
	 * @return the builder
	 */
	public static Builder builder(WampJsonConverter converter) {
		return new Builder(converter);
	}

	/**
	 * Prepare a method for invocation: choose a resolver for each parameter, and decide
	 * whether its arguments are validated.
	 * @param bean the bean
	 * @param method the method, selected for the bean's class
	 * @param uri the URI (or pattern) the method serves
	 * @return the handler method
	 * @throws IllegalStateException when a parameter cannot be resolved or asks for
	 * validation that is not available
	 */
	public WampHandlerMethod create(Object bean, Method method, String uri) {
		return new WampHandlerMethod(bean, method, uri, this);
	}

	/**
	 * The converter of payloads.
	 * @return the converter
	 */
	public WampJsonConverter getConverter() {
		return this.converter;
	}

	/**
	 * The argument resolvers, the application's first.
	 * @return the resolvers
	 */
	public List<HandlerMethodArgumentResolver> getArgumentResolvers() {
		return this.argumentResolvers;
	}

	/**
	 * The interceptors, outermost first.
	 * @return the interceptors
	 */
	public List<WampHandlerInterceptor> getInterceptors() {
		return this.interceptors;
	}

	@Nullable MethodValidator methodValidator() {
		return this.methodValidator.get();
	}

	/**
	 * Builds a {@link WampHandlerMethodFactory}.
	 */
	public static final class Builder {

		private final WampJsonConverter converter;

		private final List<HandlerMethodArgumentResolver> customArgumentResolvers = new ArrayList<>();

		private final List<WampHandlerInterceptor> interceptors = new ArrayList<>();

		private @Nullable MethodValidator methodValidator;

		private Builder(WampJsonConverter converter) {
			this.converter = Objects.requireNonNull(converter, "converter");
		}

		/**
		 * Add the application's argument resolvers, asked before the built-in ones.
		 * @param resolvers the resolvers, in order
		 * @return this builder
		 */
		public Builder customArgumentResolvers(List<? extends HandlerMethodArgumentResolver> resolvers) {
			this.customArgumentResolvers.addAll(resolvers);
			return this;
		}

		/**
		 * Add interceptors that run around every handler call.
		 * @param interceptors the interceptors, outermost first
		 * @return this builder
		 */
		public Builder interceptors(List<? extends WampHandlerInterceptor> interceptors) {
			this.interceptors.addAll(interceptors);
			return this;
		}

		/**
		 * The validator of arguments (such as a {@link MethodValidationAdapter} over the
		 * application's {@code jakarta.validation.Validator}); default: one over the
		 * default provider, when there is one.
		 * @param methodValidator the validator
		 * @return this builder
		 */
		public Builder methodValidator(@Nullable MethodValidator methodValidator) {
			this.methodValidator = methodValidator;
			return this;
		}

		/**
		 * Build the factory.
		 * @return the factory
		 */
		public WampHandlerMethodFactory build() {
			return new WampHandlerMethodFactory(this);
		}

	}

	/** Loaded only when Jakarta Validation is on the class path. */
	private static final class DefaultValidator {

		static MethodValidator create() {
			jakarta.validation.ValidatorFactory factory = jakarta.validation.Validation.buildDefaultValidatorFactory();
			return new MethodValidationAdapter(factory);
		}

	}

}
