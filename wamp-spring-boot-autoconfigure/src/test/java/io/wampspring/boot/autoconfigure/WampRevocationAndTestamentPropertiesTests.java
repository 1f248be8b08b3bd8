package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.boot.actuate.health.WampSessionHealthIndicator;
import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.PeerRegistration;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code wamp.defaults.callee.on-revoked}, {@code wamp.defaults.subscriber.on-revoked}
 * and {@code wamp.peers.
 *
<p>
 * .testament.*} against the embedded router; health shows what stays revoked.
 */
class WampRevocationAndTestamentPropertiesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class))
		.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=0");

	private static Registration register(WampTemplate template, String procedure) {
		template.getPeer().connect().block(TIMEOUT);
		PeerRegistration registration = template
			.register(procedure, RegisterOptions.defaults(), (invocation) -> Mono.just(InvocationResult.of(1)))
			.block(TIMEOUT);
		return registration.registrations().get(0);
	}

	@Test
	void aRevokedRegistrationStaysRevokedAndHealthSaysSo() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WampTemplate template = context.getBean(WampTemplate.class);
			Registration registration = register(template, "com.example.revocable");
			long id = registration.registrationId();
			template.registrationMeta().remove(id, "maintenance").block(TIMEOUT);
			await().atMost(TIMEOUT).until(registration::isRevoked);
			Health health = new WampSessionHealthIndicator(template.getPeer(), 0).health();
			assertThat(health.getStatus().getCode()).isEqualTo("UP");
			assertThat(health.getDetails()).containsKey("revoked");
			assertThat(health.getDetails().get("revoked").toString()).contains("com.example.revocable")
				.contains("maintenance");
		});
	}

	@Test
	void registerAgainRegistersARevokedProcedureAgain() {
		this.runner
			.withPropertyValues("wamp.defaults.callee.on-revoked=register-again",
					"wamp.defaults.subscriber.on-revoked=subscribe-again")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WampTemplate template = context.getBean(WampTemplate.class);
				Registration registration = register(template, "com.example.sticky");
				long first = registration.registrationId();
				template.registrationMeta().remove(first, null).block(TIMEOUT);
				await().atMost(TIMEOUT)
					.until(() -> registration.registrationId() != 0 && registration.registrationId() != first);
				assertThat(template.registrationMeta().lookup("com.example.sticky", MatchPolicy.EXACT).block(TIMEOUT))
					.isEqualTo(registration.registrationId());
				assertThat(template.getPeer().clients().get(0).options().onSubscriptionRevoked())
					.isEqualTo(io.wampspring.client.RevocationPolicy.AGAIN);
			});
	}

	@Test
	void aPeersTestamentIsPublishedWhenItsSessionEnds() {
		this.runner
			.withPropertyValues("wamp.peers.default.testament.topic=com.example.service.gone",
					"wamp.peers.default.testament.args[0]=service X went away",
					"wamp.peers.default.testament.kwargs.service=x")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WampRouter router = context.getBean(WampRouter.class);
				WampClient watcher = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "realm1").build());
				try {
					watcher.connect().block(TIMEOUT);
					List<WampEvent> events = new CopyOnWriteArrayList<>();
					watcher.subscribe("com.example.service.gone", SubscribeOptions.defaults(), events::add)
						.block(TIMEOUT);
					WampPeer peer = context.getBean(WampTemplate.class).getPeer();
					peer.connect().block(TIMEOUT);
					await().atMost(TIMEOUT).until(() -> !peer.clients().get(0).testaments().isEmpty());
					peer.close(Duration.ofSeconds(1)).block(TIMEOUT);
					await().atMost(TIMEOUT).until(() -> events.size() == 1);
					assertThat(events.get(0).arg(0)).isEqualTo("service X went away");
					assertThat(events.get(0).kwargs()).containsEntry("service", "x");
				}
				finally {
					watcher.close().block(TIMEOUT);
				}
			});
	}

}
