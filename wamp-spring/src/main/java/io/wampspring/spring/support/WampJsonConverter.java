package io.wampspring.spring.support;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.wampspring.client.CallResult;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between WAMP payload values (the value tree: null, String, Boolean, Long,
 * Double, byte[], List, Map) and Java types with one shared Jackson {@link JsonMapper}.
 * Values that already have the wanted type pass through without Jackson. Thread safe;
 * build one and share it.
 */
public final class WampJsonConverter {

	/**
	 * The deserialization features a WAMP converter turns off: unknown keyword arguments
	 * are ignored (a POJO binds the ones it knows), floats do not silently become
	 * integers.
	 */
	public static final Set<DeserializationFeature> DISABLED_FEATURES = Set
		.of(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT);

	private static final WampJsonConverter DEFAULT = new WampJsonConverter(defaultMapper());

	private final JsonMapper mapper;

	private final JavaType objectType;

	/**
	 * Create a converter around a mapper.
	 * @param mapper the mapper; its configuration decides how values convert
	 */
	public WampJsonConverter(JsonMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper");
		this.objectType = mapper.constructType(Object.class);
	}

	/**
	 * The shared converter with {@link #defaultMapper()}.
	 * @return the converter
	 */
	public static WampJsonConverter shared() {
		return DEFAULT;
	}

	/**
	 * The mapper the shared converter uses: Jackson's defaults with the
	 * {@link #DISABLED_FEATURES} off.
	 * @return a new mapper
	 */
	public static JsonMapper defaultMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		DISABLED_FEATURES.forEach(builder::disable);
		return builder.build();
	}

	/**
	 * The mapper.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Resolve a Java type once, for repeated conversions.
	 * @param type the type, with its generics
	 * @return the Jackson type
	 */
	public JavaType javaType(Type type) {
		return this.mapper.constructType(type);
	}

	/**
	 * Convert a payload value to a Java type.
	 * @param <T> the type
	 * @param value the value from the wire
	 * @param type the wanted type
	 * @return the converted value
	 * @throws IllegalArgumentException when the value does not convert
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T fromWire(@Nullable Object value, JavaType type) {
		if (value == null) {
			return null;
		}
		Class<?> raw = type.getRawClass();
		if (raw == Object.class || (!type.hasGenericTypes() && !type.isContainerType() && raw.isInstance(value))) {
			return (T) value;
		}
		return this.mapper.convertValue(value, type);
	}

	/**
	 * Convert a payload value to a class.
	 * @param <T> the type
	 * @param value the value from the wire
	 * @param type the wanted class
	 * @return the converted value
	 * @throws IllegalArgumentException when the value does not convert
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T fromWire(@Nullable Object value, Class<T> type) {
		if (value == null || type.isInstance(value)) {
			return (T) value;
		}
		return this.mapper.convertValue(value, type);
	}

	/**
	 * Convert the result of a call: {@link CallResult} and {@link WampResult} receive
	 * everything; any other type the only positional result, else all of them as a list,
	 * else the keyword results.
	 * @param <T> the type
	 * @param result the result from the wire
	 * @param type the wanted type
	 * @return the converted value; null when the result carries no value
	 * @throws WampException with {@code wamp.error.invalid_argument} naming the type when
	 * the result does not convert
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T fromResult(CallResult result, JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw == CallResult.class) {
			return (T) result;
		}
		if (raw == WampResult.class) {
			return (T) new WampResult(result.args(), result.kwargs(), result.details());
		}
		Object value;
		if (result.args().size() == 1) {
			value = result.args().get(0);
		}
		else if (!result.args().isEmpty()) {
			value = result.args();
		}
		else if (!result.kwargs().isEmpty()) {
			value = result.kwargs();
		}
		else {
			return null;
		}
		try {
			return fromWire(value, type);
		}
		catch (RuntimeException ex) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					List.of("the result cannot convert to " + type.toCanonical() + ": " + ex.getMessage()), Map.of(),
					result.details(), null, ex);
		}
	}

	/**
	 * Convert a Java value to the WAMP value tree (maps, lists and scalars) that every
	 * codec and the in-process link can carry.
	 * @param value the value
	 * @return the value tree
	 * @throws IllegalArgumentException when Jackson cannot serialize the value
	 */
	public @Nullable Object toWire(@Nullable Object value) {
		if (isValueTree(value, 0)) {
			return value;
		}
		return this.mapper.convertValue(value, this.objectType);
	}

	// A cheap walk that spares Jackson for payloads that are already made of wire types.
	private static boolean isValueTree(@Nullable Object value, int depth) {
		if (value == null || value instanceof String || value instanceof Long || value instanceof Integer
				|| value instanceof Boolean || value instanceof Double || value instanceof byte[]
				|| value instanceof BigInteger || value instanceof Short || value instanceof Float) {
			return true;
		}
		if (depth > 8) {
			return false;
		}
		if (value instanceof Collection<?> list) {
			for (Object element : list) {
				if (!isValueTree(element, depth + 1)) {
					return false;
				}
			}
			return true;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String) || !isValueTree(entry.getValue(), depth + 1)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

}
