package io.wampspring.router.realm;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The size of a payload value as JSON would write it (binary as WAMP's Base64 string),
 * without writing it: what the Nexus services count against their quotas, the same
 * whatever serializer the client used.
 */
final class PayloadSize {

	private PayloadSize() {
	}

	/**
	 * Measure a value.
	 * @param value a decoded payload value (map, list, string, number, boolean, byte
	 * array) or null
	 * @return its JSON size in bytes (escapes aside)
	 */
	static long of(@Nullable Object value) {
		if (value == null) {
			return 4;
		}
		if (value instanceof String text) {
			return 2L + utf8Length(text);
		}
		if (value instanceof Boolean bool) {
			return bool ? 4 : 5;
		}
		if (value instanceof byte[] bytes) {
			// "\u0000" + Base64, quoted
			return 2L + 6 + 4L * ((bytes.length + 2) / 3);
		}
		if (value instanceof Map<?, ?> map) {
			long size = 2 + Math.max(0, map.size() - 1);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += of(String.valueOf(entry.getKey())) + 1 + of(entry.getValue());
			}
			return size;
		}
		if (value instanceof List<?> list) {
			long size = 2 + Math.max(0, list.size() - 1);
			for (Object item : list) {
				size += of(item);
			}
			return size;
		}
		return value.toString().length();
	}

	private static long utf8Length(String text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

}
