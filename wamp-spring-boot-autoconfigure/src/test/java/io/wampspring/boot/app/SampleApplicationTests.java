package io.wampspring.boot.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.wampspring.boot.actuate.endpoint.WampEndpoint;
import io.wampspring.boot.actuate.endpoint.WampEndpoint.HandlerDescriptor;
import io.wampspring.client.CallOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.micrometer.WampListenerContext;
import io.wampspring.spring.micrometer.WampOperation;
import io.wampspring.spring.micrometer.WampTemplateContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with only the auto-configuration, one router entry (the
 * embedded router, in process), annotated beans and handlers declared in properties: it
 * serves and consumes WAMP, reports health, meters and observations, lists its endpoints,
 * and survives a router restart with its registrations restored.
 */
@SpringBootTest(classes = SampleApplication.class, properties = { "wamp.embedded-router.enabled=true",
		"wamp.embedded-router.port=0", "wamp.routers.local.reconnect.backoff-type=fixed",
		"wamp.routers.local.reconnect.backoff-min=50ms", "wamp.defaults.publisher.options.exclude-me=false",
		"wamp.defaults.caller.options.timeout=5s", "wamp.defaults.callee.error-uri=com.example.error.internal",
		"wamp.defaults.callee.exception-uris[io.wampspring.boot.app.NotFoundException]=com.example.error.not_found",
		"wamp.peers.default.roles.callee.registrations[com.example.echo].handler=yamlHandlers#echo",
		"wamp.peers.default.roles.subscriber.subscriptions[com.example.news].handler=yamlHandlers#onNews",
		"wamp.peers.default.roles.subscriber.subscriptions[com.example.news].options.match=prefix",
		"management.endpoints.web.exposure.include=health,wamp" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WampTemplate template;

	@Autowired
	private SampleApplication.Listener listener;

	@Autowired
	private SampleApplication.YamlHandlers yamlHandlers;

	@Autowired
	private SampleApplication.Calculator calculator;

	@Autowired
	private SampleApplication.JoinAnnouncer announcer;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private TestObservationRegistry observations;

	@Autowired
	private WampEndpoint endpoint;

	@Autowired
	private WampRouter router;

	@Autowired
	private CompositeHealthContributor wampHealthContributor;

	@Test
	@Order(1)
	void servesAndConsumesCalls() {
		StepVerifier.create(this.template.call("com.example.add2", Integer.class, 2, 3))
			.expectNext(5)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.template.callProgressive("com.example.countdown", Integer.class, 3))
			.expectNext(3, 2, 1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.template.blocking().call("com.example.shapes.circle", String.class))
			.isEqualTo("com.example.shapes.circle");
		assertThat(this.template.getCallOptions().timeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	@Order(2)
	void errorsAnswerWithTheirUris() {
		assertThat(callError("com.example.find", "k1").getUri()).isEqualTo("com.example.error.not_found");
		WampException broken = callError("com.example.broken");
		assertThat(broken.getUri()).isEqualTo("com.example.error.internal");
		// the caller gets a correlation id to quote, never the exception's text
		assertThat(broken.getArgs()).singleElement().asString().doesNotContain("database");
		assertThat(broken.getKwargs()).containsKey(WampExceptionTranslator.CORRELATION_ID);
		WampException refused = callError("com.example.refuse");
		assertThat(refused.getUri()).isEqualTo("com.example.error.refused");
		assertThat(refused.getArgs()).containsExactly("not today");
		WampException invalid = callError("com.example.add2", "two", 3);
		assertThat(invalid.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(invalid.getKwargs()).containsEntry("parameter", "a").containsEntry("index", 0L);
	}

	@Test
	@Order(2)
	void aJoinListenerMayBlockOnTheTemplate() throws InterruptedException {
		// published on the peer's event thread, not on Reactor's parallel scheduler
		// (BlockHound watches)
		assertThat(this.announcer.announced.poll(5, TimeUnit.SECONDS))
			.matches("wamp-events-default-\\d+ saw \\d+ session\\(s\\)");
	}

	@Test
	@Order(2)
	void aProcedureAtItsLimitAnswersUnavailableAtOnceAndCountsIt() throws InterruptedException {
		Mono<String> first = this.template.call("com.example.busy", String.class).cache();
		first.subscribe(null, (error) -> {
		});
		assertThat(this.calculator.busyStarted.await(5, TimeUnit.SECONDS)).isTrue();
		WampException refused = callError("com.example.busy");
		assertThat(refused.getUri()).isEqualTo(WampUris.UNAVAILABLE);
		assertThat((String) refused.getArgs().get(0)).contains("concurrency or queue-capacity");
		assertThat(this.meters.get("wamp.client.invocations.rejected")
			.tags("peer", "default", "procedure", "com.example.busy")
			.counter()
			.count()).isEqualTo(1);
		this.calculator.busyRelease.countDown();
		StepVerifier.create(first).expectNext("done").expectComplete().verify(TIMEOUT);
	}

	@Test
	@Order(3)
	void publishesAndReceivesEvents() throws InterruptedException {
		StepVerifier.create(this.template.publishAcknowledged("com.example.hello", "hi"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.listener.hellos.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.isEqualTo("hi on com.example.hello");
	}

	@Test
	@Order(4)
	void handlersDeclaredInPropertiesServeLikeAnnotatedOnes() throws InterruptedException {
		assertThat(this.template.blocking().call("com.example.echo", String.class, "ping"))
			.isEqualTo("ping from com.example.echo");
		this.template.blocking().publishAcknowledged("com.example.news.sport", "goal");
		assertThat(this.yamlHandlers.news.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.isEqualTo("goal on com.example.news.sport");
		// the same binding: a value that does not convert names the parameter
		WampException invalid = callError("com.example.echo", List.of(Map.of("x", 1)));
		assertThat(invalid.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(invalid.getKwargs()).containsEntry("parameter", "text");
	}

	@Test
	@Order(5)
	void metersCountCallsInvocationsAndEvents() {
		servesAndConsumesCalls();
		assertThat(this.meters.get("wamp.template")
			.tags("wamp.peer", "default", "messaging.operation", "call", "messaging.destination.name",
					"com.example.add2", "wamp.outcome", "success")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("wamp.listener")
			.tags("messaging.operation", "invocation", "messaging.destination.name", "com.example.add2", "wamp.outcome",
					"success", "error", "none")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		// a pattern registration is tagged by its pattern, not by the called URI
		assertThat(this.meters.get("wamp.listener")
			.tags("messaging.destination.name", "com.example.shapes.")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.find("wamp.listener")
			.tags("messaging.destination.name", "com.example.shapes.circle")
			.timer()).isNull();
		// the handler's exception class and the URI the caller got, never a constant
		// WampException
		assertThat(this.meters.get("wamp.listener")
			.tags("messaging.destination.name", "com.example.find", "wamp.outcome", "error", "wamp.error",
					"com.example.error.not_found", "error", "NotFoundException")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("wamp.template")
			.tags("messaging.destination.name", "com.example.find", "wamp.outcome", "error", "wamp.error",
					"com.example.error.not_found")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("wamp.template")
			.tags("messaging.operation", "publish", "messaging.destination.name", "com.example.hello")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.meters.get("wamp.listener")
				.tags("messaging.operation", "event", "messaging.destination.name", "com.example.hello")
				.timer()
				.count()).isGreaterThanOrEqualTo(1));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.meters.get("wamp.listener")
				.tags("messaging.operation", "event", "messaging.destination.name", "com.example.news")
				.timer()
				.count()).isGreaterThanOrEqualTo(1));
		// the observations are the only timers: nothing else records the same operations
		// again
		assertThat(this.meters.find("wamp.client.calls").meters()).isEmpty();
		assertThat(this.meters.find("wamp.client.invocations").meters()).isEmpty();
		assertThat(this.meters.get("wamp.client.sessions").tags("peer", "default", "state", "joined").gauge().value())
			.isEqualTo(1.0);
	}

	@Test
	@Order(6)
	void observationsAreRecorded() {
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("wamp.template")
				.hasLowCardinalityKeyValue("messaging.system", "wamp")
				.hasLowCardinalityKeyValue("messaging.operation", "call")
				.hasLowCardinalityKeyValue("messaging.destination.name", "com.example.add2"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("wamp.template")
				.hasLowCardinalityKeyValue("messaging.operation", "publish")
				.hasLowCardinalityKeyValue("messaging.destination.name", "com.example.hello"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("wamp.listener")
				.hasLowCardinalityKeyValue("messaging.operation", "invocation")
				.hasLowCardinalityKeyValue("messaging.destination.name", "com.example.shapes.")
				.hasHighCardinalityKeyValue("wamp.uri", "com.example.shapes.circle"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("wamp.listener")
				.hasLowCardinalityKeyValue("messaging.operation", "event")
				.hasLowCardinalityKeyValue("messaging.destination.name", "com.example.news"))
			.hasHandledContextsThatSatisfy((contexts) -> {
				assertThat(contexts).filteredOn(WampTemplateContext.class::isInstance)
					.map(WampTemplateContext.class::cast)
					.anySatisfy((context) -> {
						assertThat(context.getOperation()).isEqualTo(WampOperation.CALL);
						assertThat(context.getErrorUri()).isEqualTo("com.example.error.refused");
					});
				assertThat(contexts).filteredOn(WampListenerContext.class::isInstance)
					.map(WampListenerContext.class::cast)
					.anySatisfy((context) -> assertThat(context.getErrorUri()).isEqualTo("com.example.error.internal"));
			});
	}

	@Test
	@Order(7)
	void theEndpointListsRegistrationsAndSubscriptions() {
		WampEndpoint.WampDescriptor descriptor = this.endpoint.wamp();
		assertThat(descriptor.routers()).containsKey("local");
		assertThat(descriptor.registrations()).extracting(HandlerDescriptor::uri)
			.contains("com.example.add2", "com.example.countdown", "com.example.shapes.", "com.example.echo");
		assertThat(descriptor.registrations()).filteredOn((handler) -> handler.uri().equals("com.example.echo"))
			.singleElement()
			.satisfies((handler) -> {
				assertThat(handler.handler()).isEqualTo("yamlHandlers#echo");
				assertThat(handler.peer()).isEqualTo("default");
				assertThat(handler.sessions()).isEqualTo(1);
			});
		assertThat(descriptor.subscriptions()).extracting(HandlerDescriptor::uri, HandlerDescriptor::match)
			.contains(org.assertj.core.groups.Tuple.tuple("com.example.hello", "exact"),
					org.assertj.core.groups.Tuple.tuple("com.example.news", "prefix"));
	}

	@Test
	@Order(8)
	void survivesARouterRestartWithItsRegistrationsRestored() throws InterruptedException {
		await().atMost(TIMEOUT).until(() -> health().getStatus().equals(Status.UP));
		int joins = this.listener.joins.size();
		assertThat(joins).isGreaterThanOrEqualTo(1);
		this.router.stop();
		await().atMost(TIMEOUT).until(() -> health().getStatus().equals(Status.DOWN));
		assertThat(health().getDetails()).containsEntry("state", "RECONNECTING").containsKeys("attempt", "nextAttempt");
		this.router.start();
		await().atMost(TIMEOUT).until(() -> health().getStatus().equals(Status.UP));
		await().atMost(TIMEOUT).until(() -> this.listener.joins.size() > joins);
		// the router forgot everything: the client registered and subscribed again
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.template.blocking().call("com.example.add2", Integer.class, 20, 22))
				.isEqualTo(42));
		assertThat(this.template.blocking().call("com.example.echo", String.class, "back"))
			.isEqualTo("back from com.example.echo");
		this.template.blocking().publishAcknowledged("com.example.hello", "again");
		assertThat(this.listener.hellos.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.isEqualTo("again on com.example.hello");
		assertThat(this.meters.get("wamp.client.reconnects").functionCounter().count()).isGreaterThanOrEqualTo(1);
	}

	private WampException callError(String procedure, Object... args) {
		return callError(procedure, List.of(args));
	}

	private WampException callError(String procedure, List<?> args) {
		Throwable[] failure = new Throwable[1];
		StepVerifier.create(this.template.call(procedure, args, Map.of(), CallOptions.defaults()))
			.expectErrorSatisfies((error) -> failure[0] = error)
			.verify(TIMEOUT);
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> {
			throw failure[0];
		});
		return (WampException) failure[0];
	}

	private Health health() {
		CompositeHealthContributor peer = (CompositeHealthContributor) this.wampHealthContributor
			.getContributor("default");
		return ((HealthIndicator) peer.getContributor("0")).health();
	}

}
