package io.wampspring.sample;

import java.time.Duration;
import java.util.List;

import io.wampspring.client.Payload;
import io.wampspring.client.WampClient;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's {@code com.example.sum_stream}: numbers streamed as progressive call
 * invocations from a plain wamp-client session in every serializer, and a plain call.
 */
@SpringBootTest(properties = "wamp.embedded-router.raw-socket-port=0")
class SumStreamTests {

	private static final Duration TIMEOUT = TestClients.TIMEOUT;

	@DynamicPropertySource
	static void routerPorts(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WampRouter router;

	@Autowired
	private WampTemplate wamp;

	private final TestClients clients = new TestClients();

	@AfterEach
	void leave() {
		this.clients.close();
	}

	@Test
	void sumsTheStreamedNumbersInEverySerializer() {
		await().atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.wamp.blocking()
				.call("wamp.registration.lookup", Long.class, "com.example.sum_stream") != null);
		for (var codec : WampCodecs.all()) {
			WampClient client = this.clients.anonymous(this.router.webSocketUrl(), codec);
			assertThat(client.callProgressive("com.example.sum_stream", Flux.range(1, 10).map(Payload::of))
				.last()
				.block(TIMEOUT)
				.args()).containsExactly(55L);
			assertThat(client.callProgressive("com.example.sum_stream", Flux.just(Payload.of(1), Payload.of(0.5)))
				.last()
				.block(TIMEOUT)
				.args()).containsExactly(1.5);
			assertThat(client.call("com.example.sum_stream", List.of(42)).block(TIMEOUT).args()).containsExactly(42L);
		}
	}

}
