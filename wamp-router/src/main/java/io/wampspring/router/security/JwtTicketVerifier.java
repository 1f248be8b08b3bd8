package io.wampspring.router.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.TicketVerifier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A {@link TicketVerifier} for bearer tokens: the ticket is a JWT that a Spring Security
 * {@link ReactiveJwtDecoder} validates (signature, expiry and whatever validators the
 * decoder has, such as the issuer), the authid is its {@code sub} claim (or another
 * configured claim) and the role its {@code role} claim (or another configured claim; for
 * a list, the first entry). The decoder is the one Spring Boot's resource-server support
 * builds from {@code spring.security.oauth2.resourceserver.jwt.*}, or an application's
 * own, such as {@code NimbusReactiveJwtDecoder.withSecretKey(key).build()}.
 * <p>
 * The decoder runs on a scheduler off the event loop and within a deadline; an invalid,
 * tampered or expired token, a decoder failure or a timeout rejects the client with
 * {@code wamp.error.authentication_failed}. The token is never logged. Use it in a realm
 * through a {@code TicketAuthenticator}: <pre class="code">
 * RealmConfig.builder("realm1")
 *     .authenticator(TicketAuthenticator.of(JwtTicketVerifier.builder(decoder).roleClaim("wamp_role").build()))
 *     .build();
 * </pre>
 */
public final class JwtTicketVerifier implements TicketVerifier {

	/** The default claim of the authid. */
	public static final String DEFAULT_AUTHID_CLAIM = JwtClaimNames.SUB;

	/** The default claim of the role. */
	public static final String DEFAULT_ROLE_CLAIM = "role";

	private final ReactiveJwtDecoder decoder;

	private final String authidClaim;

	private final String roleClaim;

	private final @Nullable String defaultRole;

	private final DelegatedTicketCheck check;

	private JwtTicketVerifier(Builder builder) {
		this.decoder = builder.decoder;
		this.authidClaim = builder.authidClaim;
		this.roleClaim = builder.roleClaim;
		this.defaultRole = builder.defaultRole;
		this.check = new DelegatedTicketCheck(builder.timeout, builder.scheduler, builder.authprovider);
	}

	/**
	 * Start a verifier that validates tokens with a decoder.
	 * @param decoder the decoder
	 * @return a builder
	 */
	public static Builder builder(ReactiveJwtDecoder decoder) {
		return new Builder(decoder);
	}

	@Override
	public Mono<AuthDecision> verify(AuthRequest request, String ticket) {
		return this.check.run(request, ticket, (token) -> this.decoder.decode(token).map(this::identity));
	}

	private DelegatedTicketCheck.Identity identity(Jwt jwt) {
		String authid = claim(jwt, this.authidClaim);
		String role = claim(jwt, this.roleClaim);
		return new DelegatedTicketCheck.Identity((authid != null) ? authid : "",
				(role != null) ? role : this.defaultRole);
	}

	private static @Nullable String claim(Jwt jwt, String name) {
		Object value = jwt.getClaim(name);
		if (value instanceof List<?> list) {
			return list.isEmpty() ? null : String.valueOf(list.get(0));
		}
		return (value != null) ? String.valueOf(value) : null;
	}

	/**
	 * Builds a {@link JwtTicketVerifier}.
	 */
	public static final class Builder {

		private final ReactiveJwtDecoder decoder;

		private String authidClaim = DEFAULT_AUTHID_CLAIM;

		private String roleClaim = DEFAULT_ROLE_CLAIM;

		private @Nullable String defaultRole;

		private Duration timeout = DelegatedTicketCheck.DEFAULT_TIMEOUT;

		private Scheduler scheduler = DelegatedTicketCheck.defaultScheduler();

		private String authprovider = "jwt";

		Builder(ReactiveJwtDecoder decoder) {
			this.decoder = Objects.requireNonNull(decoder, "decoder");
		}

		/**
		 * The claim that holds the authid.
		 * @param claim {@code sub} by default
		 * @return this builder
		 */
		public Builder authidClaim(String claim) {
			this.authidClaim = Objects.requireNonNull(claim, "claim");
			return this;
		}

		/**
		 * The claim that holds the role; for a list, its first entry is the role.
		 * @param claim {@code role} by default
		 * @return this builder
		 */
		public Builder roleClaim(String claim) {
			this.roleClaim = Objects.requireNonNull(claim, "claim");
			return this;
		}

		/**
		 * The role of a token without the role claim.
		 * @param role the role, or null (the default) to reject such a token
		 * @return this builder
		 */
		public Builder defaultRole(@Nullable String role) {
			this.defaultRole = role;
			return this;
		}

		/**
		 * The deadline of one check (a decoder may fetch keys over the network).
		 * @param timeout positive, 5 seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Where the decoder is called.
		 * @param scheduler a scheduler off the event loop,
		 * {@code Schedulers.boundedElastic()} by default
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * The {@code authprovider} in WELCOME.
		 * @param authprovider {@code jwt} by default
		 * @return this builder
		 */
		public Builder authprovider(String authprovider) {
			this.authprovider = authprovider;
			return this;
		}

		/**
		 * Build the verifier.
		 * @return the verifier
		 * @throws IllegalArgumentException when the timeout is not positive
		 */
		public JwtTicketVerifier build() {
			return new JwtTicketVerifier(this);
		}

	}

}
