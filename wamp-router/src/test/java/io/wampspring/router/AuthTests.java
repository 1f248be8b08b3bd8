package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication (anonymous, ticket with static users, an application's ticket verifier)
 * and role-based authorization with {@code {authid}} substitution.
 */
class AuthTests {

	private static final Pattern TOKEN = Pattern.compile("tok-([a-z]+)");

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
			.realm(RealmConfig.builder("secure")
				.user("joe", "user", "joe-secret")
				.user("ann", "user", "ann-secret")
				.role("user", Permission.prefix("com.example.", Action.CALL, Action.SUBSCRIBE, Action.REGISTER),
						Permission.prefix("conversations.", Action.SUBSCRIBE),
						Permission.prefix("conversations.private.{authid}.", Action.PUBLISH, Action.SUBSCRIBE),
						Permission.exact("com.example.forbidden"))
				.build())
			.realm(RealmConfig.builder("custom")
				.anonymous(true)
				.anonymousRole("visitor")
				// An application's own authorizer: visitors may only call under their role's branch,
				// and their calls are always disclosed.
				.authorizer((session, action, uri) -> (action == Action.CALL
						&& uri.startsWith("app." + session.authrole() + "."))
								? io.wampspring.router.auth.Authorization.ALLOW_AND_DISCLOSE
								: (action == Action.REGISTER) ? io.wampspring.router.auth.Authorization.ALLOW
										: io.wampspring.router.auth.Authorization.DENY)
				.build())
			.realm(RealmConfig.builder("roles")
				.anonymous(true)
				.role("anonymous",
						Permission.prefix("rooms.{authrole}.", Action.CALL, Action.REGISTER).withDisclosure(true, false))
				.build())
			.realm(RealmConfig.builder("broken")
				.authenticator(TicketAuthenticator.of((request, ticket) -> {
					throw new IllegalStateException("token store down");
				}))
				.build())
			.realm(RealmConfig.builder("tokens")
				// An application's own check: a regex, then a lookup mapping the token to an authid.
				.authenticator(TicketAuthenticator.of((request, ticket) -> {
					var matcher = TOKEN.matcher(ticket);
					if (!matcher.matches()) {
						return Mono.just(AuthDecision.reject("malformed token"));
					}
					return Mono.just(AuthDecision.accept(matcher.group(1), "member"));
				}))
				.build())
			.webSocket("127.0.0.1", 0, "/ws")
			.build()
			.start());

	private TestPeer connect() {
		return fixture.connect();
	}

	private TestPeer login(String authid) {
		TestPeer peer = connect();
		assertThat(peer.joinWithTicket("secure", authid, authid + "-secret")).isInstanceOf(Welcome.class);
		return peer;
	}

	@Test
	void ticketAccepted() {
		TestPeer peer = connect();
		Welcome welcome = (Welcome) peer.joinWithTicket("secure", "joe", "joe-secret");
		assertThat(welcome.details()).containsEntry("authid", "joe")
			.containsEntry("authrole", "user")
			.containsEntry("authmethod", "ticket");
	}

	@Test
	void badTicketAbortsWithoutEchoingTheSecret() {
		TestPeer peer = connect();
		Abort abort = (Abort) peer.joinWithTicket("secure", "joe", "wrong-guess");
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat((String) abort.details().get("message")).contains("joe").doesNotContain("wrong-guess")
			.doesNotContain("joe-secret");
		assertThat(peer.awaitClosed()).isTrue();
	}

	@Test
	void unknownPrincipalAndMissingMethod() {
		TestPeer unknown = connect();
		unknown.send(TestPeer.hello("secure", Map.of("authid", "nobody", "authmethods", List.of("ticket"))));
		assertThat(unknown.expectAbort().reason()).isEqualTo(WampUris.NO_SUCH_PRINCIPAL);
		TestPeer anonymous = connect();
		anonymous.send(TestPeer.hello("secure", Map.of()));
		Abort abort = anonymous.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.NO_AUTH_METHOD);
		assertThat((String) abort.details().get("message")).contains("anonymous").contains("ticket");
	}

	@Test
	void clientOrderOfMethodsDecides() {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("secure", Map.of("authid", "joe", "authmethods", List.of("scram", "ticket", "wampcra"))));
		assertThat(peer.expect(io.wampspring.core.message.Challenge.class).authMethod()).isEqualTo("ticket");
	}

	@Test
	void applicationTicketVerifier() {
		TestPeer good = connect();
		good.send(TestPeer.hello("tokens", Map.of("authmethods", List.of("ticket"))));
		good.expect(io.wampspring.core.message.Challenge.class);
		good.send(new io.wampspring.core.message.Authenticate("tok-carol", Map.of()));
		Welcome welcome = good.expect(Welcome.class);
		assertThat(welcome.details()).containsEntry("authid", "carol").containsEntry("authrole", "member");

		TestPeer bad = connect();
		bad.send(TestPeer.hello("tokens", Map.of("authmethods", List.of("ticket"))));
		bad.expect(io.wampspring.core.message.Challenge.class);
		bad.send(new io.wampspring.core.message.Authenticate("garbage", Map.of()));
		Abort abort = bad.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(abort.details()).containsEntry("message", "malformed token");
	}

	@Test
	void failingAuthenticatorAbortsCleanly() {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("broken", Map.of("authmethods", List.of("ticket"))));
		peer.expect(io.wampspring.core.message.Challenge.class);
		peer.send(new io.wampspring.core.message.Authenticate("anything", Map.of()));
		Abort abort = peer.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat((String) abort.details().get("message")).contains("token store down");
	}

	@Test
	void authorizationWithAuthidSubstitution() {
		TestPeer joe = login("joe");
		TestPeer ann = login("ann");
		ann.subscribe("conversations.private.joe.", Map.of("match", "prefix"));

		joe.publish("conversations.private.joe.inbox", Map.of("acknowledge", true), "mine");
		joe.expect(Published.class);
		assertThat(ann.expect(Event.class).args()).containsExactly("mine");

		joe.publish("conversations.private.ann.inbox", Map.of("acknowledge", true), "not mine");
		ErrorMessage denied = joe.expect(ErrorMessage.class);
		assertThat(denied.error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		assertThat((String) denied.args().get(0)).contains("conversations.private.ann.inbox");
	}

	@Test
	void customAuthorizerDecidesAndForcesDisclosure() {
		TestPeer callee = connect();
		callee.join("custom");
		TestPeer caller = connect();
		caller.join("custom");
		callee.register("app.visitor.echo", Map.of());
		callee.register("app.admin.echo", Map.of());
		caller.call("app.admin.echo", Map.of());
		assertThat(caller.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		caller.call("app.visitor.echo", Map.of());
		var invocation = callee.expect(io.wampspring.core.message.Invocation.class);
		assertThat(invocation.details()).containsEntry("caller", caller.sessionId())
			.containsEntry("caller_authrole", "visitor");
	}

	@Test
	void authroleSubstitutionAndRoleDisclosure() {
		TestPeer callee = connect();
		callee.join("roles");
		TestPeer caller = connect();
		caller.join("roles");
		callee.register("rooms.anonymous.lobby", Map.of());
		callee.send(new Register(9, Map.of(), "rooms.admin.lobby"));
		assertThat(callee.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		caller.call("rooms.anonymous.lobby", Map.of());
		var invocation = callee.expect(io.wampspring.core.message.Invocation.class);
		assertThat(invocation.details()).containsEntry("caller", caller.sessionId());
	}

	@Test
	void authorizationDeniesRegisterCallAndSubscribeOutsideRules() {
		TestPeer joe = login("joe");
		joe.send(new Register(1, Map.of(), "org.other.proc"));
		assertThat(joe.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		joe.send(new Register(2, Map.of(), "com.example.allowed"));
		joe.expect(Registered.class);
		joe.call("com.example.forbidden", Map.of());
		assertThat(joe.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		joe.send(new Subscribe(3, Map.of(), "org.other.topic"));
		assertThat(joe.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		// Nexus-style services answer every joined session.
		joe.call("auth.whoami", Map.of());
		assertThat(joe.expect(io.wampspring.core.message.Result.class).args().get(0))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("authid", "joe");
	}

}
