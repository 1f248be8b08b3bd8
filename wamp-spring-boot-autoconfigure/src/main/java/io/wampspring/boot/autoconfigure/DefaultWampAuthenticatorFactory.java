package io.wampspring.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import io.wampspring.client.auth.AnonymousAuthenticator;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.auth.ScramAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampCraAuthenticator;

/**
 * The authentication methods that wamp-client provides: {@code anonymous},
 * {@code ticket}, {@code wampcra}, {@code cryptosign}, {@code scram} (the dialect of
 * Crossbar.io and Autobahn) and {@code wamp-scram} (the specification's). The credentials
 * were validated by {@link WampPropertiesValidator} before this runs.
 */
public class DefaultWampAuthenticatorFactory implements WampAuthenticatorFactory {

	@Override
	public ClientAuthenticator create(String method, WampCredentials credentials) {
		return switch (method) {
			case "anonymous" -> AnonymousAuthenticator.INSTANCE;
			case "ticket" -> new TicketAuthenticator(secret(credentials));
			case "wampcra" -> new WampCraAuthenticator(secret(credentials));
			case "cryptosign" -> cryptosign(credentials);
			case "scram", "wamp-scram" -> ScramAuthenticator.forAuthMethod(method, secret(credentials));
			default -> throw new UnsupportedOperationException(
					"the '" + method + "' authentication method is not available in wamp-client");
		};
	}

	private static String secret(WampCredentials credentials) {
		return Objects.requireNonNull(credentials.secret(), "secret");
	}

	private static ClientAuthenticator cryptosign(WampCredentials credentials) {
		if (credentials.privateKey() != null) {
			return CryptosignAuthenticator.fromHex(credentials.privateKey());
		}
		Path file = Objects.requireNonNull(credentials.privateKeyFile(), "private-key-file");
		try {
			return CryptosignAuthenticator.fromFile(file);
		}
		catch (IOException ex) {
			// The message names the file, never its content.
			throw new IllegalStateException("cannot read the cryptosign key file " + file + ": " + ex.getMessage(), ex);
		}
	}

}
