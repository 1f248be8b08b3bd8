package io.wampspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.HistoricEvent;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.router.WampRouter;
import io.wampspring.sample.events.EventCounters;
import io.wampspring.sample.pubsub.RetainedStatus;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's contract for event retention (backend users may retain on
 * com.example.retained), event history (the last 20 events of com.example.onadd) and
 * trust levels (backend 2, frontend 1), as sample-app/README.md shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PubSubFeaturesTests {

	private static final Duration TIMEOUT = TestClients.TIMEOUT;

	@DynamicPropertySource
	static void routerPorts(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WampRouter router;

	@Autowired
	private WampTemplate wamp;

	private final TestClients clients = new TestClients();

	private WampClient backend;

	private WampClient joe;

	@BeforeEach
	void awaitTheSampleAndJoin() {
		await().atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.wamp.blocking()
				.call("wamp.registration.lookup", Long.class, RetainedStatus.STATUS) != null
					&& this.wamp.blocking()
						.call("wamp.subscription.lookup", Long.class, RetainedStatus.RETAINED) != null
					&& this.wamp.blocking().call("wamp.subscription.lookup", Long.class, EventCounters.ON_ADD) != null);
		this.backend = this.clients.ticket(this.router.webSocketUrl(), "john.doe", "123456");
		this.joe = this.clients.ticket(this.router.webSocketUrl(), "joe", "joe-secret");
	}

	@AfterEach
	void leave() {
		this.clients.close();
	}

	@Test
	void backendPublicationsOnComExampleRetainedAreRetained() {
		this.backend
			.publish(RetainedStatus.RETAINED, List.of("green"), Map.of(),
					PublishOptions.builder().acknowledge(true).retain(true).build())
			.block(TIMEOUT);
		// the sample's own subscription receives it live
		await().atMost(TIMEOUT)
			.until(() -> "green".equals(
					((Map<?, ?>) this.joe.call(RetainedStatus.STATUS, List.of()).block(TIMEOUT).arg(0)).get("value")));
		List<WampEvent> events = new CopyOnWriteArrayList<>();
		this.joe.subscribe(RetainedStatus.RETAINED, SubscribeOptions.defaults().withGetRetained(true), events::add)
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> !events.isEmpty());
		assertThat(events.get(0).arg(0)).isEqualTo("green");
		assertThat(events.get(0).retained()).isTrue();
		assertThat(events.get(0).trustlevel()).isEqualTo(2L);
	}

	@Test
	void trustLevelsFollowTheCallersRole() {
		assertThat(this.joe.call(RetainedStatus.TRUSTLEVEL, List.of()).block(TIMEOUT).arg(0)).isEqualTo(1L);
		assertThat(this.backend.call(RetainedStatus.TRUSTLEVEL, List.of()).block(TIMEOUT).arg(0)).isEqualTo(2L);
		WampClient anonymous = this.clients.anonymous(this.router.webSocketUrl());
		assertThat(anonymous.call(RetainedStatus.TRUSTLEVEL, List.of()).block(TIMEOUT).arg(0)).isNull();
	}

	@Test
	void theRouterKeepsTheLast20SumsOfComExampleOnadd() {
		for (int i = 0; i < 25; i++) {
			this.joe.call("com.example.add2", List.of(1000, i)).block(TIMEOUT);
		}
		Subscription onadd = this.joe.subscribe(EventCounters.ON_ADD, SubscribeOptions.defaults(), (event) -> {
		}).block(TIMEOUT);
		List<HistoricEvent> history = onadd.eventHistory(100).block(TIMEOUT);
		assertThat(history).hasSize(20);
		assertThat(history.get(0).arg(0)).isEqualTo(1024L);
		assertThat(this.wamp.eventHistory(EventCounters.ON_ADD, 3).block(TIMEOUT)).extracting((event) -> event.arg(0))
			.containsExactly(1024L, 1023L, 1022L);
		assertThat(this.wamp.blocking().eventHistory(EventCounters.ON_ADD, 1)).extracting((event) -> event.arg(0))
			.containsExactly(1024L);
	}

}
