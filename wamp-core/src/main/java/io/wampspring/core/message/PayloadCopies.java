package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Copies the collections that messages hold: null becomes empty, and what is kept is an
 * unmodifiable copy, so a message cannot change after it was built. (Not to be confused
 * with wamp-client's {@code PayloadCasts}, which only widens types without copying.)
 */
final class PayloadCopies {

	private PayloadCopies() {
	}

	static Map<String, Object> dict(@Nullable Map<String, Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	static List<@Nullable Object> args(@Nullable List<@Nullable Object> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		return Collections.unmodifiableList(new ArrayList<>(list));
	}

	static Map<String, @Nullable Object> kwargs(@Nullable Map<String, @Nullable Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Append Arguments and ArgumentsKw as the specification asks: both omitted when
	 * empty, an empty list written when only keyword arguments are present.
	 */
	static void addPayload(List<@Nullable Object> list, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		if (!kwargs.isEmpty()) {
			list.add(args);
			list.add(kwargs);
		}
		else if (!args.isEmpty()) {
			list.add(args);
		}
	}

}
