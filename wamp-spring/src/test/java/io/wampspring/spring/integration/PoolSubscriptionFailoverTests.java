package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.support.EventDetails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pool's subscriptions move to a surviving session when the subscribing session leaves
 * (killed through the session meta API of the embedded router), and stay there, without a
 * duplicate delivery, when it comes back.
 */
class PoolSubscriptionFailoverTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final String TOPIC = "com.example.failover";

	private static AnnotationConfigApplicationContext context;

	private static WampRouter router;

	private static WampPeer peer;

	private static WampClient admin;

	@BeforeAll
	static void start() {
		context = new AnnotationConfigApplicationContext(Config.class);
		router = context.getBean(WampRouter.class);
		peer = context.getBean(WampPeer.class);
		admin = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "pool").build());
		admin.connect().block(TIMEOUT);
	}

	@AfterAll
	static void stop() {
		admin.close().block(TIMEOUT);
		context.close();
	}

	private static long publish(String value) {
		return admin.publish(TOPIC, List.of(value), Map.of(), PublishOptions.acknowledged()).block(TIMEOUT);
	}

	private static long subscribers() {
		WampTemplate template = context.getBean(WampTemplate.class);
		long id = template.subscriptionMeta().lookup(TOPIC, MatchPolicy.EXACT).block(TIMEOUT);
		return template.subscriptionMeta().countSubscribers(id).block(TIMEOUT);
	}

	@Test
	void subscriptionsMoveWhenSessionZeroLeavesAndStayWhenItReturns() {
		Handler handler = context.getBean(Handler.class);
		await().atMost(TIMEOUT).until(() -> subscribers() == 1);
		assertThat(peer.subscriptionHolder()).isZero();
		long first = publish("before");
		await().atMost(TIMEOUT).until(() -> handler.publications.contains(first));

		long sessionZero = peer.clients().get(0).sessionInfo().sessionId();
		admin.call("wamp.session.kill", List.of(sessionZero)).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> peer.subscriptionHolder() != 0);
		assertThat(peer.subscriptionMoves()).isEqualTo(1);
		// events reach the pool again once the move is confirmed
		await().atMost(TIMEOUT).until(() -> handler.publications.contains(publish("during")));

		// session 0 comes back; the subscription stays where it is
		await().atMost(TIMEOUT).until(() -> peer.clients().get(0).isJoined());
		assertThat(peer.subscriptionHolder()).isNotZero();
		await().atMost(TIMEOUT).until(() -> subscribers() == 1);
		long last = publish("after");
		await().atMost(TIMEOUT).until(() -> handler.publications.contains(last));
		// every publication reached the pool once
		assertThat(handler.publications).doesNotHaveDuplicates();
		assertThat(peer.subscriptionMoves()).isEqualTo(1);
	}

	static class Handler {

		final List<Long> publications = new CopyOnWriteArrayList<>();

		@WampSubscribe(TOPIC)
		void onEvent(String value, EventDetails details) {
			this.publications.add(details.publication());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		@Bean(destroyMethod = "stop")
		WampRouter router() {
			return WampRouter.builder()
				.realm("pool")
				.webSocket("127.0.0.1", 0, "/ws")
				.shutdownTimeout(Duration.ofMillis(500))
				.build()
				.start();
		}

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "pool")
					.reconnect(
							ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(300))).build())
					.build())
				.poolSize(3)
				.shutdownGracePeriod(Duration.ofSeconds(1))
				.build();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer peer) {
			return new WampTemplate(peer);
		}

		@Bean
		Handler handler() {
			return new Handler();
		}

	}

}
