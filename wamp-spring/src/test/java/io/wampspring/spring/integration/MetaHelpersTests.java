package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.core.MatchLists;
import io.wampspring.spring.core.PeerRegistration;
import io.wampspring.spring.core.PeerSubscription;
import io.wampspring.spring.core.WampRegistrationMeta;
import io.wampspring.spring.core.WampSessionMeta;
import io.wampspring.spring.core.WampSubscriptionMeta;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampRegistrationRevokedEvent;
import io.wampspring.spring.event.WampSubscriptionRevokedEvent;
import io.wampspring.spring.peer.WampPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The typed meta API helpers of {@link WampTemplate} and the revocation events, against
 * the embedded router on a real socket.
 */
class MetaHelpersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static AnnotationConfigApplicationContext context;

	private static WampTemplate template;

	private static WampRouter router;

	private final List<WampClient> others = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() {
		context = new AnnotationConfigApplicationContext(Config.class);
		template = context.getBean(WampTemplate.class);
		router = context.getBean(WampRouter.class);
		template.getPeer().connect().block(TIMEOUT);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@AfterEach
	void closeOthers() {
		this.others.forEach((client) -> client.close().block(TIMEOUT));
	}

	private WampClient other(String authid) {
		WampClient client = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "meta")
			.authid(authid)
			.reconnect(ReconnectOptions.builder().enabled(false).build())
			.build());
		this.others.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

	@Test
	void sessionMeta() {
		WampSessionMeta meta = template.sessionMeta();
		List<WampSessionMeta.SessionDetails> joins = new CopyOnWriteArrayList<>();
		List<WampSessionMeta.SessionLeft> leaves = new CopyOnWriteArrayList<>();
		Disposable joining = meta.onJoin().subscribe(joins::add);
		Disposable leaving = meta.onLeave().subscribe(leaves::add);
		try {
			// the subscriptions are in place once a join is seen
			await().atMost(TIMEOUT).until(() -> {
				other("probe");
				return !joins.isEmpty();
			});
			WampClient victim = other("victim");
			long victimId = victim.sessionInfo().sessionId();
			await().atMost(TIMEOUT).until(() -> joins.stream().anyMatch((j) -> j.session() == victimId));
			assertThat(meta.count().block(TIMEOUT)).isGreaterThanOrEqualTo(2L);
			assertThat(meta.list().block(TIMEOUT)).contains(victimId);
			WampSessionMeta.SessionDetails details = meta.get(victimId).block(TIMEOUT);
			assertThat(details.authrole()).isEqualTo("anonymous");
			assertThat(details.authmethod()).isEqualTo("anonymous");
			assertThat(meta.count(List.of("nobody")).block(TIMEOUT)).isZero();

			meta.kill(victimId).block(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> leaves.stream().anyMatch((l) -> l.session() == victimId));
			assertThat(victim.isJoined()).isFalse();
			assertThatExceptionOfType(WampException.class).isThrownBy(() -> meta.get(victimId).block(TIMEOUT))
				.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_SESSION));
			long own = template.getPeer().primary().sessionInfo().sessionId();
			assertThatExceptionOfType(WampException.class).isThrownBy(() -> meta.kill(own).block(TIMEOUT))
				.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_SESSION));

			WampClient twin = other("twin");
			String twinAuthid = twin.sessionInfo().authid();
			assertThat(meta.killByAuthid(twinAuthid, "com.example.bye", "see you").block(TIMEOUT)).isEqualTo(1L);
			other("x");
			assertThat(meta.killByAuthrole("anonymous", null, null).block(TIMEOUT)).isPositive();
			assertThat(meta.killAll(null, null).block(TIMEOUT)).isZero();
		}
		finally {
			joining.dispose();
			leaving.dispose();
		}
	}

	@Test
	void registrationMetaAndRevocation() {
		Config config = context.getBean(Config.class);
		PeerRegistration registration = template
			.register("com.example.meta.proc", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of(1)))
			.block(TIMEOUT);
		WampRegistrationMeta meta = template.registrationMeta();
		long id = meta.lookup("com.example.meta.proc", MatchPolicy.EXACT).block(TIMEOUT);
		assertThat(meta.match("com.example.meta.proc").block(TIMEOUT)).isEqualTo(id);
		assertThat(meta.match("com.example.meta.none").blockOptional(TIMEOUT)).isEmpty();
		MatchLists lists = meta.list().block(TIMEOUT);
		assertThat(lists.exact()).contains(id);
		WampRegistrationMeta.RegistrationDetails details = meta.get(id).block(TIMEOUT);
		assertThat(details.uri()).isEqualTo("com.example.meta.proc");
		assertThat(details.match()).isEqualTo("exact");
		assertThat(details.invoke()).isEqualTo("single");
		assertThat(meta.countCallees(id).block(TIMEOUT)).isEqualTo(1L);
		assertThat(meta.listCallees(id).block(TIMEOUT))
			.containsExactly(template.getPeer().primary().sessionInfo().sessionId());

		meta.remove(id, "maintenance").block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> !config.registrationsRevoked.isEmpty());
		WampRegistrationRevokedEvent event = config.registrationsRevoked.get(0);
		assertThat(event.getUri()).isEqualTo("com.example.meta.proc");
		assertThat(event.getRegistrationId()).isEqualTo(id);
		assertThat(event.getReason()).isEqualTo("maintenance");
		assertThat(event.isAgain()).isFalse();
		assertThat(registration.registrations().get(0).isRevoked()).isTrue();
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> meta.get(id).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_REGISTRATION));
	}

	@Test
	void subscriptionMetaAndRevocation() {
		Config config = context.getBean(Config.class);
		PeerSubscription subscription = template
			.subscribe("com.example.meta.topic", SubscribeOptions.defaults(), (event) -> {
			})
			.block(TIMEOUT);
		WampSubscriptionMeta meta = template.subscriptionMeta();
		long id = meta.lookup("com.example.meta.topic", MatchPolicy.EXACT).block(TIMEOUT);
		assertThat(meta.match("com.example.meta.topic").block(TIMEOUT)).containsExactly(id);
		assertThat(meta.match("com.example.meta.none").block(TIMEOUT)).isEmpty();
		assertThat(meta.get(id).block(TIMEOUT).uri()).isEqualTo("com.example.meta.topic");
		assertThat(meta.countSubscribers(id).block(TIMEOUT)).isEqualTo(1L);
		assertThat(meta.listSubscribers(id).block(TIMEOUT)).hasSize(1);
		assertThat(meta.list().block(TIMEOUT).exact()).contains(id);

		WampClient other = other("other");
		other.subscribe("com.example.meta.topic", SubscribeOptions.defaults(), (event) -> {
		}).block(TIMEOUT);
		meta.removeSubscriber(id, other.sessionInfo().sessionId(), null).block(TIMEOUT);
		assertThat(meta.countSubscribers(id).block(TIMEOUT)).isEqualTo(1L);
		meta.remove(id, "reshuffle").block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> !config.subscriptionsRevoked.isEmpty());
		assertThat(config.subscriptionsRevoked.get(0).getSubscriptionId()).isEqualTo(id);
		assertThat(config.subscriptionsRevoked.get(0).getReason()).isEqualTo("reshuffle");
		assertThat(subscription.subscriptions().get(0).isRevoked()).isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		final List<WampRegistrationRevokedEvent> registrationsRevoked = new CopyOnWriteArrayList<>();

		final List<WampSubscriptionRevokedEvent> subscriptionsRevoked = new CopyOnWriteArrayList<>();

		@Bean(destroyMethod = "stop")
		WampRouter router() {
			return WampRouter.builder()
				.realm("meta")
				.webSocket("127.0.0.1", 0, "/ws")
				.shutdownTimeout(Duration.ofMillis(500))
				.build()
				.start();
		}

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "meta").authid("admin").build())
				.shutdownGracePeriod(Duration.ofSeconds(1))
				.build();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer peer) {
			return new WampTemplate(peer);
		}

		@EventListener
		void onRevoked(WampRegistrationRevokedEvent event) {
			this.registrationsRevoked.add(event);
		}

		@EventListener
		void onRevoked(WampSubscriptionRevokedEvent event) {
			this.subscriptionsRevoked.add(event);
		}

	}

}
