package io.wampspring.router.config;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.Action;

/**
 * One rule of a role: which actions are allowed on the URIs that a pattern matches. The
 * pattern may contain {@code {authid}} and {@code {authrole}}, replaced by the session's
 * own values, so that {@code conversations.private.{authid}.} limits each user to its own
 * branch. When several rules match a URI, the exact one wins, then the longest prefix,
 * then a wildcard.
 *
 * @param uri the URI or pattern
 * @param match how the pattern matches
 * @param actions the allowed actions
 * @param discloseCaller whether calls by this role are disclosed to callees
 * @param disclosePublisher whether publications by this role are disclosed to subscribers
 */
public record Permission(String uri, MatchPolicy match, Set<Action> actions, boolean discloseCaller,
		boolean disclosePublisher) {

	/**
	 * Check and copy.
	 * @param uri the URI or pattern
	 * @param match how the pattern matches
	 * @param actions the allowed actions
	 * @param discloseCaller whether calls by this role are disclosed to callees
	 * @param disclosePublisher whether publications by this role are disclosed to
	 * subscribers
	 */
	public Permission {
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(match, "match");
		actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
	}

	/**
	 * A rule for one URI.
	 * @param uri the URI
	 * @param actions the allowed actions
	 * @return the rule
	 */
	public static Permission exact(String uri, Action... actions) {
		return new Permission(uri, MatchPolicy.EXACT, Set.of(actions), false, false);
	}

	/**
	 * A rule for every URI that starts with a prefix ({@code ""} for all URIs).
	 * @param prefix the prefix
	 * @param actions the allowed actions
	 * @return the rule
	 */
	public static Permission prefix(String prefix, Action... actions) {
		return new Permission(prefix, MatchPolicy.PREFIX, Set.of(actions), false, false);
	}

	/**
	 * A rule for the URIs a wildcard pattern matches.
	 * @param pattern the pattern, such as {@code com.example..update}
	 * @param actions the allowed actions
	 * @return the rule
	 */
	public static Permission wildcard(String pattern, Action... actions) {
		return new Permission(pattern, MatchPolicy.WILDCARD, Set.of(actions), false, false);
	}

	/**
	 * A rule from a compact action string, as configuration files write it: {@code c}
	 * call, {@code r} register, {@code p} publish, {@code s} subscribe (Nexus's and
	 * Crossbar's letters), such as {@code "crps"}.
	 * @param uri the URI or pattern
	 * @param match how the pattern matches
	 * @param actions the action letters, in any order
	 * @return the rule
	 * @throws IllegalArgumentException for a letter that is not one of c, r, p, s
	 */
	public static Permission of(String uri, MatchPolicy match, String actions) {
		EnumSet<Action> set = EnumSet.noneOf(Action.class);
		for (char letter : actions.toCharArray()) {
			switch (letter) {
				case 'c' -> set.add(Action.CALL);
				case 'r' -> set.add(Action.REGISTER);
				case 'p' -> set.add(Action.PUBLISH);
				case 's' -> set.add(Action.SUBSCRIBE);
				default -> throw new IllegalArgumentException("unknown action '" + letter + "' in '" + actions
						+ "' for '" + uri + "': use c (call), r (register), p (publish), s (subscribe)");
			}
		}
		return new Permission(uri, match, set, false, false);
	}

	/**
	 * A copy of this rule with disclosure settings.
	 * @param caller whether calls are disclosed
	 * @param publisher whether publications are disclosed
	 * @return the new rule
	 */
	public Permission withDisclosure(boolean caller, boolean publisher) {
		return new Permission(this.uri, this.match, this.actions, caller, publisher);
	}

	/**
	 * Whether the rule allows an action.
	 * @param action the action
	 * @return true when allowed
	 */
	public boolean allows(Action action) {
		return this.actions.contains(action);
	}

}
