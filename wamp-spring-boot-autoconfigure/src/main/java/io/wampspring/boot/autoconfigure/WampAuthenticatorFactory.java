package io.wampspring.boot.autoconfigure;

import io.wampspring.client.auth.ClientAuthenticator;

/**
 * Turns a configured authentication method ({@code wamp.routers.<name>.auth.method}) and
 * the router's credentials into a client authenticator. Declare a bean of this type to
 * support more methods; the auto-configured one is
 * {@link DefaultWampAuthenticatorFactory}.
 */
@FunctionalInterface
public interface WampAuthenticatorFactory {

	/**
	 * Create the authenticator of a method.
	 * @param method the method, such as {@code ticket} (lower case)
	 * @param credentials the router's credentials (checked: the ones the method needs are
	 * there and well formed)
	 * @return the authenticator
	 * @throws UnsupportedOperationException when this factory does not support the method
	 */
	ClientAuthenticator create(String method, WampCredentials credentials);

}
