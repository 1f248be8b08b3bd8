package io.wampspring.router.config;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A role of a realm: a name, its permission rules and the trust level of its calls and
 * publications. An action on a URI that no rule matches is denied.
 *
 * @param name the role name (a session's {@code authrole})
 * @param permissions the rules
 * @param trustlevel the trust level the router assigns to this role's calls and
 * publications and discloses to callees and subscribers ({@code trustlevel} in INVOCATION
 * and EVENT details; 0 is the lowest trust), or null to disclose none
 */
public record Role(String name, List<Permission> permissions, @Nullable Integer trustlevel) {

	/**
	 * Check and copy.
	 * @param name the role name (a session's {@code authrole})
	 * @param permissions the rules
	 * @param trustlevel the trust level the router assigns to this role's calls and
	 * publications, or null
	 */
	public Role {
		Objects.requireNonNull(name, "name");
		permissions = List.copyOf(permissions);
		if (trustlevel != null && trustlevel < 0) {
			throw new IllegalArgumentException(
					"the trust level of role '" + name + "' must be 0 or more, got " + trustlevel);
		}
	}

	/**
	 * A role without a trust level.
	 * @param name the role name
	 * @param permissions the rules
	 */
	public Role(String name, List<Permission> permissions) {
		this(name, permissions, null);
	}

	/**
	 * A copy of this role with a trust level.
	 * @param trustlevel the level (0 or more), or null for none
	 * @return the new role
	 */
	public Role withTrustlevel(@Nullable Integer trustlevel) {
		return new Role(this.name, this.permissions, trustlevel);
	}

	/**
	 * Create a role.
	 * @param name the role name
	 * @param permissions the rules
	 * @return the role
	 */
	public static Role of(String name, Permission... permissions) {
		return new Role(name, List.of(permissions));
	}

}
