package io.wampspring.router.nexus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.auth.Action;
import org.jspecify.annotations.Nullable;

/**
 * The URI permissions of an API key, in the form Nexus stores them: a list of
 * {@code {"uri": ..., "perms": ...}} where {@code uri} is an exact URI or ends with
 * {@code .*} (every URI below it; {@code *} alone for all), and {@code perms} holds the
 * letters {@code c} (call), {@code r} (register), {@code s} (subscribe), {@code p}
 * (publish), with {@code -} as a spacer. The most specific matching rule decides (an
 * exact URI, then the longest prefix); a URI no rule matches is denied. An empty list
 * does not restrict the key beyond its owner's role.
 */
final class ApiKeyRules {

	private record Rule(String uri, boolean prefix, Set<Action> actions) {

		boolean matches(String candidate) {
			if (!this.prefix) {
				return this.uri.equals(candidate);
			}
			// "a.b.*" covers "a.b.x" and deeper, not "a.b" itself (as Nexus's trie)
			return this.uri.isEmpty() || (candidate.length() > this.uri.length() + 1 && candidate.startsWith(this.uri)
					&& candidate.charAt(this.uri.length()) == '.');
		}

		int rank() {
			return this.prefix ? this.uri.length() : Integer.MAX_VALUE;
		}

	}

	private final List<Rule> rules;

	private final List<Map<String, Object>> shown;

	private ApiKeyRules(List<Rule> rules, List<Map<String, Object>> shown) {
		this.rules = rules;
		this.shown = shown;
	}

	/**
	 * Read the {@code permissions} of {@code my.apikeys.create}.
	 * @param value the list, or null for none
	 * @param maxRules the most rules a key may have
	 * @return the rules
	 * @throws WampException {@code wamp.error.invalid_argument} naming what is wrong
	 */
	static ApiKeyRules parse(@Nullable Object value, int maxRules) {
		if (value == null) {
			return new ApiKeyRules(List.of(), List.of());
		}
		if (!(value instanceof List<?> list)) {
			throw invalid("permissions must be a list of {\"uri\": ..., \"perms\": ...}, got "
					+ value.getClass().getSimpleName());
		}
		if (list.size() > maxRules) {
			throw invalid("an API key may have at most " + maxRules + " permissions, got " + list.size());
		}
		List<Rule> rules = new ArrayList<>();
		List<Map<String, Object>> shown = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof Map<?, ?> item) || !(item.get("uri") instanceof String uri)
					|| !(item.get("perms") instanceof String perms) || item.size() != 2) {
				throw invalid("permissions[" + i + "] must be {\"uri\": \"com.example.*\", \"perms\": \"cs\"}");
			}
			Rule rule = rule(i, uri, perms);
			if (rules.stream().anyMatch((other) -> other.uri().equals(rule.uri()) && other.prefix() == rule.prefix())) {
				throw invalid("permissions[" + i + "]: '" + uri + "' appears twice");
			}
			rules.add(rule);
			Map<String, Object> copy = new LinkedHashMap<>();
			copy.put("uri", uri);
			copy.put("perms", perms);
			shown.add(copy);
		}
		return new ApiKeyRules(List.copyOf(rules), List.copyOf(shown));
	}

	private static Rule rule(int index, String uri, String perms) {
		String where = "permissions[" + index + "]";
		boolean prefix = uri.equals("*") || uri.endsWith(".*");
		String base = uri.equals("*") ? "" : prefix ? uri.substring(0, uri.length() - 2) : uri;
		if (!base.isEmpty()) {
			for (String component : base.split("\\.", -1)) {
				if (component.isEmpty() || component.contains("*") || component.startsWith("/")) {
					throw invalid(where + ": '" + uri + "' is not a URI this router understands: write an exact URI, "
							+ "or one ending with .* for every URI below it (regular expressions are not supported)");
				}
			}
		}
		else if (!prefix) {
			throw invalid(where + ": the uri is empty; use * for every URI");
		}
		EnumSet<Action> actions = EnumSet.noneOf(Action.class);
		for (char letter : perms.toCharArray()) {
			switch (letter) {
				case 'c' -> actions.add(Action.CALL);
				case 'r' -> actions.add(Action.REGISTER);
				case 's' -> actions.add(Action.SUBSCRIBE);
				case 'p' -> actions.add(Action.PUBLISH);
				case '-' -> {
					// a spacer, as Nexus writes "c-s-"
				}
				case '+' -> throw invalid(where + ": '" + perms + "' asks for elevated permissions (+), "
						+ "which the embedded router does not support");
				default -> throw invalid(where + ": unknown permission '" + letter + "' in '" + perms
						+ "': use c (call), r (register), s (subscribe), p (publish)");
			}
		}
		return new Rule(base, prefix, Set.copyOf(actions));
	}

	private static WampException invalid(String message) {
		return new WampException(WampUris.INVALID_ARGUMENT, message);
	}

	/**
	 * Whether the key has no rules (it is limited only by its owner's role).
	 * @return true for an empty list
	 */
	boolean isEmpty() {
		return this.rules.isEmpty();
	}

	/**
	 * Whether an action on a URI is permitted.
	 * @param action the action
	 * @param uri the URI
	 * @return true when the most specific matching rule has the action's letter
	 */
	boolean permits(Action action, String uri) {
		if (this.rules.isEmpty()) {
			return true;
		}
		Rule best = null;
		for (Rule rule : this.rules) {
			if (rule.matches(uri) && (best == null || rule.rank() > best.rank())) {
				best = rule;
			}
		}
		return best != null && best.actions().contains(action);
	}

	/**
	 * The rules as they are shown in records.
	 * @return a list of {@code {"uri", "perms"}} maps
	 */
	List<Map<String, Object>> shown() {
		return this.shown;
	}

}
