package io.wampspring.router.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.core.WampUris;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT and authentication-manager ticket checks on their own: what they accept, and
 * that every failure is a rejection without the ticket, within the deadline, off the
 * calling thread.
 */
class DelegatedTicketVerifierTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final TestTokens tokens = new TestTokens("0123456789abcdef0123456789abcdef-test");

	private static AuthRequest hello(@Nullable String authid) {
		return new AuthRequest("realm1", 1L, authid, List.of("ticket"), Map.of(), Map.of(), "websocket");
	}

	private static AuthDecision verify(io.wampspring.router.auth.TicketVerifier verifier, @Nullable String authid,
			String ticket) {
		return verifier.verify(hello(authid), ticket).block(WAIT);
	}

	private static AuthDecision.Reject rejected(AuthDecision decision, String ticket) {
		assertThat(decision).isInstanceOf(AuthDecision.Reject.class);
		AuthDecision.Reject reject = (AuthDecision.Reject) decision;
		assertThat(reject.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(reject.message()).doesNotContain(ticket);
		return reject;
	}

	@Test
	void jwtSubjectAndRoleClaimBecomeAuthidAndRole() {
		JwtTicketVerifier verifier = JwtTicketVerifier.builder(this.tokens.decoder()).build();
		AuthDecision decision = verify(verifier, "carol", this.tokens.token("carol", "frontend"));
		assertThat(decision).isEqualTo(new AuthDecision.Accept("carol", "frontend", "jwt", Map.of()));
		// a HELLO without authid takes the token's
		assertThat(verify(verifier, null, this.tokens.token("carol", "frontend")))
			.isInstanceOf(AuthDecision.Accept.class);
	}

	@Test
	void jwtClaimsAreConfigurable() {
		JwtTicketVerifier verifier = JwtTicketVerifier.builder(this.tokens.decoder())
			.authidClaim("preferred_username")
			.roleClaim("roles")
			.authprovider("idp")
			.build();
		String token = this.tokens.token("f81d4fae",
				Map.of("preferred_username", "dave", "roles", List.of("backend", "ops")), Duration.ofMinutes(5));
		assertThat(verify(verifier, null, token))
			.isEqualTo(new AuthDecision.Accept("dave", "backend", "idp", Map.of()));
	}

	@Test
	void jwtWithoutRoleNeedsADefaultRole() {
		String token = this.tokens.token("carol", Map.of(), Duration.ofMinutes(5));
		assertThat(rejected(verify(JwtTicketVerifier.builder(this.tokens.decoder()).build(), "carol", token), token)
			.message()).contains("no role");
		assertThat(
				verify(JwtTicketVerifier.builder(this.tokens.decoder()).defaultRole("guest").build(), "carol", token))
			.isEqualTo(new AuthDecision.Accept("carol", "guest", "jwt", Map.of()));
	}

	@Test
	void tamperedExpiredForeignAndMalformedTokensAreRejected() {
		JwtTicketVerifier verifier = JwtTicketVerifier.builder(this.tokens.decoder()).build();
		String tampered = TestTokens.tampered(this.tokens.token("carol", "frontend"));
		assertThat(rejected(verify(verifier, "carol", tampered), tampered).message()).contains("signature");
		String expired = this.tokens.token("carol", Map.of("role", "frontend"), Duration.ofMinutes(-5));
		assertThat(rejected(verify(verifier, "carol", expired), expired).message()).contains("expired");
		String foreign = new TestTokens("another-secret-another-secret-another").token("carol", "frontend");
		rejected(verify(verifier, "carol", foreign), foreign);
		rejected(verify(verifier, "carol", "not-a-jwt"), "not-a-jwt");
	}

	@Test
	void tokenOfAnotherAuthidIsRejected() {
		String token = this.tokens.token("carol", "frontend");
		AuthDecision decision = verify(JwtTicketVerifier.builder(this.tokens.decoder()).build(), "john.doe", token);
		assertThat(rejected(decision, token).message()).contains("'carol'").contains("'john.doe'");
	}

	@Test
	void silentDecoderIsRejectedAtTheDeadline() {
		JwtTicketVerifier verifier = JwtTicketVerifier.builder((token) -> Mono.never())
			.timeout(Duration.ofMillis(200))
			.build();
		long start = System.nanoTime();
		AuthDecision decision = verify(verifier, "carol", "some-token");
		assertThat(rejected(decision, "some-token").message()).contains("no answer within 200 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
	}

	@Test
	void managerChecksAuthidAndTicketOffTheCallingThread() {
		AtomicReference<String> thread = new AtomicReference<>();
		ReactiveAuthenticationManager manager = (authentication) -> {
			thread.set(Thread.currentThread().getName());
			if (!"s3cret".equals(authentication.getCredentials())) {
				return Mono.error(new BadCredentialsException("bad password " + authentication.getCredentials()));
			}
			return Mono.just(UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
					AuthorityUtils.createAuthorityList("SCOPE_x", "ROLE_backend")));
		};
		AuthenticationManagerTicketVerifier verifier = AuthenticationManagerTicketVerifier.builder(manager).build();
		assertThat(verify(verifier, "john.doe", "s3cret"))
			.isEqualTo(new AuthDecision.Accept("john.doe", "backend", "spring-security", Map.of()));
		assertThat(thread.get()).startsWith("boundedElastic").isNotEqualTo(Thread.currentThread().getName());
		// the manager's message quotes the password: the rejection does not
		assertThat(rejected(verify(verifier, "john.doe", "guess-42"), "guess-42").message())
			.contains("BadCredentialsException")
			.contains("[ticket]");
	}

	@Test
	void managerAnswersWithoutIdentityAreRejected() {
		ReactiveAuthenticationManager empty = (authentication) -> Mono.empty();
		rejected(verify(AuthenticationManagerTicketVerifier.builder(empty).build(), "john.doe", "s3cret"), "s3cret");
		ReactiveAuthenticationManager unauthenticated = Mono::just;
		rejected(verify(AuthenticationManagerTicketVerifier.builder(unauthenticated).build(), "john.doe", "s3cret"),
				"s3cret");
		ReactiveAuthenticationManager noRole = (authentication) -> Mono
			.just(UsernamePasswordAuthenticationToken.authenticated("john.doe", null, List.of()));
		rejected(verify(AuthenticationManagerTicketVerifier.builder(noRole).build(), "john.doe", "s3cret"), "s3cret");
		assertThat(verify(AuthenticationManagerTicketVerifier.builder(noRole).defaultRole("user").build(), "john.doe",
				"s3cret"))
			.isInstanceOf(AuthDecision.Accept.class);
		// no authid in HELLO: nothing to check a password against
		rejected(verify(AuthenticationManagerTicketVerifier.builder(noRole).build(), null, "s3cret"), "s3cret");
	}

	@Test
	void managerThatThrowsOrBlocksIsConfined() {
		ReactiveAuthenticationManager throwing = (authentication) -> {
			throw new IllegalStateException("user store down");
		};
		assertThat(
				rejected(verify(AuthenticationManagerTicketVerifier.builder(throwing).build(), "john.doe", "pw"), "pw")
					.message())
			.contains("user store down");
		ReactiveAuthenticationManager blocking = (authentication) -> {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Mono.empty();
		};
		AuthenticationManagerTicketVerifier verifier = AuthenticationManagerTicketVerifier.builder(blocking)
			.timeout(Duration.ofMillis(200))
			.build();
		long start = System.nanoTime();
		rejected(verify(verifier, "john.doe", "pw"), "pw");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void timeoutMustBePositive() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> JwtTicketVerifier.builder(this.tokens.decoder()).timeout(Duration.ZERO).build())
			.withMessageContaining("timeout must be positive");
	}

}
