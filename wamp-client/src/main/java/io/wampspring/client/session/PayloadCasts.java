package io.wampspring.client.session;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Casts the application's payload collections ({@code List<Integer>},
 * {@code Map<String, String>}) to the value-tree types of the messages, without copying.
 * The messages copy them (wamp-core's {@code PayloadCopies}), so the unchecked widening
 * is safe.
 */
final class PayloadCasts {

	private PayloadCasts() {
	}

	@SuppressWarnings("unchecked")
	static List<@Nullable Object> args(List<?> args) {
		return (List<@Nullable Object>) args;
	}

	@SuppressWarnings("unchecked")
	static Map<String, @Nullable Object> kwargs(Map<String, ?> kwargs) {
		return (Map<String, @Nullable Object>) kwargs;
	}

}
