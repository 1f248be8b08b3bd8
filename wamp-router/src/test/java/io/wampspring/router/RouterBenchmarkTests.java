package io.wampspring.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simple throughput benchmark, off by default: two sessions over JSON WebSockets, one
 * caller pipelining calls (a fixed window in flight), one callee answering. Run with
 * {@code ./mvnw -o -pl wamp-router -am test -Dtest=RouterBenchmarkTests -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (see docs/benchmarks.md). The clients run in
 * the same JVM and share the cores, so the figure understates the router.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RouterBenchmarkTests {

	private static final int WINDOW = 500;

	@Test
	void pipelinedCalls() throws Exception {
		WampRouter router = WampRouter.builder().realm("bench").webSocket("127.0.0.1", 0, "/ws").build().start();
		try {
			CountDownLatch registered = new CountDownLatch(1);
			Client callee = new Client(router.webSocketUrl(), (client, text) -> {
				if (text.startsWith("[68,")) {
					int end = text.indexOf(',', 4);
					client.sendText("[70," + text.substring(4, end) + ",{},[1]]");
				}
				else if (text.startsWith("[65,")) {
					registered.countDown();
				}
			});
			callee.sendText("[1,\"bench\",{\"roles\":{\"callee\":{}}}]");
			callee.sendText("[64,1,{},\"com.bench.echo\"]");
			assertThat(registered.await(5, TimeUnit.SECONDS)).isTrue();

			AtomicLong results = new AtomicLong();
			AtomicLong ids = new AtomicLong(1);
			CountDownLatch welcomed = new CountDownLatch(1);
			Client caller = new Client(router.webSocketUrl(), (client, text) -> {
				if (text.startsWith("[50,")) {
					results.incrementAndGet();
					client.sendText("[48," + ids.incrementAndGet() + ",{},\"com.bench.echo\",[1]]");
				}
				else if (text.startsWith("[2,")) {
					welcomed.countDown();
				}
			});
			caller.sendText("[1,\"bench\",{\"roles\":{\"caller\":{}}}]");
			assertThat(welcomed.await(5, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < WINDOW; i++) {
				caller.sendText("[48," + ids.incrementAndGet() + ",{},\"com.bench.echo\",[1]]");
			}
			// Warm up, then measure.
			Thread.sleep(3000);
			long start = System.nanoTime();
			long before = results.get();
			Thread.sleep(5000);
			long count = results.get() - before;
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("BENCHMARK: %.0f routed calls/s (JSON, window %d, %d calls in %.1f s)%n", count / seconds,
					WINDOW, count, seconds);
			assertThat(count).isPositive();
		}
		finally {
			router.stop();
		}
	}

	interface Handler {

		void onText(Client client, String text);

	}

	static final class Client {

		private final Sinks.Many<WebSocketFrame> outbox = Sinks.many().unicast().onBackpressureBuffer();

		Client(String url, Handler handler) {
			HttpClient.create()
				.websocket(WebsocketClientSpec.builder().protocols("wamp.2.json").build())
				.uri(url)
				.handle((in, out) -> {
					Mono<Void> receive = in.receiveFrames()
						.doOnNext((frame) -> handler.onText(this, frame.content().toString(StandardCharsets.UTF_8)))
						.then();
					return Mono.firstWithSignal(receive,
							out.sendObject(this.outbox.asFlux()).then().then(Mono.never()));
				})
				.subscribe();
		}

		void sendText(String text) {
			this.outbox.emitNext(new TextWebSocketFrame(text),
					Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}

	}

}
