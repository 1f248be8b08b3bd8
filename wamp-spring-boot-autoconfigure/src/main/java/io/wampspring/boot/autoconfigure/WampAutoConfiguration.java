package io.wampspring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.boot.peer.PoolType;
import io.wampspring.boot.peer.WampPeer;
import io.wampspring.boot.peer.WampPeers;
import io.wampspring.client.WampClient;
import io.wampspring.core.link.LocalAcceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of WAMP clients: the {@link WampConnectionDetails}, the
 * {@link WampClientOptionsFactory} that turns {@code wamp.routers} into client options, and
 * the {@link WampPeers} (a session pool per peer) that connect with the application context.
 * With no peer configured, a peer named {@code default} joins the default router; with no
 * router configured and the embedded router enabled, that is the embedded router, in
 * process.
 */
@AutoConfiguration(afterName = { "io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(WampClient.class)
@EnableConfigurationProperties(WampProperties.class)
public final class WampAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WampConnectionDetails.class)
	PropertiesWampConnectionDetails wampConnectionDetails(WampProperties properties) {
		return new PropertiesWampConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	WampAuthenticatorFactory wampAuthenticatorFactory() {
		return new DefaultWampAuthenticatorFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	WampClientOptionsFactory wampClientOptionsFactory(WampProperties properties,
			WampConnectionDetails connectionDetails, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<LocalAcceptor> embeddedRouter, WampAuthenticatorFactory authenticatorFactory,
			ObjectProvider<WampClientOptionsCustomizer> customizers) {
		return new WampClientOptionsFactory(properties, connectionDetails, sslBundles.getIfAvailable(),
				embeddedRouter.getIfAvailable(), authenticatorFactory, customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	WampPeers wampPeers(WampProperties properties, WampClientOptionsFactory optionsFactory) {
		Map<String, WampPeer> peers = new LinkedHashMap<>();
		properties.getPeers().forEach((name, peer) -> {
			String router = (peer.getRouter() != null) ? peer.getRouter() : optionsFactory.defaultRouterName();
			if (router == null) {
				throw new WampConfigurationException("wamp.peers." + name + ".router", "no router is configured",
						"Set wamp.peers." + name + ".router or wamp.defaults.router");
			}
			peers.put(name,
					new WampPeer(name, router, optionsFactory.create(router), peer.getPoolSize(), peer.getPoolType()));
		});
		String defaultRouter = optionsFactory.defaultRouterName();
		if (peers.isEmpty() && defaultRouter != null) {
			peers.put(WampRouterNames.DEFAULT_PEER, new WampPeer(WampRouterNames.DEFAULT_PEER, defaultRouter,
					optionsFactory.create(defaultRouter), 1, PoolType.ROUND_ROBIN));
		}
		return new WampPeers(peers, defaultPeer(peers), properties.isAutoStartup(),
				properties.getShutdownGracePeriod());
	}

	private static @Nullable String defaultPeer(Map<String, WampPeer> peers) {
		if (peers.containsKey(WampRouterNames.DEFAULT_PEER)) {
			return WampRouterNames.DEFAULT_PEER;
		}
		return (peers.size() == 1) ? peers.keySet().iterator().next() : null;
	}

}
