package io.wampspring.router.auth;

import java.util.Map;

import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.Role;
import org.jspecify.annotations.Nullable;

/**
 * Authorizes by the permission rules of the session's role. Among the rules whose pattern
 * (after {@code {authid}} and {@code {authrole}} substitution) matches the URI, the exact
 * one wins, then the longest prefix, then the first wildcard; an action that the winning
 * rule does not allow, or a URI no rule matches, is denied.
 */
public final class RoleBasedAuthorizer implements Authorizer {

	private final Map<String, Role> roles;

	/**
	 * Create an authorizer.
	 * @param roles the roles by name
	 */
	public RoleBasedAuthorizer(Map<String, Role> roles) {
		this.roles = Map.copyOf(roles);
	}

	@Override
	public Authorization authorize(SessionIdentity session, Action action, String uri) {
		Role role = this.roles.get(session.authrole());
		if (role == null) {
			return Authorization.DENY;
		}
		Permission best = null;
		int bestRank = -1;
		for (Permission permission : role.permissions()) {
			String pattern = substitute(permission.uri(), session);
			if (!permission.match().matches(pattern, uri)) {
				continue;
			}
			int rank = rank(permission.match(), pattern);
			if (rank > bestRank) {
				best = permission;
				bestRank = rank;
			}
		}
		return decide(best, action);
	}

	private static Authorization decide(@Nullable Permission permission, Action action) {
		if (permission == null || !permission.allows(action)) {
			return Authorization.DENY;
		}
		boolean disclose = (action == Action.CALL && permission.discloseCaller())
				|| (action == Action.PUBLISH && permission.disclosePublisher());
		return disclose ? Authorization.ALLOW_AND_DISCLOSE : Authorization.ALLOW;
	}

	private static int rank(MatchPolicy match, String pattern) {
		return switch (match) {
			case EXACT -> Integer.MAX_VALUE;
			case PREFIX -> 1 + pattern.length();
			case WILDCARD -> 0;
		};
	}

	static String substitute(String pattern, SessionIdentity session) {
		if (pattern.indexOf('{') < 0) {
			return pattern;
		}
		return pattern.replace("{authid}", session.authid()).replace("{authrole}", session.authrole());
	}

	@Override
	public boolean cacheable() {
		return true;
	}

}
