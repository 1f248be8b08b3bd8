package io.wampspring.router.realm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Checks the details of a HELLO before the router reads them: {@code roles} a non-empty
 * dictionary of dictionaries whose {@code features} are booleans, the authentication
 * fields of their types, and every number finite and within 64 bits (so that no
 * serializer of another session fails on it later).
 */
final class HelloDetails {

	private static final int MAX_DEPTH = 64;

	private static final BigInteger MIN_INTEGER = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger MAX_INTEGER = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

	private HelloDetails() {
	}

	/**
	 * What is wrong with a HELLO's details.
	 * @param details the details
	 * @return a message naming the field and what it must be, or null when the details
	 * are fine
	 */
	static @Nullable String problem(Map<String, Object> details) {
		String roles = roles(details.get("roles"));
		if (roles != null) {
			return roles;
		}
		for (String key : List.of("authid", "authrole", "agent")) {
			Object value = details.get(key);
			if (value != null && !(value instanceof String)) {
				return "HELLO.Details." + key + " must be a string, got " + describe(value);
			}
		}
		Object methods = details.get("authmethods");
		if (methods != null) {
			if (!(methods instanceof List<?> list)) {
				return "HELLO.Details.authmethods must be a list of strings, got " + describe(methods);
			}
			for (int i = 0; i < list.size(); i++) {
				if (!(list.get(i) instanceof String)) {
					return "HELLO.Details.authmethods[" + i + "] must be a string, got " + describe(list.get(i));
				}
			}
		}
		Object authextra = details.get("authextra");
		if (authextra != null && !(authextra instanceof Map)) {
			return "HELLO.Details.authextra must be a dictionary, got " + describe(authextra);
		}
		return numbers(details, "HELLO.Details", 0);
	}

	private static @Nullable String roles(@Nullable Object roles) {
		if (!(roles instanceof Map<?, ?> all) || all.isEmpty()) {
			return "HELLO.Details.roles must be a dictionary of the client's roles (such as {\"caller\": {}}), got "
					+ describe(roles);
		}
		for (Map.Entry<?, ?> role : all.entrySet()) {
			String path = "HELLO.Details.roles." + role.getKey();
			if (!(role.getValue() instanceof Map<?, ?> details)) {
				return path + " must be a dictionary, got " + describe(role.getValue());
			}
			Object features = details.get("features");
			if (features == null) {
				continue;
			}
			if (!(features instanceof Map<?, ?> flags)) {
				return path + ".features must be a dictionary, got " + describe(features);
			}
			for (Map.Entry<?, ?> flag : flags.entrySet()) {
				if (!(flag.getValue() instanceof Boolean)) {
					return path + ".features." + flag.getKey() + " must be a boolean, got " + describe(flag.getValue());
				}
			}
		}
		return null;
	}

	private static @Nullable String numbers(@Nullable Object value, String path, int depth) {
		if (depth > MAX_DEPTH) {
			return path + " nests deeper than " + MAX_DEPTH + " levels";
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String problem = numbers(entry.getValue(), path + "." + entry.getKey(), depth + 1);
				if (problem != null) {
					return problem;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String problem = numbers(list.get(i), path + "[" + i + "]", depth + 1);
				if (problem != null) {
					return problem;
				}
			}
		}
		else if (value instanceof Number number && !sane(number)) {
			return path + " must be a finite number within 64 bits, got " + describe(number);
		}
		return null;
	}

	private static boolean sane(Number number) {
		if (number instanceof Double || number instanceof Float) {
			return Double.isFinite(number.doubleValue());
		}
		if (number instanceof BigInteger big) {
			return big.compareTo(MIN_INTEGER) >= 0 && big.compareTo(MAX_INTEGER) <= 0;
		}
		if (number instanceof BigDecimal decimal) {
			return Double.isFinite(decimal.doubleValue());
		}
		return true;
	}

	private static String describe(@Nullable Object value) {
		if (value == null) {
			return "nothing";
		}
		if (value instanceof String text) {
			return (text.length() <= 40) ? "the string \"" + text + "\""
					: "a string of " + text.length() + " characters";
		}
		if (value instanceof Number || value instanceof Boolean) {
			String text = value.toString();
			return (text.length() <= 40) ? text : "a number of " + text.length() + " digits";
		}
		if (value instanceof Map) {
			return "a dictionary";
		}
		if (value instanceof List) {
			return "a list";
		}
		return "a value of type " + value.getClass().getSimpleName();
	}

}
