package io.wampspring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the default router is and how to join it. A bean of this type that is not the
 * {@link PropertiesWampConnectionDetails} (one from Testcontainers'
 * {@code @ServiceConnection} or Docker Compose, for example) overrides the url, realm and
 * credentials of the default router ({@code wamp.defaults.router}, or the only one
 * configured); when no router is configured, it defines one named {@code default}.
 */
public interface WampConnectionDetails extends ConnectionDetails {

	/**
	 * The router's address.
	 * @return a {@code ws://}, {@code wss://}, {@code tcp://}, {@code tcps://} or
	 * {@code unix://} URL
	 */
	String getUrl();

	/**
	 * The realm to join.
	 * @return the realm
	 */
	String getRealm();

	/**
	 * The authid to announce.
	 * @return the authid, or null for none
	 */
	default @Nullable String getAuthid() {
		return null;
	}

	/**
	 * The ticket or WAMP-CRA secret, or SCRAM password.
	 * @return the secret, or null for none
	 */
	default @Nullable String getSecret() {
		return null;
	}

}
