package io.wampspring.spring.listener.adapter;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.GenericMessage;

/**
 * A {@code @WampProcedure} or {@code @WampSubscribe} bean method, invoked through
 * spring-messaging's {@link InvocableHandlerMethod} with one
 * {@link HandlerMethodArgumentResolver} per parameter, chosen once when the endpoint is
 * registered (see {@link WampHandlerMethodFactory} for the built-in resolvers and their
 * order, {@link WampHandlerMethodArgumentResolver} to add one). Per message nothing is
 * looked up: the prepared resolvers run, the arguments are validated when a parameter
 * asks for it ({@code @Valid}, constraint annotations), the
 * {@link WampHandlerInterceptor}s run around the call, and the method is invoked.
 * <p>
 * The {@link Message} the resolvers read has the {@link WampInvocation} or
 * {@link WampEvent} as its payload and empty headers (no id, no timestamp: nothing is
 * generated per message).
 */
public final class WampHandlerMethod extends InvocableHandlerMethod {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private static final MessageHeaders NO_HEADERS = new NoHeaders();

	private final String uri;

	private final MethodParameter[] parameters;

	private final HandlerMethodArgumentResolver[] resolvers;

	private final int positionalCount;

	private final WampHandlerInterceptor[] interceptors;

	private final @Nullable ArgumentValidation validation;

	/**
	 * Prepare a method for invocation with the built-in resolvers, no interceptor and the
	 * default validation.
	 * @param bean the bean
	 * @param method the method to invoke (already selected for the bean's class)
	 * @param uri the URI the method serves, for error messages
	 * @param converter the value converter
	 */
	public WampHandlerMethod(Object bean, Method method, String uri, WampJsonConverter converter) {
		this(bean, method, uri, WampHandlerMethodFactory.of(converter));
	}

	WampHandlerMethod(Object bean, Method method, String uri, WampHandlerMethodFactory factory) {
		super(bean, method);
		this.uri = Objects.requireNonNull(uri, "uri");
		setParameterNameDiscoverer(parameterNames);
		this.parameters = getMethodParameters();
		this.resolvers = new HandlerMethodArgumentResolver[this.parameters.length];
		List<HandlerMethodArgumentResolver> candidates = factory.getArgumentResolvers();
		int position = 0;
		for (int i = 0; i < this.parameters.length; i++) {
			MethodParameter parameter = this.parameters[i];
			parameter.initParameterNameDiscovery(parameterNames);
			HandlerMethodArgumentResolver resolver = candidates.stream()
				.filter((candidate) -> candidate.supportsParameter(parameter))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no argument resolver supports parameter "
						+ parameter.getParameterIndex() + " of " + this + " (" + uri + ")"));
			if (resolver instanceof WampHandlerMethodArgumentResolver wampResolver) {
				this.resolvers[i] = wampResolver.prepare(parameter,
						new WampParameterContext(uri, factory.getConverter(), position));
				if (wampResolver.consumesPositionalArgument(parameter)) {
					position++;
				}
			}
			else {
				this.resolvers[i] = resolver;
			}
		}
		this.positionalCount = position;
		this.interceptors = factory.getInterceptors().toArray(new WampHandlerInterceptor[0]);
		this.validation = ArgumentValidation.of(factory.methodValidator(), this, this.parameters);
	}

	/**
	 * The URI (or pattern) the method serves.
	 * @return the URI
	 */
	public String getUri() {
		return this.uri;
	}

	/**
	 * How many parameters bind positional arguments.
	 * @return the count
	 */
	public int getPositionalCount() {
		return this.positionalCount;
	}

	/**
	 * Whether the method's arguments are validated before it runs.
	 * @return true when a parameter asks for validation
	 */
	public boolean isValidated() {
		return this.validation != null;
	}

	/**
	 * Invoke the method for an invocation.
	 * @param invocation the invocation
	 * @return what the method returned
	 * @throws Exception what the method threw, or a {@code WampException} for bad
	 * arguments
	 */
	public @Nullable Object invoke(WampInvocation invocation) throws Exception {
		return invoke(message(invocation));
	}

	/**
	 * Invoke the method for an event.
	 * @param event the event
	 * @return what the method returned
	 * @throws Exception what the method threw, or a {@code WampException} for bad
	 * arguments
	 */
	public @Nullable Object invoke(WampEvent event) throws Exception {
		return invoke(message(event));
	}

	/**
	 * Resolve the arguments, validate them, and invoke the method through the
	 * interceptors.
	 * @param message a message whose payload is a {@link WampInvocation} or a
	 * {@link WampEvent}
	 * @param providedArgs ignored: every parameter has its resolver
	 * @return what the method returned
	 * @throws Exception what the method threw, or a {@code WampException} for bad
	 * arguments
	 */
	@Override
	public @Nullable Object invoke(Message<?> message, @Nullable Object... providedArgs) throws Exception {
		@Nullable Object[] args = getMethodArgumentValues(message, providedArgs);
		ArgumentValidation validation = this.validation;
		if (validation != null) {
			validation.validate(args);
		}
		if (this.interceptors.length == 0) {
			return doInvoke(args);
		}
		return proceed(0, message, args);
	}

	private @Nullable Object proceed(int index, Message<?> message, @Nullable Object[] args) throws Exception {
		if (index == this.interceptors.length) {
			return doInvoke(args);
		}
		return this.interceptors[index].intercept(message, this, () -> proceed(index + 1, message, args));
	}

	/**
	 * Resolve every parameter with its prepared resolver.
	 * @param message the message
	 * @param providedArgs ignored
	 * @return the arguments
	 * @throws Exception a resolver's failure, such as a {@code WampException} with
	 * {@code wamp.error.invalid_argument}
	 */
	@Override
	protected @Nullable Object[] getMethodArgumentValues(Message<?> message, @Nullable Object... providedArgs)
			throws Exception {
		@Nullable Object[] values = new Object[this.resolvers.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.resolvers[i].resolveArgument(this.parameters[i], message);
		}
		return values;
	}

	/**
	 * The message the resolvers of a handler read.
	 * @param source the {@link WampInvocation} or {@link WampEvent}
	 * @return the message
	 */
	public static Message<Object> message(Object source) {
		return new GenericMessage<>(source, NO_HEADERS);
	}

	@Override
	public String toString() {
		return getMethod().getDeclaringClass().getSimpleName() + "#" + getMethod().getName();
	}

	/** Empty headers without a generated id or timestamp. */
	private static final class NoHeaders extends MessageHeaders {

		private static final long serialVersionUID = 1L;

		NoHeaders() {
			super(null, ID_VALUE_NONE, -1L);
		}

	}

}
