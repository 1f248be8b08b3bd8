package io.wampspring.client.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
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
import reactor.core.publisher.Mono;

import static io.wampspring.client.support.Waits.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A thousand times: a callee's session is killed by the router (meta API
 * {@code wamp.session.kill}, from a second client) and the application removes a
 * registration and a subscription while the client reconnects and restores, at a
 * different moment each time. Afterwards the router holds neither (meta API lookups) and
 * a call to the removed procedure answers no_such_procedure: no ghost registration.
 */
@Timeout(60)
class RestoreStressTests {

	private static final Logger logger = LoggerFactory.getLogger(RestoreStressTests.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final int ITERATIONS = 1_000;

	// kept across the iterations, so that every restore has work to do
	private static final int KEPT = 5;

	private final WampRouter router = Clients.embeddedRouter();

	private final Clients clients = new Clients();

	private WampClient callee;

	private WampClient admin;

	private final List<SessionState> events = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.clients.close();
		this.router.stop();
	}

	@Test
	void registrationsAndSubscriptionsRemovedDuringARestoreLeaveNoGhostAtTheRouter() {
		this.callee = this.clients.create(ClientOptions.builder(this.router.webSocketUrl(), "realm1")
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(1))).build())
			.build());
		this.admin = this.clients.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		this.callee.stateEvents().subscribe((event) -> this.events.add(event.state()));
		this.callee.connect().block(WAIT);
		for (int i = 0; i < KEPT; i++) {
			this.callee
				.register("com.stress.kept" + i, RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult.of("kept")))
				.block(WAIT);
			this.callee.subscribe("com.stress.keptTopic" + i, SubscribeOptions.defaults(), (event) -> {
			}).block(WAIT);
		}
		Map<String, AtomicLong> unregisterOutcomes = new ConcurrentHashMap<>();

		long started = System.nanoTime();
		for (int i = 0; i < ITERATIONS; i++) {
			String procedure = "com.stress.p" + i;
			String topic = "com.stress.t" + i;
			Registration registration = this.callee
				.register(procedure, RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult.of("ghost")))
				.block(WAIT);
			Subscription subscription = this.callee.subscribe(topic, SubscribeOptions.defaults(), (event) -> {
			}).block(WAIT);
			// the moment of the removal: 0 right after the kill, 1 once the loss was
			// seen, 2 once the next attempt started, 3 after a random pause of up to 2 ms
			int moment = i % 4;
			int before = this.events.size();
			long killed = this.callee.sessionInfo().sessionId();
			this.admin.call("wamp.session.kill", List.of(killed)).block(WAIT);
			if (moment == 1 || moment == 2) {
				SessionState state = (moment == 1) ? SessionState.RECONNECTING : SessionState.CONNECTING;
				soon(WAIT).until(() -> since(before).contains(state));
			}
			else if (moment == 3) {
				sleep(ThreadLocalRandom.current().nextInt(3));
			}
			Mono.when(outcome(registration.unregister(), unregisterOutcomes),
					outcome(subscription.unsubscribe(), unregisterOutcomes))
				.block(WAIT);

			// the state and the session are two fields: read the session once, null while
			// lost
			soon(WAIT).until(() -> {
				io.wampspring.client.SessionInfo info = this.callee.sessionInfo();
				return this.callee.state() == SessionState.JOINED && info != null && info.sessionId() != killed;
			});
			assertThat(lookup("wamp.registration.lookup", procedure)).as("registration of %s", procedure).isNull();
			assertThat(lookup("wamp.subscription.lookup", topic)).as("subscription to %s", topic).isNull();
			assertThatExceptionOfType(WampException.class)
				.isThrownBy(() -> this.admin.call(procedure, List.of()).block(WAIT))
				.satisfies((error) -> assertThat(error.getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE));
		}
		logger.info("{} kill/remove/restore iterations in {} ms; unregister and unsubscribe outcomes: {}", ITERATIONS,
				(System.nanoTime() - started) / 1_000_000, unregisterOutcomes);
		// a removal whose session died meanwhile is done too: the router dropped the
		// session's
		assertThat(unregisterOutcomes).containsOnlyKeys("ok");

		// what was not removed was restored every time
		assertThat(this.callee.state()).isEqualTo(SessionState.JOINED);
		for (int i = 0; i < KEPT; i++) {
			assertThat(lookup("wamp.registration.lookup", "com.stress.kept" + i)).isNotNull();
			assertThat(lookup("wamp.subscription.lookup", "com.stress.keptTopic" + i)).isNotNull();
		}
		assertThat(this.admin.call("com.stress.kept0").block(WAIT).args()).containsExactly("kept");
	}

	private List<SessionState> since(int index) {
		List<SessionState> all = List.copyOf(this.events);
		return all.subList(index, all.size());
	}

	private Object lookup(String metaProcedure, String uri) {
		CallResult result = this.admin.call(metaProcedure, List.of(uri)).block(WAIT);
		return result.args().get(0);
	}

	private static Mono<Void> outcome(Mono<Void> removal, Map<String, AtomicLong> outcomes) {
		return removal.then(Mono.fromRunnable(() -> count(outcomes, "ok"))).onErrorResume((error) -> {
			count(outcomes, (error instanceof WampException wampError) ? wampError.getUri() : error.toString());
			return Mono.empty();
		}).then();
	}

	private static void count(Map<String, AtomicLong> outcomes, String outcome) {
		outcomes.computeIfAbsent(outcome, (key) -> new AtomicLong()).incrementAndGet();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
