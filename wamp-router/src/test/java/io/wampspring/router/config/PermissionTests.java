package io.wampspring.router.config;

import java.util.Map;

import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.RoleBasedAuthorizer;
import io.wampspring.router.auth.SessionIdentity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Permission rules and their precedence in the role-based authorizer.
 */
class PermissionTests {

	private static final SessionIdentity JOE = new SessionIdentity("r", 1, "joe", "user", "ticket", "static",
			"websocket", Map.of());

	@Test
	void parsesActionLetters() {
		Permission permission = Permission.of("com.example.", MatchPolicy.PREFIX, "crps");
		assertThat(permission.actions()).containsExactlyInAnyOrder(Action.CALL, Action.REGISTER, Action.PUBLISH,
				Action.SUBSCRIBE);
		// retention is not a letter: it is the rule's retain flag, and needs publish
		assertThat(permission.allows(Action.RETAIN)).isFalse();
		assertThat(permission.withRetain(true).allows(Action.RETAIN)).isTrue();
		assertThat(Permission.of("x", MatchPolicy.EXACT, "s").withRetain(true).allows(Action.RETAIN)).isFalse();
		assertThat(Permission.of("x", MatchPolicy.EXACT, "s").actions()).containsExactly(Action.SUBSCRIBE);
		assertThatIllegalArgumentException().isThrownBy(() -> Permission.of("x", MatchPolicy.EXACT, "cx"))
			.withMessageContaining("'x'");
	}

	@Test
	void exactBeatsLongestPrefixBeatsWildcard() {
		RoleBasedAuthorizer authorizer = new RoleBasedAuthorizer(Map.of("user",
				Role.of("user", Permission.wildcard("com..secret", Action.CALL), Permission.prefix("com.", Action.CALL),
						Permission.prefix("com.example.", Action.SUBSCRIBE),
						Permission.exact("com.example.open", Action.CALL))));
		assertThat(authorizer.authorize(JOE, Action.CALL, "com.example.open")).isEqualTo(Authorization.ALLOW);
		// The longer prefix wins and does not allow calls.
		assertThat(authorizer.authorize(JOE, Action.CALL, "com.example.other")).isEqualTo(Authorization.DENY);
		assertThat(authorizer.authorize(JOE, Action.CALL, "com.other.secret")).isEqualTo(Authorization.ALLOW);
		assertThat(authorizer.authorize(JOE, Action.CALL, "org.example")).isEqualTo(Authorization.DENY);
	}

	@Test
	void substitutesAuthidAndAuthrole() {
		RoleBasedAuthorizer authorizer = new RoleBasedAuthorizer(
				Map.of("user", Role.of("user", Permission.prefix("private.{authid}.", Action.PUBLISH),
						Permission.exact("rooms.{authrole}", Action.SUBSCRIBE).withDisclosure(false, true))));
		assertThat(authorizer.authorize(JOE, Action.PUBLISH, "private.joe.x").allowed()).isTrue();
		assertThat(authorizer.authorize(JOE, Action.PUBLISH, "private.ann.x").allowed()).isFalse();
		assertThat(authorizer.authorize(JOE, Action.SUBSCRIBE, "rooms.user").allowed()).isTrue();
		assertThat(authorizer.authorize(JOE, Action.SUBSCRIBE, "rooms.admin").allowed()).isFalse();
	}

	@Test
	void unknownRoleIsDenied() {
		RoleBasedAuthorizer authorizer = new RoleBasedAuthorizer(Map.of());
		assertThat(authorizer.authorize(JOE, Action.CALL, "anything")).isEqualTo(Authorization.DENY);
	}

	@Test
	void userToStringHidesSecret() {
		assertThat(new User("joe", "user", "s3cret")).hasToString("User[authid=joe, role=user]");
	}

}
