package io.wampspring.client.integration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.CancelMode;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A program that uses only wamp-client, against the embedded router on real sockets:
 * every serializer over WebSocket, RawSocket, authentication, and a router restart.
 */
class EmbeddedRouterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private WampRouter router = WampRouter.builder()
		.realm("realm1")
		.realm(RealmConfig.builder("secure")
			.anonymous(false)
			.user("joe", "frontend", "joe-secret")
			.role("frontend",
					Permission.prefix("com.example.", Action.CALL, Action.REGISTER, Action.SUBSCRIBE, Action.PUBLISH))
			.build())
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

	@ParameterizedTest
	@MethodSource("codecs")
	void registersCallsPublishesAndSubscribesOverWebSocket(WampCodec codec) {
		WampTransport transport = WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build();
		exerciseEveryRole(transport, transport);
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void registersCallsPublishesAndSubscribesOverRawSocket(WampCodec codec) {
		WampTransport transport = RawSocketTransport.builder(this.router.rawSocketUrl()).serializers(codec).build();
		exerciseEveryRole(transport, transport);
	}

	private void exerciseEveryRole(WampTransport calleeTransport, WampTransport callerTransport) {
		WampClient callee = connect(ClientOptions.builder(calleeTransport, "realm1").build());
		WampClient caller = connect(ClientOptions.builder(callerTransport, "realm1").build());
		callee
			.register("com.example.add2", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult
						.of(((Number) invocation.arg(0)).longValue() + ((Number) invocation.arg(1)).longValue())))
			.block(TIMEOUT);
		List<WampEvent> events = new CopyOnWriteArrayList<>();
		callee.subscribe("com.example.onhello", SubscribeOptions.defaults(), events::add).block(TIMEOUT);

		CallResult sum = caller.call("com.example.add2", List.of(2, 3)).block(TIMEOUT);
		assertThat(sum.args()).containsExactly(5L);

		Long publication = caller
			.publish("com.example.onhello", List.of("hello", new byte[] { 1, 2 }), Map.of("from", "caller"),
					PublishOptions.acknowledged())
			.block(TIMEOUT);
		assertThat(publication).isPositive();
		await().atMost(TIMEOUT).until(() -> events.size() == 1);
		WampEvent event = events.get(0);
		assertThat(event.arg(0)).isEqualTo("hello");
		assertThat((byte[]) event.arg(1)).containsExactly(1, 2);
		assertThat(event.kwargs()).containsEntry("from", "caller");
		assertThat(event.publication()).isEqualTo(publication);

		StepVerifier.create(caller.call("com.example.nothing", List.of()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE)))
			.verify(TIMEOUT);
	}

	@Test
	void progressiveResultsAndErrorsTravelThroughTheRouter() {
		WampClient callee = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		WampClient caller = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		callee
			.register("com.example.countdown", RegisterOptions.defaults(),
					(invocation) -> Flux.range(0, 4).map((i) -> InvocationResult.of(3 - i)))
			.block(TIMEOUT);
		callee
			.register("com.example.fail", RegisterOptions.defaults(),
					(invocation) -> Mono
						.error(new WampException("com.example.error.not_found", List.of("no user 7"), Map.of("id", 7))))
			.block(TIMEOUT);

		List<CallResult> results = caller
			.callProgressive("com.example.countdown", List.of(), Map.of(), CallOptions.defaults())
			.collectList()
			.block(TIMEOUT);
		assertThat(results).extracting((result) -> result.arg(0)).containsExactly(3L, 2L, 1L, 0L);
		assertThat(results).extracting(CallResult::isProgress).containsExactly(true, true, true, false);

		StepVerifier.create(caller.call("com.example.fail", List.of()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class, (ex) -> {
				assertThat(ex.getUri()).isEqualTo("com.example.error.not_found");
				assertThat(ex.getArgs()).containsExactly("no user 7");
				assertThat(ex.getKwargs()).containsEntry("id", 7L);
			}))
			.verify(TIMEOUT);
	}

	@Test
	void aCallTimesOutAndTheCalleeIsInterrupted() {
		WampClient callee = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		WampClient caller = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		AtomicInteger cancelled = new AtomicInteger();
		callee
			.register("com.example.slow", RegisterOptions.defaults(),
					(invocation) -> Mono.<InvocationResult>never().doOnCancel(cancelled::incrementAndGet))
			.block(TIMEOUT);
		StepVerifier
			.create(caller.call("com.example.slow", List.of(), Map.of(),
					CallOptions.builder().timeout(Duration.ofMillis(200)).build()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isIn(WampUris.TIMEOUT, WampUris.CANCELED)))
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> cancelled.get() == 1);
	}

	@Test
	void cancellingTheCallerInterruptsTheCallee() {
		WampClient callee = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		WampClient caller = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		AtomicInteger cancelled = new AtomicInteger();
		callee
			.register("com.example.forever", RegisterOptions.defaults(),
					(invocation) -> Mono.<InvocationResult>never().doOnCancel(cancelled::incrementAndGet))
			.block(TIMEOUT);
		StepVerifier
			.create(caller.call("com.example.forever", List.of(), Map.of(),
					CallOptions.builder().cancelMode(CancelMode.KILL).build()))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(100))
			.thenCancel()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> cancelled.get() == 1);
	}

	@Test
	void rawSocketOverAUnixDomainSocketInEverySerializer(@TempDir Path dir) {
		Path socket = dir.resolve("router.sock");
		WampRouter unixRouter = WampRouter.builder().realm("realm1").rawSocketUnix(socket).build().start();
		try {
			for (WampCodec codec : WampCodecs.all()) {
				WampClient client = connect(ClientOptions
					.builder(RawSocketTransport.builder("unix://" + socket).serializers(codec).build(), "realm1")
					.build());
				client
					.register("com.example.raw", RegisterOptions.defaults(),
							(invocation) -> Mono.just(InvocationResult.of(invocation.arg(0))))
					.block(TIMEOUT);
				assertThat((byte[]) client.call("com.example.raw", List.of(new byte[] { 1, 2 })).block(TIMEOUT).arg(0))
					.containsExactly(1, 2);
				client.close().block(TIMEOUT);
			}
		}
		finally {
			unixRouter.stop();
		}
	}

	@Test
	void inProcessLinkJoinsWithoutSockets() {
		WampClient local = connect(
				ClientOptions.builder(new InProcessTransport(this.router, "embedded"), "realm1").build());
		WampClient remote = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		local
			.register("com.example.local", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of("local", invocation.arg(0))))
			.block(TIMEOUT);
		assertThat(remote.call("com.example.local", List.of(1)).block(TIMEOUT).args()).containsExactly("local", 1L);
	}

	@Test
	void patternRegistrationsSeeTheConcreteProcedureAndTheDisclosedCaller() {
		WampClient callee = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		WampClient caller = connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		callee
			.register("com.example..get",
					RegisterOptions.builder().match(MatchPolicy.WILDCARD).discloseCaller(true).build(),
					(invocation) -> Mono.just(InvocationResult.of(invocation.procedure(), invocation.caller())))
			.block(TIMEOUT);
		CallResult result = caller.call("com.example.user.get", List.of()).block(TIMEOUT);
		assertThat(result.args()).containsExactly("com.example.user.get", caller.sessionInfo().sessionId());
	}

	@Test
	void ticketAuthenticationJoinsWithTheUsersRoleAndAWrongTicketFailsClearly() {
		WampClient joe = connect(ClientOptions.builder(this.router.webSocketUrl(), "secure")
			.authid("joe")
			.authenticator(new TicketAuthenticator("joe-secret"))
			.build());
		assertThat(joe.sessionInfo().authid()).isEqualTo("joe");
		assertThat(joe.sessionInfo().authrole()).isEqualTo("frontend");
		assertThat(joe.sessionInfo().authmethod()).isEqualTo("ticket");

		WampClient intruder = WampClient.create(ClientOptions.builder(this.router.webSocketUrl(), "secure")
			.authid("joe")
			.authenticator(new TicketAuthenticator("wrong"))
			.build());
		this.clients.add(intruder);
		StepVerifier.create(intruder.connect())
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(WampAuthenticationException.class, (ex) -> {
						assertThat(ex.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
						assertThat(ex.getMessage()).doesNotContain("wrong");
					}))
			.verify(TIMEOUT);
	}

	@Test
	void afterARouterRestartTheClientRejoinsAndRestoresItsRegistrationsAndSubscriptionsWithinOneSecond() {
		int port = this.router.webSocketPort();
		ReconnectOptions fastReconnect = ReconnectOptions.builder()
			.backoff(BackoffStrategy.fixed(Duration.ofMillis(100)))
			.maxRetries(-1)
			.build();
		WampClient callee = connect(
				ClientOptions.builder(this.router.webSocketUrl(), "realm1").reconnect(fastReconnect).build());
		WampClient caller = connect(
				ClientOptions.builder(this.router.webSocketUrl(), "realm1").reconnect(fastReconnect).build());
		callee
			.register("com.example.echo", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of(invocation.args(), invocation.kwargs())))
			.block(TIMEOUT);
		callee.register("com.example.hang", RegisterOptions.defaults(), (invocation) -> Mono.never()).block(TIMEOUT);
		List<WampEvent> events = new CopyOnWriteArrayList<>();
		callee.subscribe("com.example.onhello", SubscribeOptions.defaults(), events::add).block(TIMEOUT);

		// A call in flight when the router goes away must fail at once, not hang.
		Mono<CallResult> pending = caller.call("com.example.hang", List.of()).cache();
		pending.subscribe((result) -> {
		}, (error) -> {
		});
		this.router.stop();
		StepVerifier.create(pending)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isIn(WampUris.TRANSPORT_LOST, WampUris.CANCELED)))
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> callee.state() == SessionState.RECONNECTING);

		this.router = WampRouter.builder().realm("realm1").webSocket("127.0.0.1", port, "/ws").build().start();
		long back = System.nanoTime();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> callee.isJoined() && caller.isJoined() && this.router.metrics().registrations() == 2
					&& this.router.metrics().subscriptions() == 1);
		long restoredMillis = (System.nanoTime() - back) / 1_000_000;
		assertThat(restoredMillis).as("registrations restored %d ms after the router returned", restoredMillis)
			.isLessThan(1000);

		CallResult echoed = caller.call("com.example.echo", List.of("again")).block(TIMEOUT);
		assertThat(echoed.args()).containsExactly("again");
		caller.publish("com.example.onhello", List.of("after restart"), Map.of(), PublishOptions.acknowledged())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> events.size() == 1);
	}

	private WampClient connect(ClientOptions options) {
		WampClient client = WampClient.create(options);
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

}
