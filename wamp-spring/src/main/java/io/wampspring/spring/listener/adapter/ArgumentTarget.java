package io.wampspring.spring.listener.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Dicts;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Everything needed to convert one payload value to one parameter, resolved once when the
 * endpoint is registered. A value that is missing or does not convert raises
 * {@code wamp.error.invalid_argument} naming the parameter (index and name), the expected
 * type, the type of value that came and, inside a POJO, the field that failed; never the
 * value itself (the message may reach logs and observations).
 */
final class ArgumentTarget {

	private final String uri;

	private final String what;

	private final String name;

	private final int index;

	private final ResolvableType type;

	private final JavaType javaType;

	private final boolean primitive;

	private final boolean optionalWrapper;

	private final WampJsonConverter converter;

	/**
	 * Resolve the target of a parameter.
	 * @param parameter the parameter, with parameter name discovery initialized
	 * @param what what it binds, such as {@code argument 0}
	 * @param context the endpoint's URI and converter
	 */
	ArgumentTarget(MethodParameter parameter, String what, WampParameterContext context) {
		String parameterName = parameter.getParameterName();
		this.uri = context.uri();
		this.what = what;
		this.name = (parameterName != null) ? parameterName : "arg" + parameter.getParameterIndex();
		this.index = parameter.getParameterIndex();
		this.optionalWrapper = parameter.getParameterType() == Optional.class;
		this.type = this.optionalWrapper ? ResolvableType.forMethodParameter(parameter).getGeneric(0)
				: ResolvableType.forMethodParameter(parameter);
		this.converter = context.converter();
		this.javaType = this.converter.javaType(this.type.getType());
		this.primitive = parameter.getParameterType().isPrimitive();
	}

	String describe() {
		return this.what + " (parameter " + this.index + " '" + this.name + "' of type " + this.type + ")";
	}

	@Nullable Object empty() {
		return this.optionalWrapper ? Optional.empty() : null;
	}

	@Nullable Object convert(@Nullable Object value) {
		if (value == null) {
			if (this.primitive) {
				throw invalid(describe() + " must not be null");
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
					+ (field.isEmpty() ? "" : " (field '" + field + "' does not convert)"));
		}
		return this.optionalWrapper ? Optional.ofNullable(converted) : converted;
	}

	WampException invalid(String message) {
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		kwargs.put("parameter", this.name);
		kwargs.put("index", (long) this.index);
		kwargs.put("expected", this.type.toString());
		return new WampException(WampUris.INVALID_ARGUMENT, List.of(this.uri + ": " + message), kwargs);
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

}
