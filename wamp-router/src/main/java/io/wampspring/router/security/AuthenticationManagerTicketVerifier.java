package io.wampspring.router.security;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.TicketVerifier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A {@link TicketVerifier} that asks a Spring Security
 * {@link ReactiveAuthenticationManager}: the HELLO's authid and the ticket become an
 * {@link Authentication} (by default a {@link UsernamePasswordAuthenticationToken}, so
 * any user-details based manager works), the authenticated
 * {@link Authentication#getName() name} becomes the authid, and the first {@code ROLE_}
 * authority (without the prefix) the role.
 * <p>
 * The manager runs on a scheduler off the event loop and within a deadline; an
 * {@code AuthenticationException}, any other error, an empty answer, an unauthenticated
 * result or a timeout rejects the client with {@code wamp.error.authentication_failed}.
 * The ticket is never logged. Use it in a realm through a {@code TicketAuthenticator}:
 * <pre class="code">
 * RealmConfig.builder("realm1")
 *     .authenticator(TicketAuthenticator.of(AuthenticationManagerTicketVerifier.builder(manager).build()))
 *     .build();
 * </pre>
 */
public final class AuthenticationManagerTicketVerifier implements TicketVerifier {

	/** The prefix Spring Security puts before role names. */
	private static final String ROLE_PREFIX = "ROLE_";

	private final ReactiveAuthenticationManager manager;

	private final BiFunction<AuthRequest, String, @Nullable Authentication> authenticationConverter;

	private final Function<Authentication, @Nullable String> roleResolver;

	private final @Nullable String defaultRole;

	private final DelegatedTicketCheck check;

	private AuthenticationManagerTicketVerifier(Builder builder) {
		this.manager = builder.manager;
		this.authenticationConverter = builder.authenticationConverter;
		this.roleResolver = builder.roleResolver;
		this.defaultRole = builder.defaultRole;
		this.check = new DelegatedTicketCheck(builder.timeout, builder.scheduler, builder.authprovider);
	}

	/**
	 * Start a verifier that asks a manager.
	 * @param manager the manager
	 * @return a builder
	 */
	public static Builder builder(ReactiveAuthenticationManager manager) {
		return new Builder(manager);
	}

	@Override
	public Mono<AuthDecision> verify(AuthRequest request, String ticket) {
		return this.check.run(request, ticket, (secret) -> {
			Authentication attempt = this.authenticationConverter.apply(request, secret);
			if (attempt == null) {
				return Mono.empty();
			}
			return this.manager.authenticate(attempt)
				.filter(Authentication::isAuthenticated)
				.map((result) -> new DelegatedTicketCheck.Identity(result.getName(), role(result)));
		});
	}

	private @Nullable String role(Authentication authentication) {
		String role = this.roleResolver.apply(authentication);
		return (role != null) ? role : this.defaultRole;
	}

	/**
	 * The default role resolver: the first authority that starts with {@code ROLE_},
	 * without that prefix.
	 * @param authentication an authenticated principal
	 * @return the role, or null when it has no role authority
	 */
	static @Nullable String firstRole(Authentication authentication) {
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith(ROLE_PREFIX) && name.length() > ROLE_PREFIX.length()) {
				return name.substring(ROLE_PREFIX.length());
			}
		}
		return null;
	}

	/**
	 * Builds an {@link AuthenticationManagerTicketVerifier}.
	 */
	public static final class Builder {

		private final ReactiveAuthenticationManager manager;

		private BiFunction<AuthRequest, String, @Nullable Authentication> authenticationConverter = (request,
				ticket) -> (request.authid() != null)
						? UsernamePasswordAuthenticationToken.unauthenticated(request.authid(), ticket) : null;

		private Function<Authentication, @Nullable String> roleResolver = AuthenticationManagerTicketVerifier::firstRole;

		private @Nullable String defaultRole;

		private Duration timeout = DelegatedTicketCheck.DEFAULT_TIMEOUT;

		private Scheduler scheduler = DelegatedTicketCheck.defaultScheduler();

		private String authprovider = "spring-security";

		Builder(ReactiveAuthenticationManager manager) {
			this.manager = Objects.requireNonNull(manager, "manager");
		}

		/**
		 * How the HELLO and the ticket become the {@link Authentication} the manager
		 * checks.
		 * @param converter returns the authentication to check, or null to reject; by
		 * default an unauthenticated {@link UsernamePasswordAuthenticationToken} of the
		 * HELLO's authid and the ticket (null when the HELLO has no authid)
		 * @return this builder
		 */
		public Builder authenticationConverter(BiFunction<AuthRequest, String, @Nullable Authentication> converter) {
			this.authenticationConverter = Objects.requireNonNull(converter, "converter");
			return this;
		}

		/**
		 * How an authenticated principal's role is found.
		 * @param resolver returns the role or null; by default the first {@code ROLE_}
		 * authority without its prefix
		 * @return this builder
		 */
		public Builder roleResolver(Function<Authentication, @Nullable String> resolver) {
			this.roleResolver = Objects.requireNonNull(resolver, "resolver");
			return this;
		}

		/**
		 * The role of a principal the resolver finds none for.
		 * @param role the role, or null (the default) to reject such a principal
		 * @return this builder
		 */
		public Builder defaultRole(@Nullable String role) {
			this.defaultRole = role;
			return this;
		}

		/**
		 * The deadline of one check.
		 * @param timeout positive, 5 seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Where the manager is called.
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
		 * @param authprovider {@code spring-security} by default
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
		public AuthenticationManagerTicketVerifier build() {
			return new AuthenticationManagerTicketVerifier(this);
		}

	}

}
