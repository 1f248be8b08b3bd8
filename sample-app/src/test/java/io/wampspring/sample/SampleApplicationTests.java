package io.wampspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.WampClient;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.router.WampRouter;
import io.wampspring.sample.events.EventCounters;
import io.wampspring.sample.procedures.ExampleProcedures;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a whole, on random ports: procedures called through a plain wamp-client
 * session as anonymous and as joe (ticket), cancel, the role rules, events counted, the
 * serializers on both transports, and the Actuator endpoints over HTTP. The procedures'
 * results, progressive results, errors and the disclosed caller are tested in the
 * {@code @WampTest} slice ({@link SampleProcedureTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wamp.embedded-router.raw-socket-port=0", "sample.countdown-interval=20ms",
				"sample.timeout.registration=300", "sample.timeout.work=5s" })
@AutoConfigureWebTestClient
class SampleApplicationTests {

	private static final Duration TIMEOUT = TestClients.TIMEOUT;

	private static final List<String> PROCEDURES = List.of("com.example.add2", "com.example.echo",
			"com.example.multiple", "com.example.circular", "com.example.countdown", "com.example.slow",
			"com.example.validation_error", "com.example.notfound_error", "com.example.authorization_error",
			"com.example.service_error", "com.example.unknown_error", "com.example.timeout", "com.example.whoami");

