package io.wampspring.router.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A static user of a realm.
 *
 * @param authid the user's authid
 * @param role the role the user gets
 * @param secret the ticket (password), or null for a user without ticket authentication
 */
public record User(String authid, String role, @Nullable String secret) {

	/**
	 * Check the fields.
	 */
	public User {
		Objects.requireNonNull(authid, "authid");
		Objects.requireNonNull(role, "role");
	}

	@Override
	public String toString() {
		// Never print the secret.
		return "User[authid=" + this.authid + ", role=" + this.role + "]";
	}

}
