package io.wampspring.spring.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The registration or subscription ids of a realm by match policy, as
 * {@code wamp.registration.list} and {@code wamp.subscription.list} answer.
 *
 * @param exact ids of exact-match entries
 * @param prefix ids of prefix-match entries
 * @param wildcard ids of wildcard-match entries
 */
public record MatchLists(List<Long> exact, List<Long> prefix, List<Long> wildcard) {

	static MatchLists of(Map<String, @Nullable Object> dict) {
		return new MatchLists(idsOf(dict.get("exact")), idsOf(dict.get("prefix")), idsOf(dict.get("wildcard")));
	}

	private static List<Long> idsOf(@Nullable Object value) {
		return (value != null) ? MetaCalls.ids(value) : List.of();
	}

}
