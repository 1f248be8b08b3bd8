package io.wampspring.spring.listener.adapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Dicts;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * A bean method with one precomputed {@link ArgumentBinder} per parameter:
 * <ul>
 * <li>{@link WampInvocation}, {@link WampEvent}, {@link InvocationDetails},
 * {@link EventDetails} and {@link WampIdentity} (the caller or publisher) are
 * injected;</li>
 * <li>{@link Kwarg @Kwarg} binds one keyword argument;</li>
 * <li>every other parameter takes the next positional argument; a POJO or {@code Map}
 * parameter whose positional argument is absent binds from the keyword arguments.</li>
 * </ul>
 * Each value is converted to the parameter's generic type with Jackson. A value that is
 * missing or does not convert raises {@code wamp.error.invalid_argument} naming the
 * parameter (index and name), the expected type, the type of value that came and, inside
 * a POJO, the field that failed; never the value itself (the message may reach logs and
 * observations).
 */
public final class WampHandlerMethod {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Object bean;

	private final Method method;

	private final String uri;

	private final ArgumentBinder[] binders;

	private final int positionalCount;

	/**
	 * Prepare a method for invocation.
	 * @param bean the bean
	 * @param method the method to invoke (already selected for the bean's class)
	 * @param uri the URI the method serves, for error messages
	 * @param converter the value converter
	 */
	public WampHandlerMethod(Object bean, Method method, String uri, WampJsonConverter converter) {
		this.bean = Objects.requireNonNull(bean, "bean");
		this.method = Objects.requireNonNull(method, "method");
		this.uri = Objects.requireNonNull(uri, "uri");
		ReflectionUtils.makeAccessible(method);
		int count = method.getParameterCount();
		this.binders = new ArgumentBinder[count];
		int positional = 0;
		for (int i = 0; i < count; i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			parameter.initParameterNameDiscovery(parameterNames);
			ArgumentBinder binder = injected(parameter.getParameterType());
			if (binder == null) {
				Kwarg kwarg = parameter.getParameterAnnotation(Kwarg.class);
				binder = (kwarg != null) ? kwargBinder(parameter, kwarg, converter)
						: positionalBinder(parameter, positional++, converter);
			}
			this.binders[i] = binder;
		}
		this.positionalCount = positional;
	}

	/**
	 * The bean.
	 * @return the bean
	 */
	public Object getBean() {
		return this.bean;
	}

