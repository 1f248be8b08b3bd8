package io.wampspring.router.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * HS256 tokens minted and checked with Spring Security's Nimbus encoder and decoder.
 */
final class TestTokens {

	private final SecretKey key;

	private final JwtEncoder encoder;

	TestTokens(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.encoder = NimbusJwtEncoder.withSecretKey(this.key).build();
	}

	ReactiveJwtDecoder decoder() {
		return NimbusReactiveJwtDecoder.withSecretKey(this.key).macAlgorithm(MacAlgorithm.HS256).build();
	}

	String token(String subject, Map<String, Object> claims, Duration lifetime) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder set = JwtClaimsSet.builder()
			.subject(subject)
			.issuedAt(now.minus(Duration.ofMinutes(10)))
			.expiresAt(now.plus(lifetime));
		claims.forEach(set::claim);
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
			.getTokenValue();
	}

	String token(String subject, String role) {
		return token(subject, Map.of("role", role), Duration.ofMinutes(5));
	}

	/** A token whose payload was changed after signing: the signature no longer fits. */
	static String tampered(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replace("\"frontend\"", "\"backend\"");
		return parts[0] + "."
				+ java.util.Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(forged.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
	}

}
