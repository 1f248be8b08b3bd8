package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The peers stop in parallel and off the lifecycle thread: with an invocation running on
 * each of two peers, both wait out their grace period at the same time, and Spring's
 * lifecycle processor is told through the callback.
 */
class WampPeersLifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class))
		.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
				"wamp.peers.a.pool-size=1", "wamp.peers.b.pool-size=1", "wamp.shutdown-grace-period=4s");

	@Test
	void peersStopInParallelWithoutHoldingTheLifecycleThread() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WampPeers peers = context.getBean(WampPeers.class);
			WampPeer a = peers.get("a");
			WampPeer b = peers.get("b");
			await().atMost(TIMEOUT).until(() -> a.isJoined() && b.isJoined());
			AtomicInteger running = new AtomicInteger();
			for (WampPeer peer : List.of(a, b)) {
				// an invocation that never answers: the peer waits its whole grace period
				// for it
				peer.clients()
					.get(0)
					.register("com.example.hang." + peer.name(), RegisterOptions.defaults(), (invocation) -> {
						running.incrementAndGet();
						return Mono.<InvocationResult>never();
					})
					.block(TIMEOUT);
			}
			WampClient caller = WampClient.create(
					ClientOptions.builder(new InProcessTransport(context.getBean(WampRouter.class), "caller"), "realm1")
						.reconnect(ReconnectOptions.builder().enabled(false).build())
						.build());
			try {
				caller.connect().block(TIMEOUT);
				for (String name : List.of("a", "b")) {
					caller.call("com.example.hang." + name, List.of(), Map.of(), CallOptions.defaults())
						.subscribe(null, (error) -> {
						});
				}
				await().atMost(TIMEOUT).until(() -> running.get() == 2);

				CountDownLatch stopped = new CountDownLatch(1);
				long start = System.nanoTime();
				context.getBean(WampPeersLifecycle.class).stop(stopped::countDown);
				// the lifecycle thread is free at once; the processor waits for the
				// callback
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
				// both peers are leaving at the same time, each waiting for its
				// invocation
				await().atMost(Duration.ofSeconds(2)).until(() -> !a.isRunning() && !b.isRunning());
				assertThat(stopped.getCount()).isOne();
				assertThat(stopped.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
				// one grace period, not two
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
			}
			finally {
				caller.close().block(TIMEOUT);
			}
		});
	}

}
