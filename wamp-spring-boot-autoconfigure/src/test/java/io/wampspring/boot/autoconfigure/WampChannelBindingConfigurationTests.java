package io.wampspring.boot.autoconfigure;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.spring.peer.WampPeers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wamp.routers.<r>.ssl.provider} and {@code wamp.routers.<r>.auth.channel-binding}
 * reach the client: the transport on the Bouncy Castle JSSE provider, cryptosign bound to
 * the channel; an unknown binding fails start-up naming the property.
 */
class WampChannelBindingConfigurationTests {

	private static final String KEY = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class))
		.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.realm=realm1",
				"wamp.routers.main.auth.method=cryptosign", "wamp.routers.main.auth.authid=signer",
				"wamp.routers.main.auth.private-key=" + KEY);

	@Test
	void theProviderAndTheBindingReachTheClient() {
		this.runner
			.withPropertyValues("wamp.routers.main.url=wss://localhost:9/ws",
					"wamp.routers.main.ssl.provider=bouncy-castle", "wamp.routers.main.auth.channel-binding=tls-unique")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ClientOptions options = context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
				assertThat(options.transport()).isInstanceOf(WebSocketTransport.class);
				assertThat(options.authenticators().get(0)).isInstanceOfSatisfying(CryptosignAuthenticator.class,
						(cryptosign) -> assertThat(cryptosign.channelBinding()).isEqualTo("tls-unique"));
			});
		this.runner.withPropertyValues("wamp.routers.main.url=tcps://localhost:9",
				"wamp.routers.main.ssl.provider=bouncy-castle", "wamp.routers.main.auth.channel-binding=tls-exporter")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ClientOptions options = context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
				assertThat(options.transport()).isInstanceOf(RawSocketTransport.class);
				assertThat(((CryptosignAuthenticator) options.authenticators().get(0)).channelBinding())
					.isEqualTo("tls-exporter");
			});
	}

	@Test
	void withoutABindingCryptosignIsUnbound() {
		this.runner.withPropertyValues("wamp.routers.main.url=wss://localhost:9/ws").run((context) -> {
			ClientOptions options = context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
			assertThat(((CryptosignAuthenticator) options.authenticators().get(0)).isChannelBound()).isFalse();
		});
	}

	@Test
	void anUnknownBindingFailsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("wamp.routers.main.url=wss://localhost:9/ws",
					"wamp.routers.main.auth.channel-binding=tls-server-end-point")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tls-server-end-point"));
		this.runner
			.withPropertyValues("wamp.routers.main.url=wss://localhost:9/ws",
					"wamp.routers.main.auth.channel-binding=tls-server-end-point")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("auth.channel-binding"));
	}

}
