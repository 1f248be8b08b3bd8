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

	// The classes of List.of(...) and Map.of(...): immutable, so kept without a copy (the
	// usual arguments of a call, List.of("hello", 42), cost nothing). Unmodifiable views
	// are copied: what they show may still change.
	private static final Class<?> LIST_1_2 = List.of(1).getClass();

	private static final Class<?> LIST_N = List.of(1, 2, 3).getClass();

	private static final Class<?> MAP_1 = Map.of(1, 1).getClass();

	private static final Class<?> MAP_N = Map.of(1, 1, 2, 2).getClass();

	private PayloadCopies() {
	}

	private static boolean isImmutable(Object collection) {
		Class<?> type = collection.getClass();
		return type == LIST_1_2 || type == LIST_N || type == MAP_1 || type == MAP_N;
	}

	static Map<String, Object> dict(@Nullable Map<String, Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		if (isImmutable(map)) {
			return map;
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	static List<@Nullable Object> args(@Nullable List<@Nullable Object> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		if (isImmutable(list)) {
			return list;
		}
		return Collections.unmodifiableList(new ArrayList<>(list));
	}

	static Map<String, @Nullable Object> kwargs(@Nullable Map<String, @Nullable Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		if (isImmutable(map)) {
			return map;
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
