package io.wampspring.spring.testsupport;

import java.time.Duration;

import io.wampspring.client.ClientOptions;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An embedded router on a random port with an open realm {@code realm1}, the default peer
 * connected to it over WebSocket, and a template: import it into a test's configuration.
 */
@Configuration(proxyBeanMethods = false)
public class LocalRouterConfig {

	/**
	 * The router.
	 * @return the started router
	 */
	@Bean(destroyMethod = "stop")
	public WampRouter router() {
		return WampRouter.builder()
			.realm(RealmConfig.builder("realm1").build())
			.webSocket("127.0.0.1", 0, "/ws")
			.shutdownTimeout(Duration.ofMillis(500))
			.build()
			.start();
	}

	/**
	 * The default peer.
	 * @param router the router
	 * @return the peer
	 */
	@Bean
	public WampPeer defaultPeer(WampRouter router) {
		return WampPeer.builder("default")
			.clientOptions(ClientOptions.builder(router.webSocketUrl(), "realm1").build())
			.shutdownGracePeriod(Duration.ofSeconds(1))
			.build();
	}

	/**
	 * The template of the default peer.
	 * @param peer the peer
	 * @return the template
	 */
	@Bean
	public WampTemplate wampTemplate(WampPeer peer) {
		return new WampTemplate(peer);
	}

}
