package io.wampspring.spring.integration;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.core.CallRetry;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampSessionJoinedEvent;
import io.wampspring.spring.event.WampSessionLeftEvent;
import io.wampspring.spring.integration.TestHandlers.Calculator;
import io.wampspring.spring.integration.TestHandlers.SessionEvents;
import io.wampspring.spring.peer.WampPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations come back after the router restarts on the same port; a stopping context
 * lets running invocations answer.
 */
class RouterRestartTests {

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
			.realm("realm1")
			.webSocket("127.0.0.1", port, "/ws")
			.shutdownTimeout(Duration.ofMillis(500))
			.build()
			.start();
		this.context = new AnnotationConfigApplicationContext();
		this.context.getBeanFactory().registerSingleton("router", this.router);
		this.context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("app.prefix", "com.example.props", "limits.one", "1")));
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
	void registrationsAreRestoredAfterARouterRestart() throws InterruptedException {
		WampTemplate template = this.context.getBean(WampTemplate.class)
			.withCallRetry(CallRetry.of(20, Duration.ofMillis(50), Duration.ofMillis(200)));
		SessionEvents events = this.context.getBean(SessionEvents.class);
		assertThat(template.blocking().call("com.example.add2", Integer.class, 1, 2)).isEqualTo(3);
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionJoinedEvent.class);

		this.router.stop();
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionLeftEvent.class);
		this.router.start();
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionJoinedEvent.class);

		StepVerifier.create(template.call("com.example.add2", Integer.class, 2, 2))
			.expectNext(4)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aCallThatMayHaveRunIsNotSentAgainAfterATransportLoss() throws InterruptedException {
		WampTemplate template = this.context.getBean(WampTemplate.class)
			.withCallRetry(CallRetry.of(20, Duration.ofMillis(50), Duration.ofMillis(200)));
		Calculator calculator = this.context.getBean(Calculator.class);
		SessionEvents events = this.context.getBean(SessionEvents.class);
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionJoinedEvent.class);
		Mono<String> call = template.call("com.example.once", String.class).cache();
		call.subscribe(null, (error) -> {
		});
		assertThat(calculator.onceStarted.await(5, TimeUnit.SECONDS)).isTrue();

		this.router.stop();
		// retries are on, but the callee may have run it: the caller learns the truth at
		// once
		StepVerifier.create(call)
			.expectErrorSatisfies(
					(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TRANSPORT_LOST))
			.verify(TIMEOUT);
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionLeftEvent.class);
		this.router.start();
		assertThat(events.events.poll(5, TimeUnit.SECONDS)).isInstanceOf(WampSessionJoinedEvent.class);
		// this is the second invocation: the lost call was never sent again
		StepVerifier.create(template.call("com.example.once", String.class))
			.expectNext("again")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(calculator.onceCalls).hasValue(2);
	}

	@Test
	void anIdempotentCallIsRetriedAfterATransportLoss() throws InterruptedException {
		WampTemplate template = this.context.getBean(WampTemplate.class)
			.withCallRetry(CallRetry.of(50, Duration.ofMillis(50), Duration.ofMillis(200))
				.withIdempotentProcedures(List.of(".once")));
		Calculator calculator = this.context.getBean(Calculator.class);
		Mono<String> call = template.call("com.example.once", String.class).cache();
		call.subscribe(null, (error) -> {
		});
		assertThat(calculator.onceStarted.await(5, TimeUnit.SECONDS)).isTrue();

		this.router.stop();
		this.router.start();
		StepVerifier.create(call).expectNext("again").expectComplete().verify(TIMEOUT);
		assertThat(calculator.onceCalls).hasValue(2);
	}

	@Test
	void callRetriesWaitForTheProcedure() {
		WampTemplate template = this.context.getBean(WampTemplate.class)
			.withCallRetry(CallRetry.of(20, Duration.ofMillis(50), Duration.ofMillis(100)));
		Mono<String> call = template.call("com.example.late", String.class);
		Mono<Void> registerLater = Mono.delay(Duration.ofMillis(200))
			.then(template.register("com.example.late", io.wampspring.client.RegisterOptions.defaults(),
					(invocation) -> Mono.just(io.wampspring.client.InvocationResult.of("here"))))
			.then();
		// the call starts first and fails with no_such_procedure until the registration
		// exists
		StepVerifier.create(Mono.zip(call, registerLater.thenReturn(true)).map((both) -> both.getT1()))
			.expectNext("here")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void stoppingTheContextLetsRunningInvocationsAnswer() throws InterruptedException {
		WampClient caller = WampClient.create(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		try {
			caller.connect().block(TIMEOUT);
			Mono<CallResult> pending = caller.call("com.example.slow", List.of(), Map.of(), CallOptions.defaults())
				.cache();
			pending.subscribe(null, (error) -> {
			});
			Calculator calculator = this.context.getBean(Calculator.class);
			assertThat(calculator.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
			this.context.close();
			StepVerifier.create(pending)
				.assertNext((result) -> assertThat(result.arg(0)).isEqualTo("finished"))
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			caller.close().block(TIMEOUT);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "realm1")
					.reconnect(
							ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(100))).build())
					.build())
				.uriPrefix("com.example")
				.shutdownGracePeriod(Duration.ofSeconds(2))
				.build();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer peer) {
			return new WampTemplate(peer);
		}

		@Bean
		Calculator calculator() {
			return new Calculator();
		}

		@Bean
		SessionEvents sessionEvents() {
			return new SessionEvents();
		}

	}

}
