package io.wampspring.client.faults;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.support.Clients;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller floods a slow handler with 20,000 calls, 2,000 at a time; the callee has small
 * water marks (stop reading at 32 queued invocations, resume at 16). The callee stops
 * reading instead of queueing, the heap measured after GC stays bounded during the flood
 * and returns to where it was, and every call is answered or refused with
 * {@code wamp.error.unavailable}: none is lost or times out. With room above the
 * high-water mark for the messages already requested when reading stops, none is refused
 * at all.
 */
@Timeout(90)
class InvocationFloodTests {

	private static final Logger logger = LoggerFactory.getLogger(InvocationFloodTests.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final int IN_FLIGHT = 2_000;

	private static final long MIB = 1024 * 1024;

	// wamp.error.unavailable from the callee: more invocations running or queued than it
	// takes
	private static final String CALLEE_BUSY = WampUris.UNAVAILABLE + " (callee busy)";

	// wamp.error.unavailable from the caller itself: its connection's send buffer was
	// full, the call was not sent (Netty's default of 64 KiB did that to 5-10 % of a
	// burst of 2,000 calls)
	private static final String CALLER_SEND_BUFFER_FULL = WampUris.UNAVAILABLE + " (caller's send buffer full)";

	private final WampRouter router = Clients.embeddedRouter();

	private final Clients clients = new Clients();

	@AfterEach
	void stop() {
		this.clients.close();
		this.router.stop();
	}

	@Test
	void withRoomForTheMessagesReadBeforeReadingStopsEveryCallIsAnswered() {
		Map<String, AtomicLong> outcomes = flood(128, 20_000);
		// neither the callee refused one nor the caller's send buffer (1 MiB) filled up
		assertThat(outcomes).containsOnlyKeys("ok");
	}

	@Test
	void withoutRoomTheCalleeRefusesSomeAndNoneIsLost() {
		Map<String, AtomicLong> outcomes = flood(32, 5_000);
		assertThat(outcomes).containsKey(CALLEE_BUSY);
	}

	// Flood the slow handler of a callee that stops reading at 32 queued invocations and
	// refuses them beyond maxQueuedInvocations; check what every flood must hold.
	private Map<String, AtomicLong> flood(int maxQueuedInvocations, int calls) {
		WampClient callee = this.clients.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1")
			.limits(ClientLimits.defaults()
				.mutate()
				.inboundWaterMarks(32, 16)
				.maxQueuedInvocations(maxQueuedInvocations)
				.build())
			.build());
		WampClient caller = this.clients.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostRunning = new AtomicInteger();
		// slow: a millisecond of blocking work per call, on the handler scheduler
		callee.register("com.flood.slow", RegisterOptions.defaults(), (invocation) -> Mono.fromCallable(() -> {
			mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(1);
				return InvocationResult.of(invocation.arg(0));
			}
			finally {
				running.decrementAndGet();
			}
		})).block(WAIT);
		caller.call("com.flood.slow", List.of(0)).block(WAIT);

		long before = usedHeapAfterGc();
		Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
		AtomicLong peak = new AtomicLong();
		AtomicInteger done = new AtomicInteger();
		long started = System.nanoTime();
		Flux.range(1, calls)
			.flatMap((i) -> caller.call("com.flood.slow", List.of(i))
				.map((result) -> result.args().get(0).equals((long) i) ? "ok" : "wrong result")
				.onErrorResume((error) -> Mono.just(outcome(error)))
				.doOnNext((outcome) -> {
					outcomes.computeIfAbsent(outcome, (key) -> new AtomicLong()).incrementAndGet();
					// the heap with the flood in full swing, at a quarter, half and three
					// quarters
					if (done.incrementAndGet() % (calls / 4) == 0 && done.get() < calls) {
						peak.accumulateAndGet(usedHeapAfterGc(), Math::max);
					}
				}), IN_FLIGHT)
			.blockLast(Duration.ofSeconds(60));
		long millis = (System.nanoTime() - started) / 1_000_000;
		long after = usedHeapAfterGc();

		logger.info(
				"{} calls ({} at a time, callee refusing beyond {} queued) in {} ms: {}; at most {} handlers ran at"
						+ " once; used heap after GC: {} KiB before, {} KiB at most during, {} KiB after",
				calls, IN_FLIGHT, maxQueuedInvocations, millis, outcomes, mostRunning.get(), before / 1024,
				peak.get() / 1024, after / 1024);
		assertThat(outcomes.keySet()).isSubsetOf("ok", CALLEE_BUSY, CALLER_SEND_BUFFER_FULL);
		assertThat(outcomes.values().stream().mapToLong(AtomicLong::get).sum()).isEqualTo(calls);
		assertThat(outcomes.get("ok").get()).isPositive();
		assertThat(mostRunning.get()).isLessThanOrEqualTo(maxQueuedInvocations);
		assertThat(callee.state()).isEqualTo(SessionState.JOINED);
		// 2,000 calls in flight cost the caller and the router a few MiB; a callee that
		// queued the flood instead of pausing would hold far more
		assertThat(peak.get() - before).isLessThan(48 * MIB);
		assertThat(after - before).isLessThan(8 * MIB);
		return outcomes;
	}

	private static String outcome(Throwable error) {
		if (!(error instanceof WampException wampError)) {
			return error.toString();
		}
		if (WampUris.UNAVAILABLE.equals(wampError.getUri())) {
			if (!wampError.getArgs().isEmpty()
					&& String.valueOf(wampError.getArgs().get(0)).startsWith("the callee is busy")) {
				return CALLEE_BUSY;
			}
			if (String.valueOf(wampError.getMessage()).contains("is not writable")) {
				return CALLER_SEND_BUFFER_FULL;
			}
		}
		return wampError.getUri() + ": " + wampError.getMessage();
	}

	// also called on a parallel thread (where the caller gets its results) while the
	// flood runs
	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
