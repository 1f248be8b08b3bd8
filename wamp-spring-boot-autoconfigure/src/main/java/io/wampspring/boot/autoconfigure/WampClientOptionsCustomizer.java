package io.wampspring.boot.autoconfigure;

import io.wampspring.client.ClientOptions;

/**
 * Customizes the {@link ClientOptions} of a router's sessions before they are built
 * (schedulers, extra authenticators, features, error URI, ...). Beans of this type are
 * applied in their {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface WampClientOptionsCustomizer {

	/**
	 * Customize the options of a router's sessions.
	 * @param routerName the router (a key of {@code wamp.routers})
	 * @param builder the builder, holding the configured settings
	 */
	void customize(String routerName, ClientOptions.Builder builder);

}
