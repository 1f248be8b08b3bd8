package io.wampspring.spring.listener.adapter;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.ObservationRegistry;

import io.wampspring.client.InvocationResult;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.spring.support.WampJsonConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class WampInvocationAdapterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Handlers handlers = new Handlers();

	private final List<String> rejectedBy = new CopyOnWriteArrayList<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		((Logger) LoggerFactory.getLogger(WampInvocationAdapter.class)).addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		((Logger) LoggerFactory.getLogger(WampInvocationAdapter.class)).detachAppender(this.log);
	}

	private WampInvocationAdapter adapter(String name, int concurrency) {
		return adapter(name, new WampHandlerLimits(concurrency, 1000));
	}

	private WampInvocationAdapter adapter(String name, WampHandlerLimits limits) {
		Method method = List.of(Handlers.class.getDeclaredMethods())
			.stream()
			.filter((m) -> m.getName().equals(name))
			.findFirst()
			.orElseThrow();
		WampJsonConverter converter = WampJsonConverter.shared();
		WampOverloadListener overload = new WampOverloadListener() {
			@Override
			public void invocationRejected(String peer, String procedure) {
				WampInvocationAdapterTests.this.rejectedBy.add(peer + " " + procedure);
			}
		};
		return new WampInvocationAdapter(new WampHandlerMethod(this.handlers, method, "com.example." + name, converter),
				new ReturnValueMapper(converter), WampExceptionTranslator.defaults(), limits,
				Schedulers.boundedElastic(), "default", ObservationRegistry.NOOP, null, overload);
	}

	private static Flux<InvocationResult> handle(WampInvocationAdapter adapter, Object... args) {
		return Flux.from(adapter.handle(TestMessages.invocation(List.of(args), Map.of())));
	}

	@Test
	void exceptionsBecomeWampExceptions() {
		StepVerifier.create(handle(adapter("fail", 0))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(WampException.class);
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
			assertThat(((WampException) error).getArgs()).singleElement().asString().doesNotContain("negative");
		}).verify(TIMEOUT);
		// a mapped exception is an expected condition: no WARN line
		assertThat(this.log.list).isEmpty();
	}

	@Test
	void anUnmappedExceptionIsLoggedOnceWithTheCorrelationIdTheCallerGets() {
		AtomicReference<String> correlationId = new AtomicReference<>();
		StepVerifier.create(handle(adapter("broken", 0)))
			.expectErrorSatisfies(
					(error) -> correlationId.set(WampExceptionTranslator.correlationId((WampException) error)))
			.verify(TIMEOUT);
		assertThat(correlationId.get()).isNotNull();
		assertThat(this.log.list).singleElement().satisfies((line) -> {
			assertThat(line.getLevel()).isEqualTo(Level.WARN);
			assertThat(line.getFormattedMessage()).contains("com.example.proc",
					"correlation id " + correlationId.get());
			assertThat(line.getThrowableProxy().getMessage()).isEqualTo("connection to db7.internal refused");
		});
	}

	@Test
	void anInvocationBeyondTheLimitAndTheQueueIsAnsweredUnavailableAtOnce() {
		WampInvocationAdapter adapter = adapter("gate", new WampHandlerLimits(1, 1));
		Mono<List<InvocationResult>> running = handle(adapter, 1).collectList().cache();
		Mono<List<InvocationResult>> waiting = handle(adapter, 2).collectList().cache();
		running.subscribe();
		waiting.subscribe();
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(handle(adapter, 3)).expectErrorSatisfies((error) -> {
				WampException refused = (WampException) error;
				assertThat(refused.getUri()).isEqualTo(WampUris.UNAVAILABLE);
				assertThat((String) refused.getArgs().get(0)).contains("'com.example.proc' is busy",
						"1 invocations run", "1 wait", "concurrency or queue-capacity");
			}).verify(TIMEOUT);
		}
		assertThat(adapter.rejectedCount()).isEqualTo(3);
		assertThat(this.rejectedBy).containsExactly("default com.example.gate", "default com.example.gate",
				"default com.example.gate");
		// logged once for the first refusal, then at most once per interval
		assertThat(this.log.list).singleElement()
			.satisfies((line) -> assertThat(line.getFormattedMessage()).contains("refused 1 invocation(s)",
					"raise its concurrency or queue-capacity"));
		this.handlers.open.tryEmitEmpty();
		StepVerifier.create(Flux.concat(running, waiting).count()).expectNext(2L).expectComplete().verify(TIMEOUT);
		assertThat(adapter.inFlight()).isZero();
	}

	@Test
	void bindingErrorsAreInvalidArguments() {
		StepVerifier.create(handle(adapter("gate", 0), "not a number"))
			.expectErrorSatisfies(
					(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.INVALID_ARGUMENT))
			.verify(TIMEOUT);
	}

	@Test
	void concurrencyLimitQueuesInvocations() {
		WampInvocationAdapter adapter = adapter("gate", 2);
		List<Mono<List<InvocationResult>>> calls = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(handle(adapter, i).collectList().cache());
		}
		calls.forEach(Mono::subscribe);
		// two run, four wait: nothing completes until the gate opens
		assertThat(this.handlers.running.get()).isLessThanOrEqualTo(2);
		this.handlers.open.tryEmitEmpty();
		StepVerifier.create(Flux.concat(calls).count()).expectNext(6L).expectComplete().verify(TIMEOUT);
		assertThat(this.handlers.maxRunning.get()).isEqualTo(2);
		assertThat(adapter.inFlight()).isZero();
	}

	@Test
	void cancelingCancelsTheHandlersPublisher() {
		WampInvocationAdapter adapter = adapter("forever", 1);
		StepVerifier.create(handle(adapter))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(50))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.handlers.canceled).isTrue();
		assertThat(adapter.inFlight()).isZero();
		// the permit came back: the next invocation runs
		this.handlers.canceled.set(false);
		this.handlers.subscribed.set(false);
		StepVerifier.create(handle(adapter))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(50))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.handlers.subscribed).isTrue();
		assertThat(this.handlers.canceled).isTrue();
	}

	@Test
	void awaitIdleCompletesWhenNothingRuns() {
		StepVerifier.create(adapter("gate", 0).awaitIdle(TIMEOUT)).expectComplete().verify(TIMEOUT);
	}

	static class Handlers {

		final Sinks.Empty<Void> open = Sinks.empty();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxRunning = new AtomicInteger();

		final AtomicBoolean canceled = new AtomicBoolean();

		final AtomicBoolean subscribed = new AtomicBoolean();

		Mono<Integer> gate(int value) {
			return Mono.defer(() -> {
				this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
				// decrement before the answer travels on, so the next permitted run
				// cannot overlap
				return this.open.asMono().thenReturn(value).doOnTerminate(this.running::decrementAndGet);
			});
		}

		Flux<Integer> forever() {
			return Flux.<Integer>never()
				.doOnSubscribe((s) -> this.subscribed.set(true))
				.doOnCancel(() -> this.canceled.set(true));
		}

		int fail() {
			throw new IllegalArgumentException("negative");
		}

		int broken() {
			throw new IllegalStateException("connection to db7.internal refused");
		}

	}

}
