package io.wampspring.boot.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.boot.actuate.endpoint.WampEndpoint;
import io.wampspring.boot.autoconfigure.endpoint.WampEndpointAutoConfiguration;
import io.wampspring.boot.autoconfigure.health.WampHealthContributorAutoConfiguration;
import io.wampspring.boot.autoconfigure.metrics.WampMetricsAutoConfiguration;
import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RouterLimits;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Boot context with the embedded router: the peer joins, health and meters follow the
 * session through a router stop and restart and through a restore that leaves it
 * {@code DEGRADED}, the client limits reach the sessions, and the {@code wamp} endpoint
 * shows no secret.
 */
class WampEmbeddedRouterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				WampHealthContributorAutoConfiguration.class, WampMetricsAutoConfiguration.class,
				WampEndpointAutoConfiguration.class, EndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=wamp",
				"management.endpoints.jmx.exposure.include=wamp");

	@Test
	void inProcessPeerFollowsTheRouterThroughAStopAndARestart() {
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.routers.local.reconnect.backoff-type=fixed", "wamp.routers.local.reconnect.backoff-min=50ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(TIMEOUT).until(() -> health(context).getStatus().equals(Status.UP));
				Health up = health(context);
				assertThat(up.getDetails()).containsEntry("state", "JOINED")
					.containsEntry("router", "local")
					.containsEntry("realm", "realm1")
					.containsKey("sessionId");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(sessions(registry, "joined")).isEqualTo(1.0);
				assertThat(registry.get("wamp.client.reconnects").functionCounter().count()).isZero();

				WampRouter router = context.getBean(WampRouter.class);
				router.stop();
				await().atMost(TIMEOUT).until(() -> {
					Health health = health(context);
					return health.getStatus().equals(Status.DOWN)
							&& health.getDetails().get("attempt") instanceof Integer
							&& (Integer) health.getDetails().get("attempt") >= 2;
				});
				Health down = health(context);
				assertThat(down.getDetails()).containsEntry("state", SessionState.RECONNECTING.name())
					.containsEntry("maxRetries", "unlimited")
					.containsKeys("reason", "nextAttempt", "since")
					.doesNotContainKey("sessionId");
				assertThat(sessions(registry, "joined")).isZero();
				assertThat(registry.get("wamp.client.reconnects").functionCounter().count()).isGreaterThanOrEqualTo(2);

				router.start();
				await().atMost(TIMEOUT).until(() -> health(context).getStatus().equals(Status.UP));
				assertThat(sessions(registry, "joined")).isEqualTo(1.0);
			});
	}

	@Test
	void degradedSessionShowsInTheEndpointHealthAndMeters() {
		String procedure = "com.example.contested";
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.routers.local.reconnect.backoff-type=fixed", "wamp.routers.local.reconnect.backoff-min=1s")
			.run((context) -> {
				await().atMost(TIMEOUT).until(() -> health(context).getStatus().equals(Status.UP));
				WampClient session = context.getBean(WampPeers.class).defaultPeer().clients().get(0);
				session.register(procedure, RegisterOptions.defaults(), (invocation) -> Mono.just(answer("peer")))
					.block(TIMEOUT);
				WampClient intruder = WampClient.create(ClientOptions
					.builder(new InProcessTransport(context.getBean(WampRouter.class), "intruder"), "realm1")
					.reconnect(ReconnectOptions.builder().enabled(false).build())
					.build());
				try {
					intruder.connect().block(TIMEOUT);
					// the router ends the peer's session; while the peer waits to
					// reconnect, another session takes the procedure, so that the restore
					// cannot bring it back
					intruder
						.call("wamp.session.kill", List.of(session.sessionInfo().sessionId()), Map.of(),
								CallOptions.defaults())
						.block(TIMEOUT);
					AtomicReference<Registration> taken = new AtomicReference<>();
					await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
						taken.set(
								intruder
									.register(procedure, RegisterOptions.defaults(),
											(invocation) -> Mono.just(answer("intruder")))
									.block(TIMEOUT));
						return true;
					});
					await().atMost(TIMEOUT).until(() -> session.state() == SessionState.DEGRADED);

					WampEndpoint.SessionDescriptor degraded = endpointSession(context);
					assertThat(degraded.state()).isEqualTo("DEGRADED");
					assertThat(degraded.sessionId()).isNotNull();
					assertThat(degraded.missing()).singleElement().asString().contains(procedure);
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("state", "DEGRADED").containsKey("missing");
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					assertThat(sessions(registry, "degraded")).isEqualTo(1.0);
					assertThat(sessions(registry, "joined")).isZero();

					// the procedure is free again: the client's retry restores it
					taken.get().unregister().block(TIMEOUT);
					await().atMost(TIMEOUT).until(() -> session.state() == SessionState.JOINED);
					assertThat(endpointSession(context).missing()).isEmpty();
					assertThat(sessions(registry, "degraded")).isZero();
					assertThat(sessions(registry, "joined")).isEqualTo(1.0);
					assertThat(session.call(procedure).block(TIMEOUT).args()).containsExactly("peer");
				}
				finally {
					intruder.close().block(TIMEOUT);
				}
			});
	}

	@Test
	void eventBufferBoundsTheClientAndItsDropsAreCounted() {
		String topic = "com.example.flood";
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.routers.local.limits.event-buffer=2")
			.run((context) -> {
				await().atMost(TIMEOUT).until(() -> health(context).getStatus().equals(Status.UP));
				WampClient session = context.getBean(WampPeers.class).defaultPeer().clients().get(0);
				assertThat(session.options().limits().eventBuffer()).isEqualTo(2);
				CountDownLatch release = new CountDownLatch(1);
				session.subscribe(topic, SubscribeOptions.defaults(), (event) -> {
					try {
						// holds the subscription's only handler slot: later events wait
						// or are dropped
						release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}).block(TIMEOUT);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				WampClient publisher = WampClient.create(ClientOptions
					.builder(new InProcessTransport(context.getBean(WampRouter.class), "publisher"), "realm1")
					.reconnect(ReconnectOptions.builder().enabled(false).build())
					.build());
				try {
					publisher.connect().block(TIMEOUT);
					for (int i = 0; i < 10; i++) {
						publisher.publish(topic, List.of(i), Map.of(), PublishOptions.acknowledged()).block(TIMEOUT);
					}
					// one event runs, one waits, eight are dropped
					await().atMost(TIMEOUT).until(() -> overflowed(registry) == 8.0);
					assertThat(session.droppedEvents()).isEqualTo(8);
				}
				finally {
					release.countDown();
					publisher.close().block(TIMEOUT);
				}
			});
	}

	private static InvocationResult answer(String who) {
		return new InvocationResult(List.of(who), Map.of());
	}

	private static WampEndpoint.SessionDescriptor endpointSession(AssertableApplicationContext context) {
		return context.getBean(WampEndpoint.class).wamp().peers().get("default").sessions().get(0);
	}

	private static double overflowed(MeterRegistry registry) {
		return registry.get("wamp.client.events.overflowed").tags("peer", "default").functionCounter().count();
	}

	@Test
	void limitPropertiesReachTheRouter() {
		this.runner.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
				"wamp.embedded-router.limits.max-message-size=1MB",
				"wamp.embedded-router.limits.max-incomplete-message-bytes=8MB",
				"wamp.embedded-router.limits.max-pending-calls-per-session=50",
				"wamp.embedded-router.limits.hello-timeout=250ms", "wamp.embedded-router.limits.keep-alive-interval=0s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RouterLimits limits = context.getBean(WampRouter.class).core().limits();
				assertThat(limits.maxMessageSize()).isEqualTo(1024 * 1024);
				assertThat(limits.maxIncompleteMessageBytes()).isEqualTo(8 * 1024 * 1024);
				assertThat(limits.maxPendingCallsPerSession()).isEqualTo(50);
				assertThat(limits.helloTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(limits.keepAliveInterval()).isZero();
				assertThat(limits.openTimeout()).isEqualTo(RouterLimits.DEFAULTS.openTimeout());
			});
	}

	@Test
	void webSocketTicketPeerAndTheEndpointShowsNoSecret() throws IOException {
		int port = freePort();
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=" + port,
					"wamp.embedded-router.realms.secure.roles.user.permissions[0].uri=",
					"wamp.embedded-router.realms.secure.roles.user.permissions[0].allow=crps",
					"wamp.embedded-router.realms.secure.users.joe.role=user",
					"wamp.embedded-router.realms.secure.users.joe.secret=Sup3rSecret",
					"wamp.routers.main.url=ws://127.0.0.1:" + port + "/ws", "wamp.routers.main.realm=secure",
					"wamp.routers.main.serializers=msgpack,json", "wamp.routers.main.auth.method=ticket",
					"wamp.routers.main.auth.authid=joe", "wamp.routers.main.auth.secret=Sup3rSecret",
					"wamp.peers.workers.pool-size=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CompositeHealthContributor wamp = context.getBean("wampHealthContributor",
						CompositeHealthContributor.class);
				CompositeHealthContributor workers = (CompositeHealthContributor) wamp.getContributor("workers");
				for (String index : new String[] { "0", "1" }) {
					HealthIndicator session = (HealthIndicator) workers.getContributor(index);
					await().atMost(TIMEOUT).until(() -> session.health().getStatus().equals(Status.UP));
					assertThat(session.health().getDetails()).containsEntry("authid", "joe")
						.containsEntry("authrole", "user")
						.containsEntry("authmethod", "ticket");
					assertThat(session.health().toString()).doesNotContain("Sup3rSecret");
				}
				assertThat(context).hasSingleBean(WampEndpoint.class);
				WampEndpoint.WampDescriptor descriptor = context.getBean(WampEndpoint.class).wamp();
				WampEndpoint.RouterDescriptor main = descriptor.routers().get("main");
				assertThat(main.url()).isEqualTo("ws://127.0.0.1:" + port + "/ws");
				assertThat(main.realm()).isEqualTo("secure");
				assertThat(main.authid()).isEqualTo("joe");
				assertThat(main.authmethods()).containsExactly("ticket");
				WampEndpoint.PeerDescriptor peer = descriptor.peers().get("workers");
				assertThat(peer.sessions()).hasSize(2).allSatisfy((session) -> {
					assertThat(session.state()).isEqualTo("JOINED");
					assertThat(session.sessionId()).isNotNull();
					assertThat(session.authid()).isEqualTo("joe");
					assertThat(session.authrole()).isEqualTo("user");
				});
				assertThat(descriptor.toString()).doesNotContain("Sup3rSecret");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(
						registry.get("wamp.client.sessions").tags("peer", "workers", "state", "joined").gauge().value())
					.isEqualTo(2.0);
			});
	}

	@Test
	void autoStartupFalseLeavesSessionsOutOfService() {
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.auto-startup=false")
			.run((context) -> {
				assertThat(context.getBean(WampPeersLifecycle.class).isRunning()).isFalse();
				assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				context.getBean(WampPeersLifecycle.class).start();
				await().atMost(TIMEOUT).until(() -> health(context).getStatus().equals(Status.UP));
			});
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.auto-startup=false", "management.health.wamp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("wampHealthContributor"));
	}

	private static Health health(AssertableApplicationContext context) {
		CompositeHealthContributor wamp = context.getBean("wampHealthContributor", CompositeHealthContributor.class);
		CompositeHealthContributor peer = (CompositeHealthContributor) wamp.getContributor("default");
		return ((HealthIndicator) peer.getContributor("0")).health();
	}

	private static double sessions(MeterRegistry registry, String state) {
		return registry.get("wamp.client.sessions").tags("peer", "default", "state", state).gauge().value();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
