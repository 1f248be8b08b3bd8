package io.wampspring.core.message;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Typed reads from the details and options dictionaries of messages. A key that is absent
 * (or null) reads as null; a key with the wrong type is an
 * {@link IllegalArgumentException} that names the key, the expected type and what was
 * found.
 */
public final class Dicts {

	private Dicts() {
	}

	/**
	 * A string entry.
	 * @param dict the dictionary
	 * @param key the key
	 * @return the string, or null when absent
	 */
	public static @Nullable String string(Map<String, ?> dict, String key) {
		Object value = dict.get(key);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw wrongType(key, "a string", value);
	}

	/**
	 * A boolean entry.
	 * @param dict the dictionary
	 * @param key the key
	 * @param defaultValue the value when absent
	 * @return the boolean
	 */
	public static boolean bool(Map<String, ?> dict, String key, boolean defaultValue) {
		Object value = dict.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		throw wrongType(key, "a boolean", value);
	}

	/**
	 * An integer entry.
	 * @param dict the dictionary
	 * @param key the key
	 * @return the integer, or null when absent
	 */
	public static @Nullable Long integer(Map<String, ?> dict, String key) {
		Object value = dict.get(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
			return d.longValue();
		}
		throw wrongType(key, "an integer", value);
	}

	/**
	 * A list entry.
	 * @param dict the dictionary
	 * @param key the key
	 * @return the list, or null when absent
	 */
	@SuppressWarnings("unchecked")
	public static @Nullable List<@Nullable Object> list(Map<String, ?> dict, String key) {
		Object value = dict.get(key);
		if (value == null || value instanceof List) {
			return (List<@Nullable Object>) value;
		}
		throw wrongType(key, "a list", value);
	}

	/**
	 * A dictionary entry.
	 * @param dict the dictionary
	 * @param key the key
	 * @return the dictionary, or null when absent
	 */
	@SuppressWarnings("unchecked")
	public static @Nullable Map<String, Object> dict(Map<String, ?> dict, String key) {
		Object value = dict.get(key);
		if (value == null || value instanceof Map) {
			return (Map<String, Object>) value;
		}
		throw wrongType(key, "a dictionary", value);
	}

	/**
	 * A readable name for the type of a decoded value.
	 * @param value a decoded value
	 * @return a name such as {@code string}, {@code integer}, {@code list}
	 */
	public static String typeName(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String) {
			return "string";
		}
		if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
			return "integer";
		}
		if (value instanceof Number) {
			return "float";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof List) {
			return "list";
		}
		if (value instanceof Map) {
			return "dictionary";
		}
		if (value instanceof byte[]) {
			return "binary";
		}
		return value.getClass().getSimpleName();
	}

	private static IllegalArgumentException wrongType(String key, String expected, Object value) {
		return new IllegalArgumentException(
				"'" + key + "' must be " + expected + ", got " + typeName(value) + " " + abbreviate(value));
	}

	static String abbreviate(@Nullable Object value) {
		String text = String.valueOf(value);
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}
