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
			// An application's own authorizer: visitors may only call under their role's
			// branch, and their calls are always disclosed.
			.authorizer((session, action,
					uri) -> (action == Action.CALL && uri.startsWith("app." + session.authrole() + "."))
							? io.wampspring.router.auth.Authorization.ALLOW_AND_DISCLOSE
							: (action == Action.REGISTER) ? io.wampspring.router.auth.Authorization.ALLOW
									: io.wampspring.router.auth.Authorization.DENY)
			.build())
		.realm(RealmConfig.builder("roles")
			.anonymous(true)
			.role("anonymous",
					Permission.prefix("rooms.{authrole}.", Action.CALL, Action.REGISTER).withDisclosure(true, false))
			.build())
		.realm(RealmConfig.builder("mixed").user("amy", "user", "amy-secret").anonymous(true).build())
		.realm(RealmConfig.builder("broken").authenticator(TicketAuthenticator.of((request, ticket) -> {
			throw new IllegalStateException("token store down");
		})).build())
		.realm(RealmConfig.builder("tokens")
			// An application's own check: a regex, then a lookup mapping the token to an
			// authid.
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

	@RegisterExtension
	static final RouterFixture precise = new RouterFixture(() -> WampRouter.builder()
		.realm(RealmConfig.builder("secure").user("joe", "user", "joe-secret").build())
		.preciseAuthenticationErrors(true)
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
		assertThat((String) abort.details().get("message")).doesNotContain("wrong-guess").doesNotContain("joe-secret");
		assertThat(peer.awaitClosed()).isTrue();
	}

	@Test
	void unknownAuthidGetsTheSameStepsAndAbortAsAWrongSecret() {
		Map<String, Long> before = fixture.router().authenticationFailures();
		// joinWithTicket answers the CHALLENGE: an unknown authid is challenged like a
		// known one
		Abort wrongSecret = (Abort) connect().joinWithTicket("secure", "joe", "wrong-guess");
		Abort unknown = (Abort) connect().joinWithTicket("secure", "nobody", "wrong-guess");
		assertThat(unknown.reason()).isEqualTo(wrongSecret.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(unknown.details()).isEqualTo(wrongSecret.details());
		// the router still knows, and counts, the true reasons
		Map<String, Long> after = fixture.router().authenticationFailures();
		assertThat(after.get("authentication_failed")).isEqualTo(before.getOrDefault("authentication_failed", 0L) + 1);
		assertThat(after.get("no_such_principal")).isEqualTo(before.getOrDefault("no_such_principal", 0L) + 1);
	}

	@Test
	void unknownAuthidDoesNotFallBackToAnonymous() {
		// a realm with anonymous access: an authid it does not know must not be told so
		// by a WELCOME
		TestPeer known = connect();
		known.send(TestPeer.hello("mixed", Map.of("authid", "amy", "authmethods", List.of("ticket", "anonymous"))));
		assertThat(known.expect(io.wampspring.core.message.Challenge.class).authMethod()).isEqualTo("ticket");
		TestPeer unknown = connect();
		unknown
			.send(TestPeer.hello("mixed", Map.of("authid", "nobody", "authmethods", List.of("ticket", "anonymous"))));
		assertThat(unknown.expect(io.wampspring.core.message.Challenge.class).authMethod()).isEqualTo("ticket");
		unknown.send(new io.wampspring.core.message.Authenticate("guess", Map.of()));
		assertThat(unknown.expectAbort().reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		TestPeer anonymous = connect();
		anonymous.send(TestPeer.hello("mixed", Map.of("authmethods", List.of("anonymous"))));
		assertThat(anonymous.expect(Welcome.class).details()).containsEntry("authrole", "anonymous");
	}

	@Test
	void everyRejectionIsLoggedOnceWithItsReasonAndNoSecret() {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("io.wampspring.router.realm.AuthenticationFailures");
		ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			connect().joinWithTicket("secure", "joe", "secret-guess-1");
			connect().joinWithTicket("secure", "nobody", "secret-guess-2");
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(5))
				.until(() -> appender.list.size() >= 2);
			assertThat(appender.list).hasSize(2);
			assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
				.anySatisfy((line) -> assertThat(line).contains("'joe'", "authentication_failed"))
				.anySatisfy((line) -> assertThat(line).contains("'nobody'", "no_such_principal"))
				.allSatisfy((line) -> assertThat(line).doesNotContain("secret-guess"));
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@Test
	void preciseErrorsTellTheTrueReasonForDevelopment() {
		TestPeer unknown = precise.connect();
		unknown.send(TestPeer.hello("secure", Map.of("authid", "nobody", "authmethods", List.of("ticket"))));
		Abort noSuchPrincipal = unknown.expectAbort();
		assertThat(noSuchPrincipal.reason()).isEqualTo(WampUris.NO_SUCH_PRINCIPAL);
		assertThat((String) noSuchPrincipal.details().get("message")).contains("nobody");
		Abort wrongSecret = (Abort) precise.connect().joinWithTicket("secure", "joe", "guess");
		assertThat(wrongSecret.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat((String) wrongSecret.details().get("message")).contains("joe").doesNotContain("guess");
	}

	@Test
	void missingMethod() {
		TestPeer anonymous = connect();
		anonymous.send(TestPeer.hello("secure", Map.of()));
		Abort abort = anonymous.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.NO_AUTH_METHOD);
		assertThat((String) abort.details().get("message")).contains("anonymous").contains("ticket");
	}

	@Test
	void clientOrderOfMethodsDecides() {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("secure",
				Map.of("authid", "joe", "authmethods", List.of("scram", "ticket", "wampcra"))));
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
		// the verifier's own reason goes to the log; the client reads the uniform message
		assertThat((String) abort.details().get("message")).doesNotContain("malformed");
	}

	@Test
	void failingAuthenticatorAbortsCleanly() {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("broken", Map.of("authmethods", List.of("ticket"))));
		peer.expect(io.wampspring.core.message.Challenge.class);
		peer.send(new io.wampspring.core.message.Authenticate("anything", Map.of()));
		Abort abort = peer.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat((String) abort.details().get("message")).doesNotContain("token store down");
		assertThat(fixture.router().authenticationFailures()).containsKey("error");
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
		// the Nexus-style services need the role's permission like any procedure
		joe.call("auth.whoami", Map.of());
		assertThat(joe.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
	}

}
