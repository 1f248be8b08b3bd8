package io.wampspring.client.auth;

import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * One WAMP authentication method on the client side. The client announces the methods of
 * its configured authenticators in HELLO ({@code authmethods} in the configured order,
 * merged {@code authextra}), and when the router sends CHALLENGE it asks the
 * authenticator of the challenged method for the AUTHENTICATE answer.
 * <p>
 * Every HELLO starts a new {@link Exchange} with {@link #start(AuthContext)}: methods
 * with per-attempt state (a nonce, a key derived from the challenge to check the router's
 * signature in WELCOME) keep it there, so one authenticator may serve many sessions at
 * once. Stateless methods only implement {@link #authMethod()}, {@link #authExtra()} and
 * {@link #respond(String, Map)}.
 * <p>
 * Implementations must not block: the exchange's methods are called on the transport's
 * I/O thread; return a Mono that computes elsewhere if the work is slow (a key
 * derivation). They must never put a secret in a log line, an exception message or
 * {@code toString()}.
 */
public interface ClientAuthenticator {

	/**
	 * The method name announced in HELLO.
	 * @return such as {@code anonymous}, {@code ticket}, {@code wampcra}
	 */
	String authMethod();

	/**
	 * Entries added to HELLO's {@code authextra} (a public key, a channel binding, ...)
	 * by the default {@link #start(AuthContext)}.
	 * @return the entries, empty by default
	 */
	default Map<String, Object> authExtra() {
		return Map.of();
	}

	/**
	 * Answer a CHALLENGE; used by the default {@link #start(AuthContext)}.
	 * @param authMethod the challenged method (equal to {@link #authMethod()})
	 * @param extra the challenge's extra dictionary
	 * @return the AUTHENTICATE signature and extra; an error aborts the join with a
	 * {@link WampAuthenticationException} that carries the error's message
	 */
	Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra);

	/**
	 * Start one authentication, for one HELLO. The default announces
	 * {@link #authExtra()}, answers with {@link #respond(String, Map)} and accepts any
	 * WELCOME.
	 * @param context the realm, the authid and what the transport offers
	 * @return the exchange
	 * @throws IllegalStateException when the method cannot be used with this context (no
	 * authid, or a channel binding the connection cannot provide); the message says why
	 * and the join fails with a {@link WampAuthenticationException}
	 */
	default Exchange start(AuthContext context) {
		ClientAuthenticator authenticator = this;
		Map<String, Object> extra = authExtra();
		return new Exchange() {

			@Override
			public Map<String, Object> helloAuthExtra() {
				return extra;
			}

			@Override
			public Mono<AuthResponse> respond(Map<String, Object> challengeExtra) {
				return authenticator.respond(authenticator.authMethod(), challengeExtra);
			}

		};
	}

	/**
	 * One authentication attempt of a method: from HELLO to WELCOME.
	 */
	interface Exchange {

		/**
		 * Entries for HELLO's {@code authextra}.
		 * @return the entries, may be empty
		 */
		Map<String, Object> helloAuthExtra();

		/**
		 * Answer the router's CHALLENGE.
		 * @param challengeExtra the challenge's extra dictionary
		 * @return the AUTHENTICATE signature and extra; an error aborts the join with a
		 * {@link WampAuthenticationException} that carries the error's message
		 */
		Mono<AuthResponse> respond(Map<String, Object> challengeExtra);

		/**
		 * Check the router's WELCOME when the router welcomed the session with this
		 * method, for methods that authenticate the router too (WAMP-SCRAM's server
		 * signature).
		 * @param welcomeAuthExtra {@code WELCOME.Details.authextra}, may be empty
		 * @param challenged whether the router sent a CHALLENGE for this method
		 * @throws IllegalStateException when the router failed the check; the message
		 * says what was wrong (never a secret), and the client aborts the session
		 */
		default void verifyWelcome(Map<String, Object> welcomeAuthExtra, boolean challenged) {
		}

	}

	/**
	 * The signature and extra of an AUTHENTICATE message. {@link #toString()} hides the
	 * signature, which may be the secret itself (a ticket).
	 *
	 * @param signature the signature (the ticket, an HMAC, ...)
	 * @param extra the extra dictionary
	 */
	record AuthResponse(String signature, Map<String, Object> extra) {

		/**
		 * Copy the extra dictionary.
		 * @param signature the signature (the ticket, an HMAC, ...)
		 * @param extra the extra dictionary
		 */
		public AuthResponse {
			Objects.requireNonNull(signature, "signature");
			extra = Map.copyOf(extra);
		}

		@Override
		public String toString() {
			return "AuthResponse[signature=******, extra=" + this.extra.keySet() + "]";
		}

	}

}
