package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.BlockingWampOperations;
import io.wampspring.spring.core.NexusService;
import io.wampspring.spring.core.NexusUris;
import io.wampspring.spring.core.PeerRegistration;
import io.wampspring.spring.core.PeerSubscription;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampSessionJoinedEvent;
import io.wampspring.spring.integration.TestHandlers.Calculator;
import io.wampspring.spring.integration.TestHandlers.JoinCaller;
import io.wampspring.spring.integration.TestHandlers.Listener;
import io.wampspring.spring.integration.TestHandlers.Person;
import io.wampspring.spring.integration.TestHandlers.SessionEvents;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.peer.PoolType;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.support.WampResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A plain Spring context with {@link EnableWamp}, the embedded router and a pooled peer
 * of two sessions.
 */
class WampAnnotationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static AnnotationConfigApplicationContext context;

	private static WampTemplate template;

	private static BlockingWampOperations blocking;

	@BeforeAll
	static void start() {
		context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("app.prefix", "com.example.props", "limits.one", "1")));
		context.register(Config.class);
		context.refresh();
		template = context.getBean(WampTemplate.class);
		blocking = template.blocking();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void theProceduresOfALazyBeanAreRegisteredWhenTheBeanIsCreated() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.lazy", String.class))
			.satisfies((error) -> assertThat(error.getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE));
		context.getBean(LazyHandlers.class);
		assertThat(blocking.call("com.example.lazy", String.class)).isEqualTo("created on demand");
	}

	@Test
	void positionalArgumentsAndTypedResult() {
		StepVerifier.create(template.call("com.example.add2", Integer.class, 2, 3))
			.expectNext(5)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void kwargDetailsAndCallerIdentity() {
		CallResult result = blocking.call("com.example.greet", List.of(), Map.of("name", "Ann"),
				CallOptions.defaults());
		assertThat((String) result.arg(0)).startsWith("hello Ann (called as com.example.greet by session ")
			.doesNotEndWith("session null)");
	}

	@Test
	void pojoFromKwargsAndPojoResult() {
		CallResult result = blocking.call("com.example.describe", List.of(), Map.of("name", "Bob", "age", 40),
				CallOptions.defaults());
		assertThat(result.arg(0)).isEqualTo(Map.of("summary", "Bob is 40"));
		assertThat(blocking.call("com.example.older", Person.class, new Person("Cy", 30), 2))
			.isEqualTo(new Person("Cy", 32));
	}

	@Test
	void monoVoidAndWampResult() {
		assertThat(blocking.call("com.example.later", String.class, "abc")).isEqualTo("ABC");
		assertThat(blocking.call("com.example.nothing").args()).isEmpty();
		WampResult split = blocking.call("com.example.split", WampResult.class, "a,b,c");
		assertThat(split.args()).containsExactly("a", "b", "c");
		assertThat(split.kwargs()).containsEntry("count", 3L);
		assertThat(blocking.call("com.example.split", new ParameterizedTypeReference<List<String>>() {
		}, "x,y")).containsExactly("x", "y");
	}

	@Test
	void progressiveResults() {
		StepVerifier.create(template.callProgressive("com.example.countdown", Integer.class, 3))
			.expectNext(3, 2, 1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(blocking.callProgressive("com.example.countdown", Long.class, 2)).containsExactly(2L, 1L);
	}

	@Test
	void wampExceptionPassesThroughWithArgsAndKwargs() {
		StepVerifier.create(template.call("com.example.fail.wamp")).expectErrorSatisfies((error) -> {
			WampException wamp = (WampException) error;
			assertThat(wamp.getUri()).isEqualTo("com.example.error.out_of_stock");
			assertThat(wamp.getArgs()).containsExactly("sold out");
			assertThat(wamp.getKwargs()).containsEntry("sku", "a1");
		}).verify(TIMEOUT);
	}

	@Test
	void exceptionsMapToUrisWithoutTheirMessage() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.fail.argument"))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat(ex.getArgs()).singleElement()
					.asString()
					.startsWith("'com.example.fail.argument' failed")
					.doesNotContain("age must be positive");
				assertThat(ex.getKwargs()).containsKey(WampExceptionTranslator.CORRELATION_ID);
			});
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.fail.bug"))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo("com.example.error.internal");
				String correlationId = (String) ex.getKwargs().get(WampExceptionTranslator.CORRELATION_ID);
				assertThat(correlationId).matches("[0-9a-f]{16}");
				assertThat(ex.getArgs()).singleElement()
					.isEqualTo("'com.example.fail.bug' failed (correlation id " + correlationId + ")");
				assertThat(ex.getKwargs()).containsOnlyKeys(WampExceptionTranslator.CORRELATION_ID);
			});
	}

	@Test
	void invalidArgumentsNameTheParameter() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.add2", 2, "three"))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat((String) ex.getArgs().get(0)).contains("argument 1", "'b'", "int", "the string it was given")
					.doesNotContain("three");
				assertThat(ex.getKwargs()).containsEntry("parameter", "b").containsEntry("expected", "int");
			});
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.add2", 2))
			.satisfies((ex) -> assertThat((String) ex.getArgs().get(0)).contains("'b'", "missing"));
	}

	@Test
	void placeholdersAndRelativeUris() {
		assertThat(blocking.call("com.example.props.placeholder", String.class)).isEqualTo("resolved");
		assertThat(blocking.call("com.example.relative.echo", String.class, "abs")).isEqualTo("abs");
		// the template resolves relative URIs too
		assertThat(blocking.call(".relative.echo", String.class, "rel")).isEqualTo("rel");
	}

	@Test
	void prefixRegistrationSeesTheCalledUri() {
		assertThat(blocking.call("com.example.prefixed.anything", String.class))
			.isEqualTo("com.example.prefixed.anything");
	}

	@Test
	void pooledPeerRegistersOnEverySessionWithRoundRobin() {
		Long registration = blocking.call("wamp.registration.lookup", Long.class, "com.example.add2");
		assertThat(registration).isNotNull();
		assertThat(blocking.call("wamp.registration.count_callees", Long.class, registration)).isEqualTo(2L);
	}

	@Test
	void concurrencyLimitIsPerEndpoint() {
		Calculator calculator = context.getBean(Calculator.class);
		List<Mono<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(template.call("com.example.limited", Integer.class, i));
		}
		StepVerifier.create(Flux.merge(calls).collectList())
			.assertNext((values) -> assertThat(values).containsExactlyInAnyOrder(0, 1, 2, 3))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(calculator.maxRunning.get()).isEqualTo(1);
	}

	@Test
	void aBurstBeyondTheLimitAndTheQueueIsAnsweredOrRefusedNoneLost() {
		Calculator calculator = context.getBean(Calculator.class);
		List<Mono<String>> calls = new ArrayList<>();
		AtomicInteger refused = new AtomicInteger();
		for (int i = 0; i < 10; i++) {
			Mono<String> call = template.call("com.example.gated", Integer.class, i)
				.map((value) -> "answered")
				.onErrorResume(WampException.class, (ex) -> {
					assertThat(ex.getUri()).isEqualTo(WampUris.UNAVAILABLE);
					refused.incrementAndGet();
					return Mono.just("refused");
				})
				.cache();
			call.subscribe();
			calls.add(call);
		}
		// one runs and two wait on the router's two sessions alike: seven are refused at
		// once
		await().atMost(TIMEOUT).untilAtomic(refused, equalTo(7));
		calculator.gateOpen.countDown();
		StepVerifier.create(Flux.concat(calls).collectList())
			.assertNext((outcomes) -> assertThat(outcomes).containsOnly("answered", "refused")
				.filteredOn("answered"::equals)
				.hasSize(3))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void canceledCallInterruptsTheHandlersPublisher() throws InterruptedException {
		Calculator calculator = context.getBean(Calculator.class);
		StepVerifier
			.create(template.call("com.example.forever", List.of(), Map.of(),
					CallOptions.builder().timeout(Duration.ofMillis(200)).build()))
			.expectErrorSatisfies((error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TIMEOUT))
			.verify(TIMEOUT);
		assertThat(calculator.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void eventsReachSubscribers() throws InterruptedException {
		Listener listener = context.getBean(Listener.class);
		PublishOptions options = PublishOptions.builder().acknowledge(true).excludeMe(false).build();
		StepVerifier.create(template.publish("com.example.onhello", List.of("hi"), Map.of(), options))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(listener.received.poll(5, TimeUnit.SECONDS)).isEqualTo("hi@com.example.onhello");
		blocking.publish("com.example.people.new", List.of(), Map.of("name", "Dee", "age", 20), options);
		assertThat(listener.received.poll(5, TimeUnit.SECONDS)).isEqualTo("Dee@com.example.people.new");
		// one subscription per peer, not per session: no duplicate
		assertThat(listener.received.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void runTimeRegistrationAndSubscription() throws InterruptedException {
		PeerRegistration registration = blocking.register("com.example.runtime", RegisterOptions.defaults(),
				(invocation) -> Mono.just(InvocationResult.of("runtime " + invocation.arg(0))));
		assertThat(registration.registrations()).hasSize(2);
		assertThat(blocking.call("com.example.runtime", String.class, 1)).isEqualTo("runtime 1");
		blocking.unregister(registration);
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.runtime"))
			.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE));

		java.util.concurrent.BlockingQueue<Object> events = new java.util.concurrent.LinkedBlockingQueue<>();
		PeerSubscription subscription = blocking.subscribe("com.example.runtime.topic", SubscribeOptions.defaults(),
				(event) -> events.add(event.arg(0)));
		blocking.publish("com.example.runtime.topic", List.of("e1"), Map.of(),
				PublishOptions.builder().acknowledge(true).excludeMe(false).build());
		assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("e1");
		blocking.unsubscribe(subscription);
	}

	@Test
	void nexusHelpersAgainstTheRouter() {
		Map<String, Object> me = blocking.whoami();
		assertThat(me).containsKeys("authid", "authrole", "session");
		assertThat(blocking.metadataSet("color", "blue")).isEqualTo("blue");
		assertThat(blocking.metadataGet("color", String.class)).isEqualTo("blue");
		assertThat(blocking.metadataList()).extractingByKey("color")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("value", "blue");
		assertThat(blocking.metadataDelete("color")).isTrue();
		assertThat(blocking.metadataGet("color", String.class)).isNull();
		assertThat(blocking.rosterRegister("workers", Map.of("name", "w1"), List.of("*")))
			.containsEntry("name", "workers")
			.containsEntry("data", Map.of("name", "w1"));
		assertThat(blocking.rosterQuery("workers", Map.class)).contains(Map.of("name", "w1"));
		// the overridden OTP service URI reaches the bean registered there
		assertThat(blocking.otpCreate(Map.of())).containsEntry("plaintext_key", "otp-123");
		// an anonymous session holds no API keys and may not create one
		assertThat(blocking.apikeysList()).isEmpty();
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.apikeysCreate(Map.of()))
			.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED));
	}

	@Test
	void aJoinListenerMayCallThroughTheBlockingTemplate() throws InterruptedException {
		JoinCaller joinCaller = context.getBean(JoinCaller.class);
		for (int i = 0; i < 2; i++) {
			// published on the peer's event thread, where blocking is allowed (BlockHound
			// watches)
			assertThat(joinCaller.results.poll(5, TimeUnit.SECONDS))
				.matches("wamp-events-default-\\d+ saw \\d+ session\\(s\\)");
		}
	}

	@Test
	void aPoolRegistrationThatFailsOnOneSessionIsUndoneOnTheOthers() {
		WampRouter router = context.getBean(WampRouter.class);
		ClientOptions options = ClientOptions.builder(router.webSocketUrl(), "realm1").build();
		WampClient joined = WampClient.create(options);
		WampClient down = WampClient.create(options);
		joined.connect().block(TIMEOUT);
		try {
			WampTemplate half = new WampTemplate(WampPeer.builder("half").clients(joined, down).build());
			StepVerifier
				.create(half.register("com.example.half", RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult.of("served"))))
				.expectErrorSatisfies(
						(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.NOT_CONNECTED))
				.verify(TIMEOUT);
			// the joined session's registration was withdrawn: nothing serves the
			// procedure
			assertThat(blocking.call("wamp.registration.lookup", Long.class, "com.example.half")).isNull();
			assertThatExceptionOfType(WampException.class).isThrownBy(() -> blocking.call("com.example.half"))
				.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE));
		}
		finally {
			joined.close().block(TIMEOUT);
		}
	}

	@Test
	void joinEventsWerePublished() {
		SessionEvents events = context.getBean(SessionEvents.class);
		assertThat(events.events).filteredOn(WampSessionJoinedEvent.class::isInstance)
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((event) -> assertThat(((WampSessionJoinedEvent) event).getPeerName()).isEqualTo("default"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		@Bean(destroyMethod = "stop")
		WampRouter router() {
			return WampRouter.builder()
				.realm("realm1")
				.webSocket("127.0.0.1", 0, "/ws")
				.servicePrefix("com.izaber.wamp")
				.build()
				.start();
		}

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "realm1")
					.reconnect(
							ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(100))).build())
					.build())
				.poolSize(2)
				.poolType(PoolType.ROUND_ROBIN)
				.uriPrefix("com.example")
				.shutdownGracePeriod(Duration.ofSeconds(2))
				.build();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer peer) {
			return new WampTemplate(peer).withNexusUris(NexusUris.withPrefix("com.izaber.wamp")
				.override(NexusService.OTP_CREATE, "com.example.otp.create"));
		}

		@Bean
		WampExceptionTranslator wampExceptionTranslator() {
			return WampExceptionTranslator.builder().defaultUri("com.example.error.internal").build();
		}

		@Bean
		Calculator calculator() {
			return new Calculator();
		}

		@Bean
		Listener listener() {
			return new Listener();
		}

		@Bean
		SessionEvents sessionEvents() {
			return new SessionEvents();
		}

		@Bean
		JoinCaller joinCaller(ObjectProvider<WampTemplate> template) {
			return new JoinCaller(template);
		}

		@Bean
		@Lazy
		LazyHandlers lazyHandlers() {
			return new LazyHandlers();
		}

	}

	/** Created only when asked for: its procedure is registered then. */
	static class LazyHandlers {

		@WampProcedure("com.example.lazy")
		String lazy() {
			return "created on demand";
		}

	}

}