	/**
	 * The method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
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
	 * Bind the arguments and invoke the method.
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param source the {@link WampInvocation} or {@link WampEvent}
	 * @return what the method returned
	 * @throws Throwable what the method threw, or a {@link WampException} for bad
	 * arguments
	 */
	public @Nullable Object invoke(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs, Object source)
			throws Throwable {
		@Nullable Object[] values = new Object[this.binders.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.binders[i].bind(args, kwargs, source);
		}
		try {
			return this.method.invoke(this.bean, values);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private static @Nullable ArgumentBinder injected(Class<?> type) {
		if (type == WampInvocation.class) {
			return (args, kwargs, source) -> (source instanceof WampInvocation) ? source : null;
		}
		if (type == WampEvent.class) {
			return (args, kwargs, source) -> (source instanceof WampEvent) ? source : null;
		}
		if (type == InvocationDetails.class) {
			return (args, kwargs, source) -> (source instanceof WampInvocation invocation)
					? InvocationDetails.of(invocation) : null;
		}
		if (type == EventDetails.class) {
			return (args, kwargs, source) -> (source instanceof WampEvent event) ? EventDetails.of(event) : null;
		}
		if (type == WampIdentity.class) {
			return (args, kwargs, source) -> {
				if (source instanceof WampInvocation invocation) {
					return new WampIdentity(invocation.caller(), invocation.callerAuthid(),
							invocation.callerAuthrole());
				}
				WampEvent event = (WampEvent) source;
				return new WampIdentity(event.publisher(), event.publisherAuthid(), event.publisherAuthrole());
			};
		}
		return null;
	}

	private ArgumentBinder kwargBinder(MethodParameter parameter, Kwarg kwarg, WampJsonConverter converter) {
		String key = kwarg.value();
		Target target = target(parameter, "keyword argument '" + key + "'", converter);
		boolean required = kwarg.required() && !parameter.isOptional();
		return (args, kwargs, source) -> {
			if (!kwargs.containsKey(key)) {
				if (required) {
					throw invalid(target.describe() + " is missing", target);
				}
				return target.empty();
			}
			return target.convert(kwargs.get(key));
		};
	}

	private ArgumentBinder positionalBinder(MethodParameter parameter, int index, WampJsonConverter converter) {
		Target target = target(parameter, "argument " + index, converter);
		boolean optional = parameter.isOptional();
		boolean fromKwargs = isStructured(parameter.getParameterType());
		return (args, kwargs, source) -> {
			if (index < args.size()) {
				return target.convert(args.get(index));
			}
			if (fromKwargs && !kwargs.isEmpty()) {
				return target.convert(kwargs);
			}
			if (optional) {
				return target.empty();
			}
			throw invalid(target.describe() + " is missing: the message has " + args.size() + " positional argument"
					+ ((args.size() == 1) ? "" : "s"), target);
		};
	}

	// POJOs and maps may take the keyword arguments as a whole
	private static boolean isStructured(Class<?> type) {
		if (Map.class.isAssignableFrom(type)) {
			return true;
		}
		return !BeanUtils.isSimpleValueType(type) && !type.isArray() && !Collection.class.isAssignableFrom(type)
				&& type != Optional.class && type != Object.class;
	}

	private Target target(MethodParameter parameter, String what, WampJsonConverter converter) {
		String name = parameter.getParameterName();
		if (name == null) {
			name = "arg" + parameter.getParameterIndex();
		}
		boolean optionalWrapper = parameter.getParameterType() == Optional.class;
		ResolvableType type = optionalWrapper ? ResolvableType.forMethodParameter(parameter).getGeneric(0)
				: ResolvableType.forMethodParameter(parameter);
		JavaType javaType = converter.javaType(type.getType());
		return new Target(this.uri, what, name, parameter.getParameterIndex(), type, javaType,
				parameter.getParameterType().isPrimitive(), optionalWrapper, converter);
	}

	private static WampException invalid(String message, Target target) {
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		kwargs.put("parameter", target.name());
		kwargs.put("index", (long) target.index());
		kwargs.put("expected", target.typeName());
		return new WampException(WampUris.INVALID_ARGUMENT, List.of(target.uri() + ": " + message), kwargs);
	}

	/**
	 * The field names (and list indexes) where Jackson failed, such as
	 * {@code items[2].name}.
	 */
	private static String fieldPath(RuntimeException ex) {
		if (!(ex instanceof JacksonException jackson)) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : jackson.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@Override
	public String toString() {
		return this.method.getDeclaringClass().getSimpleName() + "#" + this.method.getName();
	}

	/** Everything needed to convert one value, resolved once. */
	private record Target(String uri, String what, String name, int index, ResolvableType type, JavaType javaType,
			boolean primitive, boolean optionalWrapper, WampJsonConverter converter) {

		String typeName() {
			return this.type.toString();
		}

		String describe() {
			return this.what + " (parameter " + this.index + " '" + this.name + "' of type " + typeName() + ")";
		}

		@Nullable Object empty() {
			return this.optionalWrapper ? Optional.empty() : null;
		}

		@Nullable Object convert(@Nullable Object value) {
			if (value == null) {
				if (this.primitive) {
					throw invalid(describe() + " must not be null", this);
				}
				return empty();
			}
			Object converted;
			try {
				converted = this.converter.fromWire(value, this.javaType);
			}
			catch (RuntimeException ex) {
				String field = fieldPath(ex);
				throw invalid(describe() + " cannot take the " + Dicts.typeName(value) + " it was given"
						+ (field.isEmpty() ? "" : " (field '" + field + "' does not convert)"), this);
			}
			return this.optionalWrapper ? Optional.ofNullable(converted) : converted;
		}

	}

}
