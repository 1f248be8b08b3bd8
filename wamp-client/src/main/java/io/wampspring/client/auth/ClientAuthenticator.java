package io.wampspring.client.auth;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * One WAMP authentication method on the client side. The client announces the methods of
 * its configured authenticators in HELLO ({@code authmethods}, merged {@code authextra}),
 * and when the router sends CHALLENGE it asks the authenticator of the challenged method
 * for the AUTHENTICATE answer.
 * <p>
 * Implementations must not block: {@link #respond(String, Map)} is called on the
 * transport's I/O thread; return a Mono that computes elsewhere if the work is slow.
 */
public interface ClientAuthenticator {

	/**
	 * The method name announced in HELLO.
	 * @return such as {@code anonymous}, {@code ticket}, {@code wampcra}
	 */
	String authMethod();

	/**
	 * Entries added to HELLO's {@code authextra} (a public key, a channel binding, ...).
	 * @return the entries, empty by default
	 */
	default Map<String, Object> authExtra() {
		return Map.of();
	}

	/**
	 * Answer a CHALLENGE.
	 * @param authMethod the challenged method (equal to {@link #authMethod()})
	 * @param extra the challenge's extra dictionary
	 * @return the AUTHENTICATE signature and extra
	 */
	Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra);

	/**
	 * The signature and extra of an AUTHENTICATE message.
	 *
	 * @param signature the signature (the ticket, an HMAC, ...)
	 * @param extra the extra dictionary
	 */
	record AuthResponse(String signature, Map<String, Object> extra) {

		/**
		 * Copy the extra dictionary.
		 */
		public AuthResponse {
			java.util.Objects.requireNonNull(signature, "signature");
			extra = Map.copyOf(extra);
		}

	}

}
