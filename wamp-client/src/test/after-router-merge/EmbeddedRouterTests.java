package io.wampspring.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.client.transport.RawSocketTransport;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against the embedded router (branch {@code router}).
 * <p>
 * Not compiled on the {@code client} branch, which lacks the router: after merging both,
 * move this file to {@code wamp-client/src/test/java/io/wampspring/client/}. It passed on a
 * scratch merge of client + main + router.
 */
class EmbeddedRouterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private WampRouter router;

	@AfterEach
	void stop() {
		for (WampClient client : this.clients) {
			client.close().block(TIMEOUT);
		}
		if (this.router != null) {
			this.router.stop();
		}
	}

	private static WampRouter startRouter(int port) {
		return WampRouter.builder()
			.realm("realm1")
			.realm(RealmConfig.builder("secure")
				.user("joe", "user", "secret123")
				.role("user", Permission.prefix("com.", Action.CALL, Action.REGISTER, Action.SUBSCRIBE, Action.PUBLISH))
				.build())
			.webSocket("127.0.0.1", port, "/ws")
			.build()
			.start();
	}

	private WampClient client(WampCodec codec) {
		WampClient client = WampClient.create(ClientOptions
			.builder(WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build(), "realm1")
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(50))).build())
			.build());
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

	@Test
	void rpcAndPubSubInEverySerializer() throws InterruptedException {
		this.router = startRouter(0);
		for (WampCodec codec : WampCodecs.all()) {
			WampClient callee = client(codec);
			WampClient caller = client(codec);
			String procedure = "com.add." + codec.subprotocol().replace('.', '_');
			callee.register(procedure, RegisterOptions.builder().discloseCaller(true).build(),
					(invocation) -> Mono.just(InvocationResult.of((Long) invocation.arg(0) + (Long) invocation.arg(1),
							invocation.caller())))
				.block(TIMEOUT);
			CallResult result = caller.call(procedure, List.of(2, 3)).block(TIMEOUT);
			assertThat(result.arg(0)).isEqualTo(5L);
			assertThat(result.arg(1)).isEqualTo(caller.sessionInfo().sessionId());

			callee.register(procedure + ".count", RegisterOptions.defaults(),
					(invocation) -> Flux.range(1, 3).map(InvocationResult::of))
				.block(TIMEOUT);
			StepVerifier
				.create(caller.callProgressive(procedure + ".count", List.of(), Map.of(), CallOptions.defaults())
					.map(CallResult::isProgress))
				.expectNext(true, true, false)
				.expectComplete()
				.verify(TIMEOUT);

			callee.register(procedure + ".fail", RegisterOptions.defaults(),
					(invocation) -> Mono.error(new IllegalStateException("boom")))
				.block(TIMEOUT);
			StepVerifier.create(caller.call(procedure + ".fail")).expectErrorSatisfies((error) -> {
				assertThat(((WampException) error).getUri()).isEqualTo(ClientOptions.DEFAULT_ERROR_URI);
				assertThat(((WampException) error).getArgs()).containsExactly("boom");
			}).verify(TIMEOUT);
			StepVerifier.create(caller.call("com.nothing"))
				.expectErrorSatisfies(
						(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE))
				.verify(TIMEOUT);

			CountDownLatch received = new CountDownLatch(1);
			List<WampEvent> events = new CopyOnWriteArrayList<>();
			callee.subscribe("com.topic", SubscribeOptions.match(MatchPolicy.PREFIX), (event) -> {
				events.add(event);
				received.countDown();
			}).block(TIMEOUT);
			Long publication = caller
				.publish("com.topic.x", List.of("hi"), Map.of(),
						PublishOptions.builder().acknowledge(true).discloseMe(true).build())
				.block(TIMEOUT);
			assertThat(publication).isNotNull();
			assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(events.get(0).topic()).isEqualTo("com.topic.x");
			assertThat(events.get(0).publisher()).isEqualTo(caller.sessionInfo().sessionId());
			callee.close().block(TIMEOUT);
			caller.close().block(TIMEOUT);
		}
	}

	@Test
	void timeoutAndCancelInterruptTheCallee() throws InterruptedException {
		this.router = startRouter(0);
		WampClient callee = client(WampCodecs.JSON);
		WampClient caller = client(WampCodecs.JSON);
		CountDownLatch interrupted = new CountDownLatch(2);
		callee.register("com.forever", RegisterOptions.defaults(),
				(invocation) -> Mono.<InvocationResult>never().doOnCancel(interrupted::countDown))
			.block(TIMEOUT);
		StepVerifier
			.create(caller.call("com.forever", List.of(), Map.of(),
					CallOptions.builder().timeout(Duration.ofMillis(200)).cancelMode(CancelMode.KILL).build()))
			.expectErrorSatisfies((error) -> assertThat(((WampException) error).getUri()).isIn(WampUris.TIMEOUT,
					WampUris.CANCELED))
			.verify(TIMEOUT);
		StepVerifier.create(caller.call("com.forever"))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(100))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void ticketAuthentication() {
		this.router = startRouter(0);
		WampClient good = WampClient.create(ClientOptions.builder(this.router.webSocketUrl(), "secure")
			.authid("joe")
			.authenticator(new TicketAuthenticator("secret123"))
			.build());
		this.clients.add(good);
		StepVerifier.create(good.connect())
			.assertNext((info) -> assertThat(info.authrole()).isEqualTo("user"))
			.expectComplete()
			.verify(TIMEOUT);
		WampClient bad = WampClient.create(ClientOptions.builder(this.router.webSocketUrl(), "secure")
			.authid("joe")
			.authenticator(new TicketAuthenticator("wrong"))
			.build());
		this.clients.add(bad);
		StepVerifier.create(bad.connect())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class))
			.verify(TIMEOUT);
		assertThat(bad.state()).isEqualTo(SessionState.CLOSED);
	}

	@Test
	void restartRestoresRegistrationsAndSubscriptionsWithinOneSecond() throws InterruptedException {
		this.router = startRouter(0);
		int port = this.router.webSocketPort();
		WampClient callee = client(WampCodecs.JSON);
		WampClient caller = client(WampCodecs.JSON);
		Registration registration = callee
			.register("com.echo", RegisterOptions.defaults(), (invocation) -> Mono.just(InvocationResult.of("ok")))
			.block(TIMEOUT);
		CountDownLatch received = new CountDownLatch(1);
		callee.subscribe("com.t", SubscribeOptions.defaults(), (event) -> received.countDown()).block(TIMEOUT);
		this.router.stop();
		StepVerifier.create(callee.stateEvents().filter((e) -> e.state() == SessionState.RECONNECTING).next())
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		long restarted = System.nanoTime();
		this.router = startRouter(port);
		callee.stateEvents().filter((e) -> e.state() == SessionState.JOINED).next().block(TIMEOUT);
		caller.stateEvents().filter((e) -> e.state() == SessionState.JOINED).next().block(TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(1));
		assertThat(caller.call("com.echo").block(TIMEOUT).arg(0)).isEqualTo("ok");
		caller.publish("com.t", List.of(), Map.of(), PublishOptions.acknowledged()).block(TIMEOUT);
		assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(registration.registrationId()).isNotZero();
	}

	@Test
	void rawSocketOverTcpAndUnixSocketsInEverySerializer(@TempDir Path dir) {
		Path socket = dir.resolve("router.sock");
		this.router = WampRouter.builder()
			.realm("realm1")
			.rawSocket("127.0.0.1", 0)
			.rawSocketUnix(socket)
			.build()
			.start();
		for (String url : List.of(this.router.rawSocketUrl(), "unix://" + socket)) {
			for (WampCodec codec : WampCodecs.all()) {
				WampClient client = WampClient.create(ClientOptions
					.builder(RawSocketTransport.builder(url).serializers(codec).pingInterval(Duration.ofSeconds(1)).build(),
							"realm1")
					.build());
				this.clients.add(client);
				client.connect().block(TIMEOUT);
				client.register("com.raw", RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult.of(invocation.arg(0))))
					.block(TIMEOUT);
				assertThat(client.call("com.raw", List.of(new byte[] { 1, 2 })).block(TIMEOUT).arg(0))
					.isEqualTo(new byte[] { 1, 2 });
				client.close().block(TIMEOUT);
			}
		}
	}

	@Test
	void inProcessTransport() {
		this.router = startRouter(0);
		WampClient client = WampClient
			.create(ClientOptions.builder(new InProcessTransport(this.router, "embedded"), "realm1").build());
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		client.register("com.local", RegisterOptions.defaults(), (invocation) -> Mono.just(InvocationResult.of("local")))
			.block(TIMEOUT);
		assertThat(client.call("com.local").block(TIMEOUT).arg(0)).isEqualTo("local");
	}

}
