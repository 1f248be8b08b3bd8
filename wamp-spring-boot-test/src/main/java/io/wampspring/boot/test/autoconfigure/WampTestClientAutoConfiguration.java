package io.wampspring.boot.test.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.wampspring.boot.test.client.WampTestClient;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.config.WampListenerEndpoint;
import io.wampspring.spring.config.WampEndpointRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link WampTestClient} of the embedded router: it joins (the router's first realm, or
 * {@code wamp.test.client.realm}) once every endpoint of the application's
 * {@link WampEndpointRegistry} is registered, and leaves when the context closes.
 */
@AutoConfiguration(afterName = { "io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration",
		"io.wampspring.boot.autoconfigure.WampAutoConfiguration" })
@ConditionalOnBean(WampRouter.class)
@EnableConfigurationProperties(WampTestClientProperties.class)
public final class WampTestClientAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	WampTestClient wampTestClient(WampRouter router, WampTestClientProperties properties,
			ObjectProvider<WampEndpointRegistry> registry) {
		String realm = properties.getRealm();
		WampTestClient.Builder builder = WampTestClient
			.builder(router::webSocketUrl, () -> (realm != null) ? realm : firstRealm(router))
			.authid(properties.getAuthid())
			.ticket(properties.getTicket())
			.timeout(properties.getTimeout())
			.readyTimeout(properties.getReadyTimeout())
			.maxBufferedEvents(properties.getMaxBufferedEvents());
		WampEndpointRegistry endpoints = registry.getIfAvailable();
		if (endpoints != null) {
			builder.readiness(() -> missing(endpoints).isEmpty(), () -> "not registered yet: " + missing(endpoints));
		}
		return builder.build();
	}

	private static String firstRealm(WampRouter router) {
		List<String> realms = router.core().realmNames();
		if (realms.isEmpty()) {
			throw new IllegalStateException(
					"The embedded router has no realm for the WampTestClient: set wamp.test.client.realm");
		}
		return realms.get(0);
	}

	/** The endpoints the router has not confirmed on any session yet. */
	private static List<String> missing(WampEndpointRegistry registry) {
		Set<WampListenerEndpoint> confirmed = registry.getActiveEndpoints()
			.stream()
			.filter((active) -> active.sessions() > 0)
			.map(WampEndpointRegistry.ActiveEndpoint::endpoint)
			.collect(Collectors.toSet());
		List<String> missing = new ArrayList<>();
		for (WampListenerEndpoint endpoint : registry.getEndpoints()) {
			if (!confirmed.contains(endpoint)) {
				missing.add(endpoint.uri());
			}
		}
		return missing;
	}

}
