package io.wampspring.router.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one realm: who may join (anonymous access, static users, custom
 * authenticators) and what they may do (roles, or a custom authorizer). Build one with
 * {@link #builder(String)}.
 * <p>
 * A realm without roles and without an authorizer allows every action to every session;
 * once roles are configured, an action that no rule of the session's role allows is
 * denied.
 *
 * @param name the realm name
 * @param anonymous whether the {@code anonymous} method is enabled
 * @param anonymousRole the role of anonymous sessions
 * @param users static users by authid (ticket method)
 * @param roles roles by name
 * @param authenticators further authentication methods, tried before the built-in ones of
 * the same name
 * @param authorizer a custom authorizer, or null for the role-based one
 * @param allowDiscloseMe whether callers and publishers may ask to be disclosed
 */
public record RealmConfig(String name, boolean anonymous, String anonymousRole, Map<String, User> users,
		Map<String, Role> roles, List<Authenticator> authenticators, @Nullable Authorizer authorizer,
		boolean allowDiscloseMe) {

	/**
	 * Check and copy.
	 * @param name the realm name
	 * @param anonymous whether the {@code anonymous} method is enabled
	 * @param anonymousRole the role of anonymous sessions
	 * @param users static users by authid (ticket method)
	 * @param roles roles by name
	 * @param authenticators further authentication methods, tried before the built-in
	 * ones of the same name
	 * @param authorizer a custom authorizer, or null for the role-based one
	 * @param allowDiscloseMe whether callers and publishers may ask to be disclosed
	 */
	public RealmConfig {
		Objects.requireNonNull(name, "name");
		users = Map.copyOf(users);
		roles = Map.copyOf(roles);
		authenticators = List.copyOf(authenticators);
	}

	/**
	 * An open realm: anonymous access, everything allowed.
	 * @param name the realm name
	 * @return the configuration
	 */
	public static RealmConfig open(String name) {
		return builder(name).build();
	}

	/**
	 * Start a realm configuration.
	 * @param name the realm name
	 * @return a builder; anonymous access is on until users or authenticators are added
	 * and {@link Builder#anonymous(boolean)} is not called
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Builds a {@link RealmConfig}.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable Boolean anonymous;

		private String anonymousRole = "anonymous";

		private final Map<String, User> users = new LinkedHashMap<>();

		private final Map<String, Role> roles = new LinkedHashMap<>();

		private final List<Authenticator> authenticators = new ArrayList<>();

		private @Nullable Authorizer authorizer;

		private boolean allowDiscloseMe = true;

		Builder(String name) {
			this.name = name;
		}

		/**
		 * Whether anonymous sessions may join. Defaults to true when the realm has no
		 * users and no authenticators, false otherwise.
		 * @param anonymous whether anonymous access is enabled
		 * @return this builder
		 */
		public Builder anonymous(boolean anonymous) {
			this.anonymous = anonymous;
			return this;
		}

		/**
		 * The role of anonymous sessions.
		 * @param role the role, {@code anonymous} by default
		 * @return this builder
		 */
		public Builder anonymousRole(String role) {
			this.anonymousRole = role;
			return this;
		}

		/**
		 * Add a static user with a ticket secret.
		 * @param authid the authid
		 * @param role the role
		 * @param secret the ticket
		 * @return this builder
		 */
		public Builder user(String authid, String role, @Nullable String secret) {
			return user(new User(authid, role, secret));
		}

		/**
		 * Add a static user.
		 * @param user the user
		 * @return this builder
		 */
		public Builder user(User user) {
			this.users.put(user.authid(), user);
			return this;
		}

		/**
		 * Add a role.
		 * @param role the role
		 * @return this builder
		 */
		public Builder role(Role role) {
			this.roles.put(role.name(), role);
			return this;
		}

		/**
		 * Add a role from its rules.
		 * @param name the role name
		 * @param permissions the rules
		 * @return this builder
		 */
		public Builder role(String name, Permission... permissions) {
			return role(Role.of(name, permissions));
		}

		/**
		 * Add an authentication method.
		 * @param authenticator the authenticator
		 * @return this builder
		 */
		public Builder authenticator(Authenticator authenticator) {
			this.authenticators.add(authenticator);
			return this;
		}

		/**
		 * Use a custom authorizer instead of the roles.
		 * @param authorizer the authorizer
		 * @return this builder
		 */
		public Builder authorizer(Authorizer authorizer) {
			this.authorizer = authorizer;
			return this;
		}

		/**
		 * Whether callers and publishers may ask to be disclosed ({@code disclose_me}).
		 * @param allow true by default
		 * @return this builder
		 */
		public Builder allowDiscloseMe(boolean allow) {
			this.allowDiscloseMe = allow;
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 */
		public RealmConfig build() {
			boolean anon = (this.anonymous != null) ? this.anonymous
					: this.users.isEmpty() && this.authenticators.isEmpty();
			return new RealmConfig(this.name, anon, this.anonymousRole, this.users, this.roles, this.authenticators,
					this.authorizer, this.allowDiscloseMe);
		}

	}

}
