package io.wampspring.boot.autoconfigure;

import java.util.Objects;

import io.wampspring.client.auth.AnonymousAuthenticator;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;

/**
 * The authentication methods that wamp-client provides: {@code anonymous} and
 * {@code ticket}.
 */
public class DefaultWampAuthenticatorFactory implements WampAuthenticatorFactory {

	// TODO(lead): map wampcra, cryptosign and scram here once wamp-client has their
	// authenticators (the credentials are already validated by WampPropertiesValidator).

	@Override
	public ClientAuthenticator create(String method, WampCredentials credentials) {
		return switch (method) {
			case "anonymous" -> AnonymousAuthenticator.INSTANCE;
			case "ticket" -> new TicketAuthenticator(Objects.requireNonNull(credentials.secret(), "secret"));
			default -> throw new UnsupportedOperationException(
					"the '" + method + "' authentication method is not available in this version of wamp-client");
		};
	}

}
