package io.wampspring.router.auth;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One authentication method of a realm (anonymous, ticket, wampcra, cryptosign, SCRAM, or
 * an application's own check). The router picks, from the methods the client offers in
 * HELLO in the client's order, the first one that the realm has and whose authenticator
 * {@link #supports supports} the request; it then calls {@link #begin}, and, for each
 * CHALLENGE it answered with, {@link #authenticate} with the client's AUTHENTICATE.
 * <p>
 * Both steps return a {@link Mono}, so an authenticator may look a token up over the
 * network; it must not block the calling thread. An error signal rejects the client with
 * {@code wamp.error.authentication_failed}.
 */
public interface Authenticator {

	/**
	 * The method's name in HELLO's {@code authmethods}.
	 * @return such as {@code ticket}
	 */
	String authMethod();

	/**
	 * Whether this authenticator can handle a request (for example, whether it knows the
	 * authid with a secret for this method). When it cannot, the router tries the
	 * client's next method; when no method can, the router challenges the client with a
	 * decoy and rejects it like a wrong secret (see {@link DecoyAuthenticator}).
	 * @param request the HELLO
	 * @return true by default
	 */
	default boolean supports(AuthRequest request) {
		return true;
	}

	/**
	 * The first step, right after HELLO.
	 * @param request the HELLO
	 * @return the decision: admit, challenge or reject
	 */
	Mono<AuthDecision> begin(AuthRequest request);

	/**
	 * The step after each AUTHENTICATE.
	 * @param request the HELLO
	 * @param state the state of the last {@link AuthDecision.Challenge}
	 * @param signature the AUTHENTICATE's signature
	 * @param extra the AUTHENTICATE's extra dictionary
	 * @return the decision: admit, challenge again or reject
	 */
	default Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		return Mono
			.just(AuthDecision.reject("authentication method '" + authMethod() + "' does not expect AUTHENTICATE"));
	}

}
