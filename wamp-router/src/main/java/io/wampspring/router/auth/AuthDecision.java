package io.wampspring.router.auth;

import java.util.Map;

import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;

/**
 * One step of an authentication: admit the client, challenge it, or reject it.
 */
public sealed interface AuthDecision permits AuthDecision.Accept, AuthDecision.Challenge, AuthDecision.Reject {

	/**
	 * Admit the client.
	 * @param authid the authenticated id
	 * @param authrole the role
	 * @return the decision
	 */
	static Accept accept(String authid, String authrole) {
		return new Accept(authid, authrole, "static", Map.of());
	}

	/**
	 * Send a CHALLENGE to the client.
	 * @param extra the CHALLENGE's extra dictionary
	 * @param state what the authenticator needs to check the answer; handed back to
	 * {@link Authenticator#authenticate}
	 * @return the decision
	 */
	static Challenge challenge(Map<String, Object> extra, @Nullable Object state) {
		return new Challenge(extra, state);
	}

	/**
	 * Reject the client with {@code wamp.error.authentication_failed}.
	 * @param message a readable reason; never the secret
	 * @return the decision
	 */
	static Reject reject(String message) {
		return new Reject(WampUris.AUTHENTICATION_FAILED, message);
	}

	/**
	 * The client is admitted.
	 *
	 * @param authid the authenticated id
	 * @param authrole the role
	 * @param authprovider who checked the credentials
	 * @param authextra extra data sent in WELCOME, may be empty
	 * @param restriction limits beyond the role (such as an API key's permissions), or
	 * null
	 */
	record Accept(String authid, String authrole, String authprovider, Map<String, Object> authextra,
			@Nullable SessionRestriction restriction) implements AuthDecision {

		/**
		 * Copy the extra data.
		 * @param authid the authenticated id
		 * @param authrole the role
		 * @param authprovider who checked the credentials
		 * @param authextra extra data sent in WELCOME, may be empty
		 * @param restriction limits beyond the role (such as an API key's permissions),
		 * or null
		 */
		public Accept {
			authextra = Map.copyOf(authextra);
		}

		/**
		 * Admit the client without restriction beyond its role.
		 * @param authid the authenticated id
		 * @param authrole the role
		 * @param authprovider who checked the credentials
		 * @param authextra extra data sent in WELCOME, may be empty
		 */
		public Accept(String authid, String authrole, String authprovider, Map<String, Object> authextra) {
			this(authid, authrole, authprovider, authextra, null);
		}

		/**
		 * A copy whose session is limited further than its role allows.
		 * @param limits what the credential permits
		 * @return the new decision
		 */
		public Accept restrictedTo(SessionRestriction limits) {
			return new Accept(this.authid, this.authrole, this.authprovider, this.authextra, limits);
		}

	}

	/**
	 * The client must answer a CHALLENGE.
	 *
	 * @param extra the CHALLENGE's extra dictionary
	 * @param state the authenticator's state for the answer
	 */
	record Challenge(Map<String, Object> extra, @Nullable Object state) implements AuthDecision {

		/**
		 * Copy the extra data.
		 * @param extra the CHALLENGE's extra dictionary
		 * @param state the authenticator's state for the answer
		 */
		public Challenge {
			extra = Map.copyOf(extra);
		}

	}

	/**
	 * The client is rejected with an ABORT.
	 *
	 * @param reason the true ABORT reason URI (authentication_failed, no_such_principal,
	 * ...); unless the router's errors are precise, a client reads authentication_failed
	 * for both of these, so that it cannot tell an unknown principal from a wrong secret
	 * @param message a readable message, logged once; the client reads it only when the
	 * router's errors are precise or for other reasons; never the secret
	 */
	record Reject(String reason, String message) implements AuthDecision {
	}

}
