package io.wampspring.boot.autoconfigure;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The credentials configured for a router, handed to a {@link WampAuthenticatorFactory}.
 * {@link #toString()} never shows a secret.
 *
 * @param routerName the router (a key of {@code wamp.routers})
 * @param authid the authid, or null
 * @param secret the ticket or WAMP-CRA secret or SCRAM password, or null
 * @param privateKey the cryptosign private key in hex, or null
 * @param privateKeyFile the cryptosign private key file, or null
 */
public record WampCredentials(String routerName, @Nullable String authid, @Nullable String secret,
		@Nullable String privateKey, @Nullable Path privateKeyFile) {

	@Override
	public String toString() {
		return "WampCredentials[router=" + this.routerName + ", authid=" + this.authid + ", secret="
				+ ((this.secret != null) ? "******" : "none") + ", privateKey="
				+ ((this.privateKey != null || this.privateKeyFile != null) ? "******" : "none") + "]";
	}

}
