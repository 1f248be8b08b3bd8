package io.wampspring.boot.test.client;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Payload values as a test writes them: the codecs decode every integer as a
 * {@link Long}, while a test writes {@code 5}; integers are turned into {@link Integer}
 * when they fit and {@link Long} otherwise, as Jackson does for untyped values, so that
 * {@code containsExactly(5)} and {@code containsEntry("count", 3)} hold.
 */
final class WampValues {

	private WampValues() {
	}

	static List<@Nullable Object> normalize(List<?> values) {
		List<@Nullable Object> copy = new ArrayList<>(values.size());
		for (Object value : values) {
			copy.add(normalizeValue(value));
		}
		return copy;
	}

	static Map<String, @Nullable Object> normalize(Map<String, ?> values) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		values.forEach((key, value) -> copy.put(key, normalizeValue(value)));
		return copy;
	}

	@SuppressWarnings("unchecked")
	static @Nullable Object normalizeValue(@Nullable Object value) {
		if (value instanceof Long || value instanceof Short || value instanceof Byte) {
			long number = ((Number) value).longValue();
			return (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) ? (Object) (int) number : number;
		}
		if (value instanceof BigInteger big && big.bitLength() < 64) {
			return normalizeValue(big.longValue());
		}
		if (value instanceof Float f) {
			return f.doubleValue();
		}
		if (value instanceof List<?> list) {
			return normalize(list);
		}
		if (value instanceof Map<?, ?> map) {
			return normalize((Map<String, ?>) map);
		}
		return value;
	}

}
