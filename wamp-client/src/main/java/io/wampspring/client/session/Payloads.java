package io.wampspring.client.session;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Widens the application's payload collections ({@code List<Integer>},
 * {@code Map<String, String>}) to the value-tree types of the messages. The messages copy
 * them, so the widening is safe.
 */
final class Payloads {

	private Payloads() {
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
