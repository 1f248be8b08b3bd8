package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.boot.actuate.endpoint.WampRouterEndpoint;
import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.boot.autoconfigure.router.WampRouterReloader;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.HistoricEvent;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.router.realm.RouterReconfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The embedded router's realm properties in a Boot context: trust levels, retention and
 * event history from {@code wamp.embedded-router.realms.*}, and a reload through
 * {@link WampRouterReloader} and the {@code wamprouter} endpoint that keeps sessions,
 * applies new permissions to the next message and closes the session of a removed user.
 */
class WampRouterReloadTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String SOURCE = "realm-config";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				EndpointAutoConfiguration.class))
		.withPropertyValues("wamp.auto-startup=false", "wamp.embedded-router.enabled=true",
				"wamp.embedded-router.port=0", "management.endpoints.web.exposure.include=wamprouter")
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE, realm(true, true))));

	/** The realm "app" with alice and (optionally) bob, users who may call or not. */
	private static Map<String, Object> realm(boolean withBob, boolean usersMayCall) {
		String realm = "wamp.embedded-router.realms.app.";
		Map<String, Object> properties = new HashMap<>();
		properties.put(realm + "users.alice.role", "user");
		properties.put(realm + "users.alice.secret", "alice-secret");
		if (withBob) {
			properties.put(realm + "users.bob.role", "user");
			properties.put(realm + "users.bob.secret", "bob-secret");
		}
		properties.put(realm + "roles.user.trustlevel", "1");
		properties.put(realm + "roles.user.permissions[0].uri", "com.example.");
		properties.put(realm + "roles.user.permissions[0].allow", usersMayCall ? "crps" : "rps");
		properties.put(realm + "roles.user.permissions[1].uri", "com.example.retained");
		properties.put(realm + "roles.user.permissions[1].match", "exact");
		properties.put(realm + "roles.user.permissions[1].allow", "ps");
		properties.put(realm + "roles.user.permissions[1].retain", "true");
		properties.put(realm + "roles.user.permissions[2].uri", "wamp.subscription.");
		properties.put(realm + "roles.user.permissions[2].allow", "c");
		properties.put(realm + "event-history[0].uri", "com.example.onadd");
		properties.put(realm + "event-history[0].limit", "20");
		return properties;
	}

	@Test
	void realmPropertiesConfigureTrustLevelsRetentionAndHistory() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WampRouter router = context.getBean(WampRouter.class);
			WampClient alice = user(router, "alice");
			WampClient bob = user(router, "bob");
			try {
				alice
					.register("com.example.level", RegisterOptions.defaults(),
							(invocation) -> Mono.just(InvocationResult.of(invocation.trustlevel())))
					.block(TIMEOUT);
				assertThat(bob.call("com.example.level", List.of()).block(TIMEOUT).arg(0)).isEqualTo(1L);

				alice
					.publish("com.example.retained", List.of("kept"), Map.of(),
							PublishOptions.builder().acknowledge(true).retain(true).build())
					.block(TIMEOUT);
				List<WampEvent> events = new CopyOnWriteArrayList<>();
				bob.subscribe("com.example.retained", SubscribeOptions.defaults().withGetRetained(true), events::add)
					.block(TIMEOUT);
				await().atMost(TIMEOUT).until(() -> events.size() == 1);
				assertThat(events.get(0).retained()).isTrue();
				assertThat(events.get(0).trustlevel()).isEqualTo(1L);

				for (int i = 0; i < 22; i++) {
					alice.publish("com.example.onadd", List.of(i), Map.of(), PublishOptions.acknowledged())
						.block(TIMEOUT);
				}
				Subscription onadd = bob.subscribe("com.example.onadd", SubscribeOptions.defaults(), (event) -> {
				}).block(TIMEOUT);
				List<HistoricEvent> history = onadd.eventHistory(50).block(TIMEOUT);
				assertThat(history).hasSize(20);
				assertThat(history.get(0).arg(0)).isEqualTo(21L);
			}
			finally {
				alice.close().block(TIMEOUT);
				bob.close().block(TIMEOUT);
			}
		});
	}

	@Test
	void reloadKeepsSessionsAppliesPermissionsAndClosesRemovedUsers() {
		this.runner.run((context) -> {
			WampRouter router = context.getBean(WampRouter.class);
			WampClient alice = user(router, "alice");
			WampClient bob = user(router, "bob");
			try {
				alice
					.register("com.example.ping", RegisterOptions.defaults(),
							(invocation) -> Mono.just(InvocationResult.of("pong")))
					.block(TIMEOUT);
				long aliceSession = alice.sessionInfo().sessionId();
				long bobSession = bob.sessionInfo().sessionId();
				assertThat(alice.call("com.example.ping", List.of()).block(TIMEOUT).arg(0)).isEqualTo("pong");

				replace(context.getEnvironment(), realm(false, false));
				RouterReconfiguration result = context.getBean(WampRouterEndpoint.class).reload();
				assertThat(result.updated()).containsExactly("app");
				assertThat(result.closedSessions()).containsExactly(bobSession);

				StepVerifier.create(alice.call("com.example.ping", List.of()))
					.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
							(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED)))
					.verify(TIMEOUT);
				assertThat(alice.sessionInfo().sessionId()).isEqualTo(aliceSession);
				await().atMost(TIMEOUT).until(() -> bob.state() == SessionState.CLOSED);

				replace(context.getEnvironment(), realm(false, true));
				assertThat(context.getBean(WampRouterReloader.class).reload().closedSessions()).isEmpty();
				assertThat(alice.call("com.example.ping", List.of()).block(TIMEOUT).arg(0)).isEqualTo("pong");
				assertThat(alice.sessionInfo().sessionId()).isEqualTo(aliceSession);
			}
			finally {
				alice.close().block(TIMEOUT);
				bob.close().block(TIMEOUT);
			}
		});
	}

	@Test
	void wrongReloadedPropertiesKeepTheRunningConfiguration() {
		this.runner.run((context) -> {
			WampRouter router = context.getBean(WampRouter.class);
			Map<String, Object> wrong = realm(true, true);
			wrong.put("wamp.embedded-router.realms.app.event-history[0].limit", "0");
			replace(context.getEnvironment(), wrong);
			WampRouterReloader reloader = context.getBean(WampRouterReloader.class);
			assertThatExceptionOfType(WampConfigurationException.class).isThrownBy(reloader::reload)
				.withMessageContaining("wamp.embedded-router.realms.app.event-history[0].limit");
			assertThat(router.core().realm("app").config().eventHistory()).hasSize(1);
			assertThat(router.core().realm("app").config().eventHistory().get(0).limit()).isEqualTo(20);
		});
	}

	private static void replace(ConfigurableEnvironment environment, Map<String, Object> properties) {
		environment.getPropertySources().replace(SOURCE, new MapPropertySource(SOURCE, properties));
	}

	private static WampClient user(WampRouter router, String authid) {
		WampClient client = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "app")
			.authid(authid)
			.authenticator(new TicketAuthenticator(authid + "-secret"))
			.reconnect(ReconnectOptions.disabled())
			.build());
		client.connect().block(TIMEOUT);
		return client;
	}

}
