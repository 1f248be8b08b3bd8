package io.wampspring.spring.integration;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampExtraSession;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampSessionJoinedEvent;
import io.wampspring.spring.event.WampSessionLeftEvent;
import io.wampspring.spring.integration.TestHandlers.SessionEvents;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.peer.WampSessionCredentials;
import io.wampspring.spring.support.InvocationDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity at run time against the router: a peer changes its user and keeps its
 * registrations; an extra session under another user is opened, used and closed.
 */
class ChangeUserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private WampRouter router;

	private AnnotationConfigApplicationContext context;

	@BeforeEach
	void start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.router = WampRouter.builder()
			.realm(RealmConfig.builder("secure")
				.user("alice", "user", "alice-secret")
				.user("bob", "user", "bob-secret")
				.user("carol", "user", "carol-secret")
				.role("user",
						Permission.prefix("com.example.", Action.CALL, Action.REGISTER, Action.PUBLISH,
								Action.SUBSCRIBE),
						// Nexus's whoami needs its permission like any procedure
						Permission.exact("auth.whoami", Action.CALL))
				.build())
			.webSocket("127.0.0.1", port, "/ws")
			.shutdownTimeout(Duration.ofMillis(500))
			.build()
			.start();
		this.context = new AnnotationConfigApplicationContext();
		this.context.getBeanFactory().registerSingleton("router", this.router);
		this.context.register(Config.class);
		this.context.refresh();
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.router.stop();
	}

	@Test
	void changeUserReopensTheSessionsAndKeepsTheRegistrations() throws InterruptedException {
		WampTemplate template = this.context.getBean(WampTemplate.class);
		SessionEvents events = this.context.getBean(SessionEvents.class);
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionJoinedEvent.class);
		assertThat(template.blocking().whoami()).containsEntry("authid", "alice");
		assertThat(template.blocking().call("com.example.caller", String.class)).isEqualTo("alice");

		StepVerifier
			.create(template.changeUser(WampSessionCredentials.of("bob", new TicketAuthenticator("bob-secret"))))
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionLeftEvent.class);
		Object joined = events.events.poll(5, TimeUnit.SECONDS);
		assertThat(joined).isInstanceOf(WampSessionJoinedEvent.class);
		assertThat(((WampSessionJoinedEvent) joined).getInfo().authid()).isEqualTo("bob");
		assertThat(template.blocking().whoami()).containsEntry("authid", "bob");
		// the registration came back on the new session, and now bob answers and calls
		assertThat(template.blocking().call("com.example.caller", String.class)).isEqualTo("bob");
		assertThat(template.getPeer().clients().get(0).options().authid()).isEqualTo("bob");
	}

	@Test
	void openSessionJoinsAsAnotherUserUntilClosed() {
		WampTemplate template = this.context.getBean(WampTemplate.class);
		WampExtraSession extra = template
			.openSession(WampSessionCredentials.of("carol", new TicketAuthenticator("carol-secret")))
			.block(TIMEOUT);
		assertThat(extra).isNotNull();
		try (extra) {
			assertThat(extra.sessionInfo().authid()).isEqualTo("carol");
			assertThat(extra.operations().blocking().whoami()).containsEntry("authid", "carol");
			// carol calls the procedure the peer (alice) registered
			assertThat(extra.operations().blocking().call("com.example.caller", String.class)).isEqualTo("carol");
			// the peer's own sessions stay alice's
			assertThat(template.blocking().whoami()).containsEntry("authid", "alice");
		}
		assertThat(extra.sessionInfo()).isNull();
		assertThat(extra.peer().isJoined()).isFalse();
	}

	@Test
	void openSessionByRouterName() {
		WampPeers peers = WampPeers.of(this.context.getBean(WampPeer.class));
		WampPeer extra = peers
			.openSession("local", WampSessionCredentials.of("bob", new TicketAuthenticator("bob-secret")))
			.block(TIMEOUT);
		try {
			assertThat(extra.name()).isEqualTo("default+bob");
			assertThat(extra.primary().sessionInfo().authid()).isEqualTo("bob");
		}
		finally {
			extra.close(Duration.ZERO).block(TIMEOUT);
		}
	}

	@Test
	void openSessionWithAWrongSecretFails() {
		WampTemplate template = this.context.getBean(WampTemplate.class);
		StepVerifier.create(template.openSession(WampSessionCredentials.of("carol", new TicketAuthenticator("wrong"))))
			.expectError()
			.verify(TIMEOUT);
	}

	/** Answers with the caller's authid. */
	static class Who {

		@WampProcedure(uri = "com.example.caller", discloseCaller = true)
		String caller(InvocationDetails details) {
			return details.caller().authid();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.routerName("local")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "secure")
					.authid("alice")
					.authenticator(new TicketAuthenticator("alice-secret"))
					.reconnect(ReconnectOptions.builder()
						.backoff(BackoffStrategy.fixed(Duration.ofMillis(100)))
						.authFailurePolicy(ReconnectOptions.AuthFailurePolicy.STOP)
						.build())
					.build())
				.shutdownGracePeriod(Duration.ofSeconds(2))
				.build();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer peer) {
			return new WampTemplate(peer);
		}

		@Bean
		Who who() {
			return new Who();
		}

		@Bean
		SessionEvents sessionEvents() {
			return new SessionEvents();
		}

	}

}
