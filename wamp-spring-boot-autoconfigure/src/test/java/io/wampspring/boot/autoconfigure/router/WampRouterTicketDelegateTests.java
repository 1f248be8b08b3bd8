package io.wampspring.boot.autoconfigure.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code wamp.embedded-router.realms.*.ticket.*}: the embedded router hands the tickets
 * of a realm to the application's Spring Security bean; clients log in over a real
 * WebSocket.
 */
class WampRouterTicketDelegateTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final SecretKey KEY = new SecretKeySpec(
			"test-secret-test-secret-test-secret!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class))
		.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=0",
				"wamp.embedded-router.realms.realm1.roles.frontend.permissions[0].uri=com.example.",
				"wamp.embedded-router.realms.realm1.roles.frontend.permissions[0].match=prefix",
				"wamp.embedded-router.realms.realm1.roles.frontend.permissions[0].allow=cs",
				"wamp.embedded-router.realms.realm1.roles.backend.permissions[0].uri=com.example.",
				"wamp.embedded-router.realms.realm1.roles.backend.permissions[0].match=prefix",
				"wamp.embedded-router.realms.realm1.roles.backend.permissions[0].allow=crps",
				"wamp.embedded-router.realms.realm1.users.joe.role=frontend",
				"wamp.embedded-router.realms.realm1.users.joe.secret=joe-secret",
				"wamp.routers.local.auth.method=ticket", "wamp.routers.local.auth.authid=joe",
				"wamp.routers.local.auth.secret=joe-secret");

	private static String token(String subject, Map<String, Object> claims, Duration lifetime) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder set = JwtClaimsSet.builder()
			.subject(subject)
			.issuedAt(now.minus(Duration.ofMinutes(10)))
			.expiresAt(now.plus(lifetime));
		claims.forEach(set::claim);
		return NimbusJwtEncoder.withSecretKey(KEY)
			.build()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
			.getTokenValue();
	}

	private static ReactiveJwtDecoder decoder() {
		return NimbusReactiveJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
	}

	private static SessionInfo login(AssertableApplicationContext context, String authid, String ticket) {
		WampClient client = WampClient
			.create(ClientOptions.builder(context.getBean(WampRouter.class).webSocketUrl(), "realm1")
				.authid(authid)
				.authenticator(new TicketAuthenticator(ticket))
				.reconnect(ReconnectOptions.disabled())
				.build());
		try {
			return client.connect().block(TIMEOUT);
		}
		finally {
			client.close().onErrorResume((ex) -> reactor.core.publisher.Mono.empty()).block(TIMEOUT);
		}
	}

	private static void refused(AssertableApplicationContext context, String authid, String ticket) {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> login(context, authid, ticket))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
				assertThat(String.valueOf(ex.getMessage())).doesNotContain(ticket);
			});
	}

	@Test
	void jwtTicketsLogInWithTheirSubjectAndRole() {
		this.runner.withBean(ReactiveJwtDecoder.class, WampRouterTicketDelegateTests::decoder)
			.withPropertyValues("wamp.embedded-router.realms.realm1.ticket.delegate=jwt")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SessionInfo carol = login(context, "carol",
						token("carol", Map.of("role", "frontend"), Duration.ofMinutes(5)));
				assertThat(carol.authid()).isEqualTo("carol");
				assertThat(carol.authrole()).isEqualTo("frontend");
				assertThat(carol.authprovider()).isEqualTo("jwt");
				// the static user keeps its password
				assertThat(login(context, "joe", "joe-secret").authrole()).isEqualTo("frontend");
				refused(context, "carol", token("carol", Map.of("role", "frontend"), Duration.ofMinutes(-5)));
				// a role the realm does not have
				refused(context, "carol", token("carol", Map.of("role", "admin"), Duration.ofMinutes(5)));
				// a token of another authid
				refused(context, "dave", token("carol", Map.of("role", "frontend"), Duration.ofMinutes(5)));
			});
	}

	@Test
	void claimsAndDefaultRoleAreConfigurable() {
		this.runner.withBean(ReactiveJwtDecoder.class, WampRouterTicketDelegateTests::decoder)
			.withPropertyValues("wamp.embedded-router.realms.realm1.ticket.delegate=jwt",
					"wamp.embedded-router.realms.realm1.ticket.authid-claim=preferred_username",
					"wamp.embedded-router.realms.realm1.ticket.role-claim=wamp_role",
					"wamp.embedded-router.realms.realm1.ticket.default-role=frontend")
			.run((context) -> {
				SessionInfo dave = login(context, "dave", token("0f1e",
						Map.of("preferred_username", "dave", "wamp_role", "backend"), Duration.ofMinutes(5)));
				assertThat(dave.authrole()).isEqualTo("backend");
				SessionInfo eve = login(context, "eve",
						token("0f1f", Map.of("preferred_username", "eve"), Duration.ofMinutes(5)));
				assertThat(eve.authrole()).isEqualTo("frontend");
			});
	}

	@Test
	void authenticationManagerChecksPasswords() {
		ReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
				new MapReactiveUserDetailsService(
						User.withUsername("ann").password("{noop}ann-password").roles("backend").build()));
		this.runner.withBean(ReactiveAuthenticationManager.class, () -> manager)
			.withPropertyValues("wamp.embedded-router.realms.realm1.ticket.delegate=authentication-manager")
			.run((context) -> {
				SessionInfo ann = login(context, "ann", "ann-password");
				assertThat(ann.authrole()).isEqualTo("backend");
				assertThat(ann.authprovider()).isEqualTo("spring-security");
				refused(context, "ann", "guess");
			});
	}

	@Test
	void missingBeanFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("wamp.embedded-router.realms.realm1.ticket.delegate=jwt")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wamp.embedded-router.realms.realm1.ticket.delegate")
				.hasMessageContaining("ReactiveJwtDecoder"));
	}

}
