package io.wampspring.boot.autoconfigure.router;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.wampspring.boot.autoconfigure.WampConfigurationException;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.TicketVerifier;
import io.wampspring.router.security.AuthenticationManagerTicketVerifier;
import io.wampspring.router.security.JwtTicketVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.ClassUtils;

/**
 * The ticket authenticator of a realm whose tickets go to Spring Security
 * ({@code wamp.embedded-router.realms.<name>.ticket.*}): it checks the HELLOs whose
 * authid is not a static user with a secret (those keep their passwords), and refuses a
 * principal whose role the realm does not have. The Spring Security types are touched
 * only when a realm asks for them, so the router runs without Spring Security.
 */
final class RealmTicketDelegates {

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.ReactiveJwtDecoder";

	private static final String AUTHENTICATION_MANAGER = "org.springframework.security.authentication.ReactiveAuthenticationManager";

	private RealmTicketDelegates() {
	}

	static @Nullable TicketAuthenticator authenticator(String prefix, String realm,
			WampRouterProperties.Realm properties, @Nullable BeanFactory beans) {
		WampRouterProperties.Ticket ticket = properties.getTicket();
		if (ticket.getDelegate() == WampRouterProperties.TicketDelegate.NONE) {
			return null;
		}
		String property = prefix + "ticket.";
		Duration timeout = ticket.getTimeout();
		if (timeout.isNegative() || timeout.isZero()) {
			throw new WampConfigurationException(property + "timeout", "must be positive, got " + timeout,
					"Set a positive duration such as 5s, or leave the property out for its default");
		}
		TicketVerifier verifier = switch (ticket.getDelegate()) {
			case JWT -> {
				requireClass(property + "delegate", JWT_DECODER, "spring-security-oauth2-jose");
				yield Jwt.verifier(property, ticket, beans);
			}
			case AUTHENTICATION_MANAGER -> {
				requireClass(property + "delegate", AUTHENTICATION_MANAGER, "spring-security-core");
				yield Manager.verifier(property, ticket, beans);
			}
			case NONE -> throw new IllegalStateException("unreachable");
		};
		Set<String> staticUsers = properties.getUsers()
			.entrySet()
			.stream()
			.filter((user) -> user.getValue().getSecret() != null)
			.map(Map.Entry::getKey)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		TicketVerifier checked = knownRolesOnly(realm, properties.getRoles().keySet(), verifier);
		return TicketAuthenticator.of(checked,
				(AuthRequest request) -> request.authid() == null || !staticUsers.contains(request.authid()));
	}

	/** A role the realm does not have would be denied everything: refuse it at once. */
	private static TicketVerifier knownRolesOnly(String realm, Set<String> roles, TicketVerifier verifier) {
		if (roles.isEmpty()) {
			return verifier;
		}
		Set<String> known = Set.copyOf(roles);
		return (request, ticket) -> verifier.verify(request, ticket)
			.map((decision) -> (decision instanceof AuthDecision.Accept accept && !known.contains(accept.authrole()))
					? AuthDecision.reject("the ticket of authid '" + accept.authid() + "' carries role '"
							+ accept.authrole() + "', which realm '" + realm + "' does not have")
					: decision);
	}

	private static void requireClass(String property, String className, String artifact) {
		if (!ClassUtils.isPresent(className, RealmTicketDelegates.class.getClassLoader())) {
			throw new WampConfigurationException(property, className + " is not on the class path",
					"Add org.springframework.security:" + artifact + " to the application's dependencies");
		}
	}

	private static <T> T bean(String property, @Nullable BeanFactory beans, Class<T> type, String hint) {
		T bean = (beans != null) ? beans.getBeanProvider(type).getIfUnique() : null;
		if (bean == null) {
			throw new WampConfigurationException(property + "delegate",
					"there is no single " + type.getSimpleName() + " bean to check the tickets", hint);
		}
		return bean;
	}

	/** Loaded only for {@code delegate: jwt}. */
	private static final class Jwt {

		static TicketVerifier verifier(String property, WampRouterProperties.Ticket ticket,
				@Nullable BeanFactory beans) {
			ReactiveJwtDecoder decoder = bean(property, beans, ReactiveJwtDecoder.class,
					"Define a ReactiveJwtDecoder bean (such as NimbusReactiveJwtDecoder.withSecretKey(..).build()), "
							+ "or configure spring.security.oauth2.resourceserver.jwt.* with Spring Boot's "
							+ "resource-server support");
			return JwtTicketVerifier.builder(decoder)
				.authidClaim(ticket.getAuthidClaim())
				.roleClaim(ticket.getRoleClaim())
				.defaultRole(ticket.getDefaultRole())
				.timeout(ticket.getTimeout())
				.build();
		}

	}

	/** Loaded only for {@code delegate: authentication-manager}. */
	private static final class Manager {

		static TicketVerifier verifier(String property, WampRouterProperties.Ticket ticket,
				@Nullable BeanFactory beans) {
			ReactiveAuthenticationManager manager = bean(property, beans, ReactiveAuthenticationManager.class,
					"Define a ReactiveAuthenticationManager bean, such as a "
							+ "UserDetailsRepositoryReactiveAuthenticationManager");
			return AuthenticationManagerTicketVerifier.builder(manager)
				.defaultRole(ticket.getDefaultRole())
				.timeout(ticket.getTimeout())
				.build();
		}

	}

}
