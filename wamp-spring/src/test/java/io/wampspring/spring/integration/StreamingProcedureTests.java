package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.Payload;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @WampProcedure} methods taking a {@code Flux<T>} of the call's arguments
 * (progressive call invocations), called over the embedded router in every serializer: a
 * sum of streamed numbers, a bidirectional stream, POJO chunks from keyword arguments,
 * and a chunk that does not convert.
 */
class StreamingProcedureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static WampRouter router;

	private static AnnotationConfigApplicationContext context;

	@BeforeAll
	static void start() {
		router = WampRouter.builder()
			.realm("realm1")
			.webSocket("127.0.0.1", 0, "/ws")
			.shutdownTimeout(Duration.ofMillis(500))
			.build()
			.start();
		context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().registerSingleton("router", router);
		context.register(Config.class);
		context.refresh();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		if (router != null) {
			router.stop();
		}
	}

	static Stream<WampCodec> codecs() {
		return WampCodecs.all().stream();
	}

	private static WampClient caller(WampCodec codec) {
		WampClient client = WampClient.create(ClientOptions
			.builder(WebSocketTransport.builder(router.webSocketUrl()).serializers(codec).build(), "realm1")
			.build());
		client.connect().block(TIMEOUT);
		return client;
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void aFluxParameterTakesEveryChunk(WampCodec codec) {
		WampClient caller = caller(codec);
		try {
			CallResult sum = caller.callProgressive("com.example.sum_stream", Flux.range(1, 100).map(Payload::of))
				.last()
				.block(TIMEOUT);
			assertThat(sum.args()).containsExactly(5050L);
			// a plain call is a stream of one
			assertThat(caller.call("com.example.sum_stream", List.of(42)).block(TIMEOUT).args()).containsExactly(42L);

			List<Long> doubled = caller
				.callProgressive("com.example.double_stream", Flux.just(1, 2, 3).map(Payload::of))
				.map((result) -> ((Number) result.args().get(0)).longValue())
				.collectList()
				.block(TIMEOUT);
			assertThat(doubled).containsExactly(2L, 4L, 6L);

			CallResult names = caller.callProgressive("com.example.item_names",
					Flux.just(Payload.of(List.of(), Map.of("name", "tea", "quantity", 1)),
							Payload.of(List.of(), Map.of("name", "cake", "quantity", 2))))
				.last()
				.block(TIMEOUT);
			assertThat(names.args()).containsExactly("tea,cake");

			StepVerifier
				.create(caller.callProgressive("com.example.sum_stream",
						Flux.just(Payload.of(1), Payload.of("not a number"))))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
						(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT)))
				.verify(TIMEOUT);
		}
		finally {
			caller.close().block(TIMEOUT);
		}
	}

	@org.junit.jupiter.api.Test
	void theTemplateStreamsArgumentsAndConvertsResults() {
		WampTemplate template = context.getBean(WampTemplate.class);
		assertThat(template.callProgressive("com.example.sum_stream", Flux.range(1, 10), Long.class).blockLast(TIMEOUT))
			.isEqualTo(55L);
		assertThat(template.callProgressive("com.example.double_stream", Flux.just(5L, 6L), Long.class)
			.collectList()
			.block(TIMEOUT)).containsExactly(10L, 12L);
		assertThat(template
			.callProgressive("com.example.sum_stream", Flux.just(Payload.of(1), Payload.of(2)),
					io.wampspring.client.CallOptions.defaults())
			.last()
			.block(TIMEOUT)
			.args()).containsExactly(3L);
	}

	/** What a chunk carries in its keyword arguments. */
	record Item(String name, int quantity) {
	}

	/** Procedures that read their arguments as a stream. */
	public static class Handlers {

		@WampProcedure(uri = "com.example.sum_stream")
		public Mono<Long> sum(Flux<Long> numbers) {
			return numbers.reduce(0L, Long::sum);
		}

		@WampProcedure(uri = "com.example.double_stream")
		public Flux<Long> doubles(Flux<Long> numbers) {
			return numbers.map((n) -> 2 * n);
		}

		@WampProcedure(uri = "com.example.item_names")
		public Mono<String> names(Flux<Item> items) {
			return items.map(Item::name).collectList().map((list) -> String.join(",", list));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "realm1")
					.reconnect(
							ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(100))).build())
					.build())
				.shutdownGracePeriod(Duration.ofSeconds(2))
				.build();
		}

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer defaultPeer) {
			return new WampTemplate(defaultPeer);
		}

	}

}
