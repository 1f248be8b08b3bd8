package io.wampspring.core.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * Shared rules for the generic value tree that codecs read and write.
 */
final class ValueTrees {

	/**
	 * Deepest nesting a codec accepts, so that a hostile frame cannot overflow the stack.
	 */
	static final int MAX_DEPTH = 256;

	private ValueTrees() {
	}

	/** Visits a value tree in writing order; one implementation per serializer. */
	interface Sink {

		void nullValue();

		void string(String value);

		void bool(boolean value);

		void integer(long value);

		void bigInteger(BigInteger value);

		void floating(double value);

		void binary(byte[] value);

		void startArray(int size);

		void endArray();

		void startMap(int size);

		void key(String key);

		void endMap();

	}

	static void write(@Nullable Object value, Sink sink, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException("payload is nested deeper than " + MAX_DEPTH + " levels");
		}
		if (value == null) {
			sink.nullValue();
		}
		else if (value instanceof String s) {
			sink.string(s);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			sink.integer(((Number) value).longValue());
		}
		else if (value instanceof Map<?, ?> map) {
			sink.startMap(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					throw new IllegalArgumentException("dictionary keys must be strings, got "
							+ Dicts.typeName(entry.getKey()) + " " + entry.getKey());
				}
				sink.key(key);
				write(entry.getValue(), sink, depth + 1);
			}
			sink.endMap();
		}
		else if (value instanceof Collection<?> list) {
			sink.startArray(list.size());
			for (Object element : list) {
				write(element, sink, depth + 1);
			}
			sink.endArray();
		}
		else if (value instanceof Boolean b) {
			sink.bool(b);
		}
		else if (value instanceof Double || value instanceof Float) {
			sink.floating(((Number) value).doubleValue());
		}
		else if (value instanceof byte[] bytes) {
			sink.binary(bytes);
		}
		else if (value instanceof BigInteger big) {
			if (big.bitLength() < 64) {
				sink.integer(big.longValue());
			}
			else {
				sink.bigInteger(big);
			}
		}
		else if (value instanceof BigDecimal decimal) {
			sink.floating(decimal.doubleValue());
		}
		else if (value instanceof Number n) {
			sink.floating(n.doubleValue());
		}
		else if (value instanceof Object[] array) {
			sink.startArray(array.length);
			for (Object element : array) {
				write(element, sink, depth + 1);
			}
			sink.endArray();
		}
		else if (value instanceof CharSequence text) {
			sink.string(text.toString());
		}
		else if (value instanceof Enum<?> e) {
			sink.string(e.name());
		}
		else if (value instanceof Character c) {
			sink.string(c.toString());
		}
		else {
			throw new IllegalArgumentException("cannot serialize a " + value.getClass().getName()
					+ " in a WAMP message: convert it to maps, lists, strings, numbers, booleans or byte[] first "
					+ "(the Spring layer does this with Jackson)");
		}
	}

}
