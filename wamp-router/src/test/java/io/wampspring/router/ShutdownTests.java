package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Yield;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown: calls in flight are answered, then every session gets GOODBYE.
 */
class ShutdownTests {

	@Test
	void answersInFlightCallsThenSaysGoodbye() throws Exception {
		WampRouter router = WampRouter.builder()
			.realm("realm1")
			.shutdownTimeout(Duration.ofSeconds(3))
			.webSocket("127.0.0.1", 0, "/ws")
			.build()
			.start();
		try (TestPeer callee = TestPeer.connect(router.webSocketUrl());
				TestPeer caller = TestPeer.connect(router.webSocketUrl())) {
			callee.join("realm1");
			caller.join("realm1");
			callee.register("com.example.slow", Map.of());
			long request = caller.call("com.example.slow", Map.of());
			Invocation invocation = callee.expect(Invocation.class);
			CompletableFuture<Void> stopped = CompletableFuture.runAsync(router::stop);
			// The router waits for the answer of the call in flight.
			callee.expectNothing(Duration.ofMillis(200));
			assertThat(stopped).isNotDone();
			callee.send(new Yield(invocation.requestId(), Map.of(), List.of("done"), Map.of()));
			Result result = caller.expect(Result.class);
			assertThat(result.requestId()).isEqualTo(request);
			assertThat(caller.expect(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
			assertThat(callee.expect(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
			caller.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
			callee.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
			stopped.get();
			assertThat(router.isRunning()).isFalse();
			assertThat(caller.awaitClosed()).isTrue();
			assertThat(callee.awaitClosed()).isTrue();
		}
		finally {
			router.stop();
		}
	}

}
