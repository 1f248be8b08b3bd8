package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Predicate;

import io.wampspring.core.WampUris;
import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code ticket} method: the router sends an empty CHALLENGE and checks the ticket
 * the client answers with, against static users or with an application's
 * {@link TicketVerifier}.
 */
public final class TicketAuthenticator implements Authenticator {

	private final TicketVerifier verifier;

	private final Predicate<AuthRequest> supports;

	private TicketAuthenticator(TicketVerifier verifier, Predicate<AuthRequest> supports) {
		this.verifier = verifier;
		this.supports = supports;
	}

	/**
	 * An authenticator that checks tickets against static users' secrets.
	 * @param users the users by authid
	 * @return the authenticator; it supports a HELLO whose authid is a user with a secret
	 */
	public static TicketAuthenticator forUsers(Map<String, User> users) {
		Map<String, User> copy = Map.copyOf(users);
		return new TicketAuthenticator((request, ticket) -> {
			User user = (request.authid() != null) ? copy.get(request.authid()) : null;
			if (user == null || user.secret() == null) {
				return Mono.just(new AuthDecision.Reject(WampUris.NO_SUCH_PRINCIPAL,
						"no user '" + request.authid() + "' with a ticket on realm '" + request.realm() + "'"));
			}
			if (!constantTimeEquals(user.secret(), ticket)) {
				return Mono.just(AuthDecision.reject("invalid ticket for authid '" + user.authid() + "'"));
			}
			return Mono.just(new AuthDecision.Accept(user.authid(), user.role(), "static", Map.of()));
		}, (request) -> {
			User user = (request.authid() != null) ? copy.get(request.authid()) : null;
			return user != null && user.secret() != null && user.salt() == null;
		});
	}

	/**
	 * An authenticator that hands every ticket to an application's verifier.
	 * @param verifier the verifier
	 * @return the authenticator; it supports every HELLO that offers {@code ticket}
	 */
	public static TicketAuthenticator of(TicketVerifier verifier) {
		return new TicketAuthenticator(verifier, (request) -> true);
	}

	/**
	 * An authenticator that hands the tickets of some HELLOs to an application's
	 * verifier, such as those whose authid is not a static user of the realm (whose
	 * passwords the realm checks itself).
	 * @param verifier the verifier
	 * @param supports which HELLOs the verifier checks; the others go to the realm's next
	 * {@code ticket} authenticator
	 * @return the authenticator
	 */
	public static TicketAuthenticator of(TicketVerifier verifier, Predicate<AuthRequest> supports) {
		return new TicketAuthenticator(verifier, supports);
	}

	@Override
	public String authMethod() {
		return "ticket";
	}

	@Override
	public boolean supports(AuthRequest request) {
		return this.supports.test(request);
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		return Mono.just(AuthDecision.challenge(Map.of(), null));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		return this.verifier.verify(request, signature)
			.defaultIfEmpty(AuthDecision.reject("ticket rejected for authid '" + request.authid() + "'"));
	}

	static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
