package io.wampspring.client.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.Payload;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Call;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RouterLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Progressive call invocations between two clients through the embedded router on real
 * sockets, in every serializer: a caller streams a call's arguments as a Flux, the callee
 * reads them as a Flux, both directions at once, cancel mid-stream, and bounds for a
 * callee that falls behind.
 */
class ProgressiveCallInvocationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private final WampRouter router = WampRouter.builder()
		.realm("realm1")
		.webSocket("127.0.0.1", 0, "/ws")
		.rawSocket("127.0.0.1", 0)
		.build()
		.start();

	@AfterEach
	void stop() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
		this.router.stop();
	}

	static Stream<WampCodec> codecs() {
		return WampCodecs.all().stream();
	}

	/** The sample's contract: one number per chunk, the sum as the result. */
	private static Mono<InvocationResult> sum(io.wampspring.client.WampInvocation invocation) {
		return invocation.chunks()
			.map((chunk) -> ((Number) chunk.arg(0)).longValue())
			.reduce(0L, Long::sum)
			.map(InvocationResult::of);
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void streamsTheArgumentsOverWebSocket(WampCodec codec) {
		WampTransport transport = WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build();
		sumsAStream(transport);
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void streamsTheArgumentsOverRawSocket(WampCodec codec) {
		WampTransport transport = RawSocketTransport.builder(this.router.rawSocketUrl()).serializers(codec).build();
		sumsAStream(transport);
	}

	private void sumsAStream(WampTransport transport) {
		WampClient callee = connect(ClientOptions.builder(transport, "realm1").build());
		WampClient caller = connect(ClientOptions.builder(transport, "realm1").build());
		AtomicBoolean progressive = new AtomicBoolean();
		callee.register("com.example.sum_stream", RegisterOptions.defaults(), (invocation) -> {
			progressive.set(invocation.progressive());
			return sum(invocation);
		}).block(TIMEOUT);

		CallResult result = caller
			.callProgressive("com.example.sum_stream", Flux.range(1, 500).map(Payload::of), CallOptions.defaults())
			.last()
			.block(TIMEOUT);
		assertThat(result.args()).containsExactly(125250L);
		assertThat(progressive).isTrue();

		// one chunk streams too (then an empty final CALL); a plain call reads the same
		CallResult one = caller.callProgressive("com.example.sum_stream", Flux.just(Payload.of(42)))
			.last()
			.block(TIMEOUT);
		assertThat(one.args()).containsExactly(42L);
		assertThat(progressive).isTrue();
		CallResult plain = caller.call("com.example.sum_stream", List.of(7)).block(TIMEOUT);
		assertThat(plain.args()).containsExactly(7L);
		assertThat(progressive).isFalse();
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void bothDirectionsStreamAtOnce(WampCodec codec) {
		WampTransport transport = WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build();
		WampClient callee = connect(ClientOptions.builder(transport, "realm1").build());
		WampClient caller = connect(ClientOptions.builder(transport, "realm1").build());
		// an echo that doubles each chunk as a progressive result as soon as it arrives
		callee
			.register("com.example.double", RegisterOptions.defaults(),
					(invocation) -> invocation.chunks()
						.map((chunk) -> InvocationResult.of(2 * ((Number) chunk.arg(0)).longValue())))
			.block(TIMEOUT);
		// ping-pong: the caller sends its next chunk only once the previous one's result
		// came back, so the call could not finish if results waited for the last chunk
		Sinks.Many<Payload> chunks = Sinks.many().unicast().onBackpressureBuffer();
		chunks.tryEmitNext(Payload.of(0));
		AtomicInteger next = new AtomicInteger(1);
		List<Long> results = caller.callProgressive("com.example.double", chunks.asFlux()).doOnNext((result) -> {
			int n = next.getAndIncrement();
			if (n < 10) {
				chunks.tryEmitNext(Payload.of(n));
			}
			else if (n == 10) {
				chunks.tryEmitComplete();
			}
		}).map((result) -> ((Number) result.args().get(0)).longValue()).collectList().block(TIMEOUT);
		assertThat(results).containsExactly(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L);
	}

	@Test
	void cancelingMidStreamInterruptsTheCalleeAndStopsTheChunks() {
		WampClient callee = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		WampClient caller = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		AtomicInteger received = new AtomicInteger();
		AtomicBoolean interrupted = new AtomicBoolean();
		callee
			.register("com.example.endless", RegisterOptions.defaults(),
					(invocation) -> invocation.chunks()
						.doOnNext((chunk) -> received.incrementAndGet())
						.then(Mono.just(InvocationResult.of("done")))
						.doOnCancel(() -> interrupted.set(true)))
			.block(TIMEOUT);
		AtomicInteger produced = new AtomicInteger();
		AtomicBoolean producerCanceled = new AtomicBoolean();
		Flux<Payload> endless = Flux.range(1, Integer.MAX_VALUE)
			.delayElements(Duration.ofMillis(5))
			.map((i) -> Payload.of(produced.incrementAndGet()))
			.doOnCancel(() -> producerCanceled.set(true));
		var subscription = caller.callProgressive("com.example.endless", endless).subscribe(null, (error) -> {
		});
		await().atMost(TIMEOUT).until(() -> received.get() >= 5);
		subscription.dispose();
		await().atMost(TIMEOUT).untilTrue(interrupted);
		await().atMost(TIMEOUT).untilTrue(producerCanceled);
		await().atMost(TIMEOUT).until(() -> this.router.metrics().pendingCalls() == 0);
		int after = received.get();
		assertThat(produced.get()).isLessThan(10_000);
		// nothing more reaches the callee, and no chunk became a new call
		Mono.delay(Duration.ofMillis(200)).block();
		assertThat(received.get()).isLessThanOrEqualTo(after + 1);
	}

	@Test
	void aSlowCalleePausesReadingAndTheRouterBoundFailsOnlyThatCall() {
		WampRouter bounded = WampRouter.builder()
			.realm("realm1")
			.limits(RouterLimits.builder().maxProgressiveBacklogBytes(64 * 1024).build())
			.webSocket("127.0.0.1", 0, "/ws")
			.build()
			.start();
		try {
			ClientLimits small = ClientLimits.defaults()
				.mutate()
				.inboundWaterMarks(16, 8)
				.maxQueuedInvocations(128)
				.build();
			WampClient callee = connect(ClientOptions.builder(bounded.webSocketUrl(), "realm1").limits(small).build());
			WampClient caller = connect(ClientOptions.builder(bounded.webSocketUrl(), "realm1").build());
			AtomicInteger taken = new AtomicInteger();
			callee
				.register("com.example.slow", RegisterOptions.defaults(),
						(invocation) -> invocation.chunks()
							.delayElements(Duration.ofMillis(50))
							.doOnNext((chunk) -> taken.incrementAndGet())
							.count()
							.map(InvocationResult::of))
				.block(TIMEOUT);
			AtomicInteger produced = new AtomicInteger();
			String kilobyte = "x".repeat(1024);
			StepVerifier
				.create(caller.callProgressive("com.example.slow",
						Flux.range(1, 200_000)
							.doOnNext((i) -> produced.incrementAndGet())
							.map((i) -> Payload.of(kilobyte))))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class, (ex) -> {
					assertThat(ex.getUri()).isEqualTo("wamp.error.limit_exceeded");
					assertThat(ex.getMessage()).contains("too slowly", "max-progressive-backlog");
				}))
				.verify(Duration.ofSeconds(60));
			assertThat(produced.get()).isLessThan(200_000);
			// the callee paused reading instead of failing or buffering: it took only a
			// few
			assertThat(taken.get()).isLessThan(1000);
			await().atMost(TIMEOUT).until(() -> bounded.metrics().pendingCalls() == 0);
			// the callee's session went on
			assertThat(callee.state()).isEqualTo(io.wampspring.client.reconnect.SessionState.JOINED);
		}
		finally {
			Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
			this.clients.clear();
			bounded.stop();
		}
	}

	@Test
	void aRouterThatDidNotAnnounceTheFeatureFailsTheCallBeforeSending() {
		try (ScriptedRouter scripted = new ScriptedRouter()
			.dealerFeatures(Map.of("call_canceling", true, "progressive_call_results", true))
			.start()) {
			WampClient caller = connect(ClientOptions.builder(scripted.url(), "realm1").build());
			StepVerifier
				.create(caller.callProgressive("com.example.sum_stream", Flux.just(Payload.of(1), Payload.of(2))))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class, (ex) -> {
					assertThat(ex.getUri()).isEqualTo(WampUris.FEATURE_NOT_SUPPORTED);
					assertThat(ex.getMessage()).contains("progressive_call_invocations");
				}))
				.verify(TIMEOUT);
			assertThat(scripted.takeAll()).noneMatch(Call.class::isInstance);
		}
	}

	@Test
	void helloAnnouncesTheFeatureForCallerAndCallee() {
		Map<String, Map<String, Object>> roles = ClientOptions.defaultRoleFeatures();
		assertThat(roles.get("caller")).containsEntry("progressive_call_invocations", true);
		assertThat(roles.get("callee")).containsEntry("progressive_call_invocations", true)
			.containsEntry("call_canceling", true);
	}

	private WampClient connect(ClientOptions options) {
		WampClient client = WampClient.create(options);
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

}
