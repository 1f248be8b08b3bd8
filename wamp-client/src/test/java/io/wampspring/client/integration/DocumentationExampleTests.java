package io.wampspring.client.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of docs/client.md, compiled and run against the embedded router.
 */
class DocumentationExampleTests {

	@Test
	void theClientGuideExampleRuns() {
		WampRouter router = WampRouter.builder()
			.realm(RealmConfig.builder("realm1").anonymous(false).user("joe", "user", "joe-ticket").build())
			.webSocket("127.0.0.1", 0, "/ws")
			.build()
			.start();
		try {
			String url = router.webSocketUrl();
			String ticket = "joe-ticket";
			// --- docs/client.md, from here
			WampClient client = WampClient.create(ClientOptions.builder(url, "realm1")
				.authid("joe")
				.authenticator(new TicketAuthenticator(ticket))
				.reconnect(ReconnectOptions.builder()
					.backoff(BackoffStrategy.jitter(Duration.ofMillis(500), Duration.ofSeconds(120)))
					.maxRetries(-1)
					.build())
				.build());
			client.connect().block(Duration.ofSeconds(10));

			client
				.register("com.example.add2", RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult
							.of(((Number) invocation.arg(0)).longValue() + ((Number) invocation.arg(1)).longValue())))
				.block();
			client
				.register("com.example.countdown", RegisterOptions.defaults(),
						(invocation) -> Flux.range(0, 4).map((i) -> InvocationResult.of(3 - i)))
				.block();
			client
				.subscribe("com.example.onhello", SubscribeOptions.defaults(),
						(event) -> System.out.println("hello " + event.arg(0)))
				.block();

			CallResult sum = client.call("com.example.add2", List.of(2, 3)).block();
			Flux<CallResult> countdown = client.callProgressive("com.example.countdown", List.of(3), Map.of(),
					CallOptions.defaults());
			client.publish("com.example.onhello", List.of("world"), Map.of(), PublishOptions.acknowledged()).block();
			client.stateEvents().subscribe((event) -> System.out.println(event.state() + " " + event.reason()));
			// --- to here
			assertThat(sum.args()).containsExactly(5L);
			assertThat(countdown.map((result) -> result.arg(0)).collectList().block(Duration.ofSeconds(10)))
				.containsExactly(3L, 2L, 1L, 0L);
			client.close().block(Duration.ofSeconds(10));
		}
		finally {
			router.stop();
		}
	}

}
