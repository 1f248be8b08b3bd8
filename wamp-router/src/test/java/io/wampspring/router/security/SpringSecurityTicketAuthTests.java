package io.wampspring.router.security;

import java.time.Duration;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins over a real WebSocket with JWTs as tickets, checked by Spring Security's
 * decoder, next to a static user of the same realm.
 */
class SpringSecurityTicketAuthTests {

	private static final TestTokens tokens = new TestTokens("0123456789abcdef0123456789abcdef-sock");

	private static RealmConfig realm() {
		// tokens for every authid but the static user's, whose password the realm checks
		return RealmConfig.builder("secure")
			.user("john.doe", "backend", "john-secret")
			.authenticator(TicketAuthenticator.of(JwtTicketVerifier.builder(tokens.decoder()).build(),
					(AuthRequest request) -> !"john.doe".equals(request.authid())))
			.build();
	}

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(
			() -> WampRouter.builder().realm(realm()).webSocket("127.0.0.1", 0, "/ws").build().start());

	@RegisterExtension
	static final RouterFixture precise = new RouterFixture(() -> WampRouter.builder()
		.realm(realm())
		.preciseAuthenticationErrors(true)
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	@Test
	void tokenLogsInWithItsSubjectAndRole() {
		Welcome welcome = (Welcome) fixture.connect()
			.joinWithTicket("secure", "carol", tokens.token("carol", "frontend"));
		assertThat(welcome.details()).containsEntry("authid", "carol")
			.containsEntry("authrole", "frontend")
			.containsEntry("authmethod", "ticket")
			.containsEntry("authprovider", "jwt");
	}

	@Test
	void staticUserKeepsItsPassword() {
		Welcome welcome = (Welcome) fixture.connect().joinWithTicket("secure", "john.doe", "john-secret");
		assertThat(welcome.details()).containsEntry("authid", "john.doe").containsEntry("authrole", "backend");
	}

	@Test
	void tamperedAndExpiredTokensAbortWithoutSayingWhy() {
		Map<String, Long> before = fixture.router().authenticationFailures();
		String tampered = TestTokens.tampered(tokens.token("carol", "frontend"));
		String expired = tokens.token("carol", Map.of("role", "frontend"), Duration.ofMinutes(-5));
		TestPeer first = fixture.connect();
		Abort forged = (Abort) first.joinWithTicket("secure", "carol", tampered);
		Abort old = (Abort) fixture.connect().joinWithTicket("secure", "carol", expired);
		Abort wrongPassword = (Abort) fixture.connect().joinWithTicket("secure", "john.doe", "guess");
		assertThat(forged.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		// the client cannot tell a forged token from an expired one or a wrong password
		assertThat(forged.details()).isEqualTo(old.details()).isEqualTo(wrongPassword.details());
		assertThat(String.valueOf(forged.details().get("message"))).doesNotContain(tampered)
			.doesNotContain("signature");
		assertThat(first.awaitClosed()).isTrue();
		Map<String, Long> after = fixture.router().authenticationFailures();
		assertThat(after.get("authentication_failed")).isEqualTo(before.getOrDefault("authentication_failed", 0L) + 3);
	}

	@Test
	void preciseRouterSaysWhy() {
		String expired = tokens.token("carol", Map.of("role", "frontend"), Duration.ofMinutes(-5));
		Abort abort = (Abort) precise.connect().joinWithTicket("secure", "carol", expired);
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(String.valueOf(abort.details().get("message"))).contains("expired").doesNotContain(expired);
	}

}
