package io.wampspring.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import io.wampspring.boot.test.autoconfigure.AutoConfigureWampTestClient;
import io.wampspring.boot.test.client.WampTestClient;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Bearer tokens as tickets: {@code GET /api/token} issues a JWT, carol joins the embedded
 * router with it over WebSocket and {@code com.example.whoami} answers carol/frontend; a
 * tampered or expired token is refused with {@code wamp.error.authentication_failed}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureWampTestClient
class SampleTokenTests {

	@DynamicPropertySource
	static void routerPort(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WebTestClient http;

	@Autowired
	private WampTestClient wamp;

	@Autowired
	private JwtEncoder encoder;

	private String issue(String user, String role) {
		Map<String, Object> body = this.http.get()
			.uri("/api/token?user={user}&role={role}", user, role)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("token_type", "Bearer").containsKey("expires_at");
		return (String) body.get("token");
	}

	private WampTestClient as(String authid, String token) {
		return this.wamp.mutate().authid(authid).ticket(token).build();
	}

	@Test
	void carolLogsInWithHerToken() {
		WampTestClient carol = as("carol", issue("carol", "frontend"));
		carol.call("com.example.whoami")
			.exchange()
			.expectResult()
			.arg(0)
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("authid", "carol")
			.containsEntry("authrole", "frontend");
		assertThat(carol.session().sessionInfo().authprovider()).isEqualTo("jwt");
	}

	@Test
	void tamperedTokenIsRefused() {
		String token = issue("carol", "frontend");
		String[] parts = token.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = parts[0] + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(claims.replace("\"frontend\"", "\"backend\"").getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		assertRefused(as("carol", forged), forged);
	}

	@Test
	void expiredTokenIsRefused() {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("wamp-sample")
			.subject("carol")
			.issuedAt(past.minus(Duration.ofMinutes(15)))
			.expiresAt(past)
			.claim("role", "frontend")
			.build();
		String expired = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		assertRefused(as("carol", expired), expired);
	}

	@Test
	void onlyTheConfiguredRolesAreIssued() {
		this.http.get().uri("/api/token?user=mallory&role=backend").exchange().expectStatus().isBadRequest();
	}

	private static void assertRefused(WampTestClient client, String token) {
		assertThatIllegalStateException().isThrownBy(client::session)
			.withMessageNotContaining(token)
			.havingCause()
			.isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED));
	}

}
