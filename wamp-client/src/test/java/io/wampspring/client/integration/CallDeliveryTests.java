package io.wampspring.client.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.support.Clients;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a plain call's outcome reaches its subscriber, against the embedded router: on the
 * result scheduler, in bursts that lose nothing, one subscriber's failure confined to
 * itself; and how messages sent from one thread keep their order on the way out.
 */
@Timeout(60)
class CallDeliveryTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final Clients clients = new Clients();

	// one for the class, daemon threads, never disposed: a client's close may still hop
	// onto it from an event loop after the test ended, and a disposed scheduler's
	// executor takes a lock there
	private static final Scheduler results = Schedulers.newParallel("call-results", 2, true);

	private WampRouter router;

	private WampClient callee;

	private WampClient caller;

	@BeforeEach
	void start() {
		this.router = Clients.embeddedRouter();
		this.callee = this.clients.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		this.caller = this.clients
			.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").resultScheduler(results).build());
		this.callee
			.register("com.delivery.echo", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of(invocation.args(), Map.of())))
			.block(WAIT);
	}

	@AfterEach
	void stop() {
		this.clients.close();
		this.router.stop();
	}

	@Test
	void manyCallsInFlightAllCompleteOnTheResultScheduler() {
		Set<String> threads = ConcurrentHashMap.newKeySet();
		List<Long> echoed = Flux.range(0, 3000)
			.flatMap((i) -> this.caller.call("com.delivery.echo", List.of(i)).map((result) -> {
				threads.add(Thread.currentThread().getName());
				return (Long) result.args().get(0);
			}), 512)
			.collectList()
			.block(WAIT);

		assertThat(echoed).hasSize(3000).doesNotHaveDuplicates().allSatisfy((n) -> assertThat(n).isBetween(0L, 2999L));
		assertThat(threads).isNotEmpty().allSatisfy((name) -> assertThat(name).startsWith("call-results"));
	}

	@Test
	void aSubscriberThatThrowsKeepsNoOtherSubscriberFromItsResult() throws InterruptedException {
		int calls = 50;
		CountDownLatch answered = new CountDownLatch(calls);
		for (int i = 0; i < calls; i++) {
			boolean throwing = i % 2 == 0;
			this.caller.call("com.delivery.echo", List.of(i)).subscribe(new Subscriber<CallResult>() {
				@Override
				public void onSubscribe(Subscription subscription) {
					subscription.request(1);
				}

				@Override
				public void onNext(CallResult result) {
					answered.countDown();
					if (throwing) {
						throw new IllegalStateException("a subscriber that breaks the rules");
					}
				}

				@Override
				public void onError(Throwable error) {
				}

				@Override
				public void onComplete() {
				}
			});
		}
		assertThat(answered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		// and the session goes on
		StepVerifier.create(this.caller.call("com.delivery.echo", List.of("after")))
			.assertNext((result) -> assertThat(result.args()).containsExactly("after"))
			.verifyComplete();
	}

	@Test
	void aResultIsHeldUntilTheSubscriberRequestsIt() {
		StepVerifier.create(this.caller.call("com.delivery.echo", List.of("later")), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.thenRequest(1)
			.assertNext((result) -> assertThat(result.args()).containsExactly("later"))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void aCallCanceledBeforeItsResultIsCanceledAtTheCallee() {
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch invoked = new CountDownLatch(1);
		this.callee.register("com.delivery.never", RegisterOptions.defaults(), (invocation) -> {
			invoked.countDown();
			return Mono.<InvocationResult>never().doOnCancel(() -> interrupted.set(true));
		}).block(WAIT);

		Disposable call = this.caller.call("com.delivery.never").subscribe();
		await().atMost(WAIT).until(() -> invoked.getCount() == 0);
		call.dispose();

		await().atMost(WAIT).untilTrue(interrupted);
		// a canceled call leaves nothing behind: the next ones still fit and complete
		StepVerifier.create(this.caller.call("com.delivery.echo", List.of(1))).expectNextCount(1).verifyComplete();
	}

	@Test
	void aCallWithoutAnAnswerTimesOutOnItsOwnAndTheCalleeIsInterrupted() {
		AtomicBoolean interrupted = new AtomicBoolean();
		this.callee
			.register("com.delivery.silent", RegisterOptions.defaults(),
					(invocation) -> Mono.<InvocationResult>never().doOnCancel(() -> interrupted.set(true)))
			.block(WAIT);

		long started = System.nanoTime();
		StepVerifier.create(this.caller.call("com.delivery.silent", List.of(), Map.of(),
				CallOptions.builder().timeout(Duration.ofMillis(200)).build()))
			.expectErrorSatisfies((error) -> {
				assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TIMEOUT);
				assertThat(error.getMessage()).contains("com.delivery.silent", "200 ms");
			})
			.verify(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(190),
				Duration.ofSeconds(5));
		await().atMost(WAIT).untilTrue(interrupted);
		// the other calls of the session are untouched
		StepVerifier.create(this.caller.call("com.delivery.echo", List.of(2))).expectNextCount(1).verifyComplete();
	}

	@Test
	void messagesSentFromOneThreadKeepTheirOrder() throws InterruptedException {
		// fewer events than the subscription's buffer (1,024), so that none is dropped
		int threads = 4;
		int perThread = 200;
		Map<Long, List<Long>> received = new ConcurrentHashMap<>();
		CountDownLatch all = new CountDownLatch(threads * perThread);
		this.callee.subscribe("com.delivery.order", SubscribeOptions.defaults(), (event) -> {
			received.computeIfAbsent((Long) event.args().get(0), (t) -> Collections.synchronizedList(new ArrayList<>()))
				.add((Long) event.args().get(1));
			all.countDown();
		}).block(WAIT);

		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long thread = t;
			Thread sender = new Thread(() -> {
				// each publish is sent when subscribed, without waiting for the one
				// before
				for (long seq = 0; seq < perThread; seq++) {
					this.caller.publish("com.delivery.order", List.of(thread, seq), Map.of(), PublishOptions.defaults())
						.subscribe();
				}
			});
			sender.start();
			senders.add(sender);
		}
		for (Thread sender : senders) {
			sender.join(WAIT.toMillis());
		}

		assertThat(all.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(received).hasSize(threads);
		received.values().forEach((sequence) -> assertThat(sequence).isSorted().hasSize(perThread));
	}

}
