package io.wampspring.client.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.Clients;
import io.wampspring.client.support.LogCapture;
import io.wampspring.client.support.SilentRouter;
import io.wampspring.core.WampException;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static io.wampspring.client.support.Waits.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's own lifecycle under stress: closing while a join hangs is quiet and leaves
 * no socket, connect/close cycles do not wait for timeouts, and state events reach
 * listeners on threads where they may block.
 */
class LifecycleTests {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleTests.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	@ParameterizedTest
	@EnumSource(SilentRouter.Mode.class)
	@Timeout(30)
	void closingWhileAJoinHangsLogsNoErrorAndLeavesNoSocket(SilentRouter.Mode mode) {
		try (SilentRouter router = new SilentRouter(mode); LogCapture logs = LogCapture.start()) {
			for (int i = 0; i < 20; i++) {
				int accepted = router.accepted();
				WampClient client = WampClient.create(ClientOptions.builder(router.url(), "realm1").build());
				Mono<?> joining = client.connect().cache();
				joining.subscribe(null, (error) -> {
				});
				// close at a different moment of the attempt each time: before the socket
				// opens, during the transport's handshake, well into the wait for WELCOME
				int moment = i % 3;
				if (moment > 0) {
					soon(WAIT).until(() -> router.accepted() > accepted);
				}
				sleep((moment == 2) ? 50 : ThreadLocalRandom.current().nextInt(5));
				client.close().block(WAIT);

				Throwable failure = joining.map((info) -> (Throwable) new AssertionError("joined " + info))
					.onErrorResume(Mono::just)
					.block(WAIT);
				assertThat(failure).isInstanceOf(WampException.class).hasMessageContaining("closed");
				assertThat(client.state()).isEqualTo(SessionState.CLOSED);
				soon(WAIT).until(() -> router.open() == 0);
			}
			assertThat(logs.errorsAndStackTraces()).isEmpty();
			assertThat(logs.lines()).noneMatch((line) -> line.contains("onErrorDropped"));
		}
	}

	@Test
	@Timeout(60)
	void threeHundredConnectAndCloseCyclesDoNotWaitForTheGoodbyeTimeout() {
		WampRouter router = Clients.embeddedRouter();
		try (LogCapture logs = LogCapture.start()) {
			// the default GOODBYE timeout: a close that waited for it would take 5 s
			WampClient client = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "realm1").build());
			long slowest = 0;
			long started = System.nanoTime();
			for (int i = 0; i < 300; i++) {
				client.connect().block(WAIT);
				long closing = System.nanoTime();
				client.close().block(WAIT);
				slowest = Math.max(slowest, System.nanoTime() - closing);
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			logger.info("300 connect/close cycles in {} ms, slowest close {} ms", millis, slowest / 1_000_000);
			assertThat(Duration.ofNanos(slowest)).isLessThan(client.options().goodbyeTimeout().dividedBy(2));
			assertThat(millis).isLessThan(30_000);
			await().atMost(WAIT).until(() -> router.metrics().sessions() == 0);
			assertThat(logs.errorsAndStackTraces()).isEmpty();
		}
		finally {
			router.stop();
		}
	}

	@Test
	@Timeout(30)
	void stateEventsReachListenersOnThreadsWhereTheyMayBlock() {
		WampRouter router = Clients.embeddedRouter();
		WampClient client = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "realm1")
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(10))).build())
			.build());
		WampClient admin = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "realm1").build());
		List<String> threads = new CopyOnWriteArrayList<>();
		List<SessionState> states = new CopyOnWriteArrayList<>();
		Disposable listening = client.stateEvents().subscribe((SessionStateEvent event) -> {
			threads
				.add(Thread.currentThread().getName() + (Schedulers.isInNonBlockingThread() ? " (non-blocking)" : ""));
			// a listener may block (BlockHound fails the test where it must not)
			sleep(1);
			states.add(event.state());
		});
		try {
			client.connect().block(WAIT);
			admin.connect().block(WAIT);
			long killed = client.sessionInfo().sessionId();
			admin.call("wamp.session.kill", List.of(killed)).block(WAIT);
			await().atMost(WAIT).until(() -> client.isJoined() && client.sessionInfo().sessionId() != killed);
			client.close().block(WAIT);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(states).as("states; threads %s", threads)
					.last()
					.isEqualTo(SessionState.CLOSED));
			assertThat(states).containsSubsequence(SessionState.CONNECTING, SessionState.JOINED,
					SessionState.RECONNECTING, SessionState.CONNECTING, SessionState.JOINED, SessionState.LEAVING,
					SessionState.CLOSED);
			assertThat(threads).allSatisfy((thread) -> assertThat(thread).doesNotContain("non-blocking")
				.doesNotStartWith("parallel-")
				.doesNotStartWith("reactor-"));
		}
		finally {
			listening.dispose();
			admin.close().block(WAIT);
			router.stop();
		}
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
