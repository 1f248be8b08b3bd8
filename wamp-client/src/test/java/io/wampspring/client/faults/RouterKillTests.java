package io.wampspring.client.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.support.Clients;
import io.wampspring.client.support.LogCapture;
import io.wampspring.client.support.RouterProcess;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router process is killed with SIGKILL while calls flow: no call hangs (each one
 * completes, or fails with transport_lost or not_connected, within a bound), and once the
 * router runs again on the same port every registration and subscription is back. Nothing
 * is logged at ERROR or with a stack trace on the way.
 */
@Timeout(90)
class RouterKillTests {

	private static final Logger logger = LoggerFactory.getLogger(RouterKillTests.class);

	private static final Duration WAIT = Duration.ofSeconds(20);

	// far below the default call timeout (30 s): a call that takes longer hangs
	private static final Duration HANG = Duration.ofSeconds(5);

	private static final int PROCEDURES = 5;

	private static final int TOPICS = 3;

	private static final int WORKERS = 16;

	@TempDir
	Path directory;

	private final Clients clients = new Clients();

	private RouterProcess router;

	private LogCapture logs;

	@AfterEach
	void stop() {
		if (this.logs != null) {
			this.logs.close();
		}
		this.clients.close();
		if (this.router != null) {
			this.router.close();
		}
	}

	@Test
	void aRouterKilledUnderLoadLeavesNoCallHangingAndEveryRegistrationAndSubscriptionIsRestored() throws Exception {
		this.router = new RouterProcess(this.directory).start();
		WampClient callee = connect();
		WampClient caller = connect();
		for (int i = 0; i < PROCEDURES; i++) {
			// a little slow, so that calls are in flight when the router dies
			callee
				.register("com.kill.p" + i, RegisterOptions.defaults(),
						(invocation) -> Mono.delay(Duration.ofMillis(5))
							.thenReturn(InvocationResult.of(invocation.arg(0))))
				.block(WAIT);
		}
		Map<String, List<WampEvent>> events = new ConcurrentHashMap<>();
		for (int i = 0; i < TOPICS; i++) {
			String topic = "com.kill.t" + i;
			List<WampEvent> received = new CopyOnWriteArrayList<>();
			events.put(topic, received);
			callee.subscribe(topic, SubscribeOptions.defaults(), received::add).block(WAIT);
		}

		Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Disposable load = Flux.range(0, WORKERS)
			.flatMap((worker) -> Mono.defer(() -> call(caller, worker))
				.doOnNext((outcome) -> outcomes.computeIfAbsent(outcome, (key) -> new AtomicLong()).incrementAndGet())
				.repeat(running::get), WORKERS)
			.subscribe();
		await().atMost(WAIT).until(() -> count(outcomes, "ok") >= 500);

		this.logs = LogCapture.start();
		this.router.kill();
		await().atMost(WAIT).until(() -> count(outcomes, WampUris.NOT_CONNECTED) >= 50);
		running.set(false);
		// every worker's last call came back: none hangs
		await().atMost(HANG.plusSeconds(5)).until(load::isDisposed);
		logger.info("call outcomes through the kill: {}", outcomes);
		assertThat(outcomes).containsOnlyKeys("ok", WampUris.TRANSPORT_LOST, WampUris.NOT_CONNECTED);
		// calls were in flight when the router died, and they failed at once
		assertThat(count(outcomes, WampUris.TRANSPORT_LOST)).isPositive();

		this.router.start();
		await().atMost(WAIT)
			.until(() -> callee.state() == SessionState.JOINED && caller.state() == SessionState.JOINED);
		assertThat(callee.missing()).isEmpty();
		for (int i = 0; i < PROCEDURES; i++) {
			CallResult result = caller.call("com.kill.p" + i, List.of("back " + i)).block(WAIT);
			assertThat(result.args()).containsExactly("back " + i);
		}
		for (int i = 0; i < TOPICS; i++) {
			String topic = "com.kill.t" + i;
			int before = events.get(topic).size();
			caller.publish(topic, List.of("after restart"), Map.of(), PublishOptions.acknowledged()).block(WAIT);
			await().atMost(WAIT).until(() -> events.get(topic).size() > before);
		}
		// a lost router is an expected condition: no ERROR, no stack trace
		assertThat(this.logs.errorsAndStackTraces()).isEmpty();
	}

	private WampClient connect() {
		return this.clients.connect(ClientOptions.builder(this.router.url(), "realm1")
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(100))).build())
			.build());
	}

	// One call's outcome: "ok", the error URI, or "hung".
	private static Mono<String> call(WampClient caller, int worker) {
		return caller.call("com.kill.p" + (worker % PROCEDURES), List.of(worker))
			.timeout(HANG)
			.map((result) -> "ok")
			.onErrorResume((error) -> {
				String outcome = (error instanceof TimeoutException) ? "hung"
						: (error instanceof WampException wampError) ? wampError.getUri() : error.toString();
				// no busy loop while the router is away
				return Mono.delay(Duration.ofMillis(10)).thenReturn(outcome);
			});
	}

	private static long count(Map<String, AtomicLong> outcomes, String outcome) {
		AtomicLong counter = outcomes.get(outcome);
		return (counter != null) ? counter.get() : 0;
	}

}