	@DynamicPropertySource
	static void routerPorts(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WampRouter router;

	@Autowired
	private WampTemplate wamp;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private WebTestClient http;

	@Autowired
	private ExampleProcedures procedures;

	private final TestClients clients = new TestClients();

	private WampClient anonymous;

	private WampClient joe;

	@BeforeEach
	void awaitTheSampleAndJoin() {
		// the service session joins and registers in the background after the context
		// started
		await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
			for (String procedure : PROCEDURES) {
				if (this.wamp.blocking().call("wamp.registration.lookup", Long.class, procedure) == null) {
					return false;
				}
			}
			return this.wamp.blocking().call("wamp.subscription.lookup", Long.class, EventCounters.ON_HELLO) != null
					&& this.wamp.blocking().call("wamp.subscription.lookup", Long.class, EventCounters.ON_ADD) != null;
		});
		this.anonymous = this.clients.anonymous(this.router.webSocketUrl());
		this.joe = this.clients.ticket(this.router.webSocketUrl(), "joe", "joe-secret");
	}

	@AfterEach
	void leave() {
		this.clients.close();
	}

	@Test
	void serviceSessionIsABackendUserOverWebSocket() {
		Map<String, Object> me = this.wamp.blocking().whoami();
		assertThat(me).containsEntry("authid", "john.doe").containsEntry("authrole", "backend");
		assertThat(this.wamp.getPeer().clients().get(0).options().transport().describe())
			.isEqualTo(this.router.webSocketUrl());
	}

	@Test
	void echoAndCircularReturnArgsAndKwargsUnchanged() {
		List<Object> args = List.of("a", 1L, 2.5, true, List.of("x", 2L), Map.of("k", "v"));
		Map<String, Object> kwargs = Map.of("name", "joe", "nested", Map.of("n", 1L));
		for (WampClient client : List.of(this.anonymous, this.joe)) {
			for (String procedure : List.of("com.example.echo", "com.example.circular")) {
				CallResult result = client.call(procedure, args, kwargs, CallOptions.defaults()).block(TIMEOUT);
				assertThat(result.args()).as(procedure).isEqualTo(args);
				assertThat(result.kwargs()).as(procedure).isEqualTo(kwargs);
			}
		}
	}

	@Test
	void countdownWaitsForDemand() {
		// ten intervals without demand: a countdown that ticks regardless (Flux.interval)
		// fails here
		StepVerifier.create(this.procedures.countdown(3), 1)
			.expectNext(3L)
			.expectNoEvent(Duration.ofMillis(200))
			.thenRequest(Long.MAX_VALUE)
			.expectNext(2L, 1L, 0L)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void canceledCountdownStops() {
		double before = canceled("com.example.countdown");
		StepVerifier
			.create(this.joe.callProgressive("com.example.countdown", List.of(10_000), Map.of(), CallOptions.defaults())
				.take(2))
			.expectNextCount(2)
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> canceled("com.example.countdown") >= before + 1);
	}

	@Test
	void slowReturnsItsWaitAndHonoursCancel() {
		assertThat(call(this.anonymous, "com.example.slow", List.of(50)).args()).containsExactly(50L);
		double before = canceled("com.example.slow");
		CallOptions shortTimeout = CallOptions.builder().timeout(Duration.ofMillis(200)).build();
		assertThatExceptionOfType(WampException.class).isThrownBy(
				() -> this.anonymous.call("com.example.slow", List.of(60_000), Map.of(), shortTimeout).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getUri()).isIn(WampUris.TIMEOUT, WampUris.CANCELED));
		await().atMost(TIMEOUT).until(() -> canceled("com.example.slow") >= before + 1);
	}

	@Test
	void timeoutAnswersTimeoutOrCanceled() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(this.anonymous, "com.example.timeout", List.of()))
			.satisfies((ex) -> assertThat(ex.getUri()).isIn(WampUris.TIMEOUT, WampUris.CANCELED));
	}

	@Test
	void rolesLimitWhatEachUserMayDo() {
		// anonymous: call and subscribe under com.example. only
		assertNotAuthorized(() -> call(this.anonymous, "wamp.session.count", List.of()));
		assertNotAuthorized(() -> publish(this.anonymous, EventCounters.ON_HELLO));
		// frontend: call and subscribe under com.example., count sessions, publish
		// nothing
		assertThat(call(this.joe, "wamp.session.count", List.of()).args()).isNotEmpty();
		// least privilege: no role but an operator's may list, inspect or kill other
		// sessions
		long backend = this.wamp.getPeer().clients().get(0).sessionInfo().sessionId();
		for (WampClient client : List.of(this.joe, this.anonymous)) {
			assertNotAuthorized(() -> call(client, "wamp.session.list", List.of()));
			assertNotAuthorized(() -> call(client, "wamp.session.get", List.of(backend)));
			assertNotAuthorized(() -> call(client, "wamp.session.kill", List.of(backend)));
		}
		assertThat(this.wamp.getPeer().clients().get(0).sessionInfo().sessionId()).isEqualTo(backend);
		assertNotAuthorized(() -> call(this.joe, "org.other.procedure", List.of()));
		assertNotAuthorized(() -> publish(this.joe, EventCounters.ON_HELLO));
		assertNotAuthorized(() -> this.joe
			.register("com.example.mine", io.wampspring.client.RegisterOptions.defaults(), (invocation) -> Mono.empty())
			.block(TIMEOUT));
		// the credentials are checked
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.clients.ticket(this.router.webSocketUrl(), "joe", "wrong"));
	}

	private static void assertNotAuthorized(Runnable action) {
		assertThatExceptionOfType(WampException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED));
	}

	@Test
	void eventsAreCountedInMetrics() {
		double before = events(EventCounters.ON_HELLO);
		// the backend may publish: the service session itself, and the HTTP API through
		// it
		this.wamp.blocking()
			.publish(EventCounters.ON_HELLO, List.of("from the test"), Map.of(),
					PublishOptions.builder().acknowledge(true).excludeMe(false).build());
		this.http.post()
			.uri("/api/hello")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("over HTTP")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.publication")
			.isNumber();
		await().atMost(TIMEOUT).until(() -> events(EventCounters.ON_HELLO) >= before + 2);
		this.http.get()
			.uri("/actuator/metrics/sample.events.received?tag=topic:com.example.onhello")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.value(Double.class, (value) -> assertThat(value).isGreaterThanOrEqualTo(before + 2));
	}

	@Test
	void httpApiCallsThroughTheRouter() {
		this.http.get()
			.uri("/api/add2?a=20&b=22")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Long.class)
			.isEqualTo(42L);
	}

	@Test
	void everySerializerOnBothTransports() {
		for (String url : List.of(this.router.webSocketUrl(), this.router.rawSocketUrl())) {
			for (var codec : List.of(WampCodecs.JSON, WampCodecs.MSGPACK, WampCodecs.CBOR)) {
				WampClient client = this.clients.anonymous(url, codec);
				assertThat(call(client, "com.example.add2", List.of(40, 2)).args()).as(url + " " + codec.subprotocol())
					.containsExactly(42L);
			}
		}
	}

	@Test
	void actuatorShowsHealthAndTheWampSession() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.wamp.status")
			.isEqualTo("UP");
		this.http.get()
			.uri("/actuator/wamp")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.routers.sample.url")
			.isEqualTo(this.router.webSocketUrl())
			.jsonPath("$.routers.sample.authid")
			.isEqualTo("john.doe")
			.jsonPath("$.peers.default.sessions[0].state")
			.isEqualTo("JOINED")
			.jsonPath("$.peers.default.sessions[0].authrole")
			.isEqualTo("backend")
			.jsonPath("$..secret")
			.doesNotExist();
	}

	private static CallResult call(WampClient client, String procedure, List<?> args) {
		return client.call(procedure, args, Map.of(), CallOptions.defaults()).block(TIMEOUT);
	}

	private static void publish(WampClient client, String topic) {
		client.publish(topic, List.of("hi"), Map.of(), PublishOptions.acknowledged()).block(TIMEOUT);
	}

	private double events(String topic) {
		return this.meters.get(EventCounters.METER).tag("topic", topic).counter().count();
	}

	private double canceled(String procedure) {
		var counter = Search.in(this.meters)
			.name(ExampleProcedures.CANCELED_METER)
			.tag("procedure", procedure)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
