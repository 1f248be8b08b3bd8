package io.wampspring.sample.security;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issues the bearer tokens the embedded router takes as tickets, for development:
 * {@code curl 'http://127.0.0.1:8080/api/token?user=carol&role=frontend'}. Anyone may
 * ask, so only the roles of {@code sample.jwt.roles} are issued.
 */
@RestController
@RequestMapping("/api")
public class TokenController {

	private final JwtEncoder encoder;

	private final SampleJwtProperties properties;

	/**
	 * Create the controller.
	 * @param encoder signs the tokens
	 * @param properties the token settings
	 */
	public TokenController(JwtEncoder encoder, SampleJwtProperties properties) {
		this.encoder = encoder;
		this.properties = properties;
	}

	/**
	 * Issue a token.
	 * @param user the authid (the {@code sub} claim)
	 * @param role the role (the {@code role} claim)
	 * @return the token, its type and when it expires
	 */
	@GetMapping("/token")
	public Mono<Map<String, Object>> token(@RequestParam String user, @RequestParam String role) {
		if (user.isBlank() || !user.matches("[A-Za-z0-9_.@-]{1,64}")) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"user must be 1 to 64 letters, digits or _.@-"));
		}
		if (!this.properties.getRoles().contains(role)) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"role must be one of " + this.properties.getRoles()));
		}
		Instant now = Instant.now();
		Instant expiresAt = now.plus(this.properties.getExpiry());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.getIssuer())
			.subject(user)
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim("role", role)
			.build();
		return Mono
			.fromCallable(() -> this.encoder
				.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
				.getTokenValue())
			.map((token) -> Map.of("token", token, "token_type", "Bearer", "expires_at", expiresAt.toString()));
	}

}
