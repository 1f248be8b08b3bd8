package io.wampspring.router.config;

import java.util.List;
import java.util.Objects;

/**
 * A role of a realm: a name and its permission rules. An action on a URI that no rule
 * matches is denied.
 *
 * @param name the role name (a session's {@code authrole})
 * @param permissions the rules
 */
public record Role(String name, List<Permission> permissions) {

	/**
	 * Check and copy.
	 * @param name the role name (a session's {@code authrole})
	 * @param permissions the rules
	 */
	public Role {
		Objects.requireNonNull(name, "name");
		permissions = List.copyOf(permissions);
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
