package io.wampspring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import io.wampspring.core.uri.MatchPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against a scripted router on a real WebSocket.
 */
class WampClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private ScriptedRouter router;

	private WampClient client;

	@BeforeEach
	void start() {
		this.router = new ScriptedRouter().start();
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close().block(TIMEOUT);
		}
		this.router.stop();
	}

	private WampClient connect() {
		return connect(ClientOptions.builder(this.router.url(), "realm1").authid("alice"));
	}

	private WampClient connect(ClientOptions.Builder builder) {
		this.client = WampClient.create(builder.reconnect(ReconnectOptions.disabled()).build());
		StepVerifier.create(this.client.connect()).expectNextCount(1).expectComplete().verify(TIMEOUT);
		return this.client;
	}

	@Test
	void joinsWithRolesAndFeaturesAndLeavesWithGoodbye() {
		WampClient client = connect();
		Hello hello = this.router.await(Hello.class);
		assertThat(hello.realm()).isEqualTo("realm1");
		assertThat(hello.details()).containsEntry("authid", "alice");
		assertThat(hello.details().get("authmethods")).isEqualTo(List.of("anonymous"));
		@SuppressWarnings("unchecked")
		Map<String, Object> roles = (Map<String, Object>) hello.details().get("roles");
		assertThat(roles).containsOnlyKeys("caller", "callee", "publisher", "subscriber");
		assertThat(roles.get("caller").toString()).contains("progressive_call_results=true", "call_canceling=true");
		assertThat(client.state()).isEqualTo(SessionState.JOINED);
		SessionInfo info = client.sessionInfo();
		assertThat(info.sessionId()).isGreaterThan(1000);
		assertThat(info.authid()).isEqualTo("alice");
		assertThat(info.authrole()).isEqualTo("user");
		assertThat(info.authprovider()).isEqualTo("static");
		assertThat(info.routerSupports("dealer", "call_canceling")).isTrue();

		StepVerifier.create(client.close()).expectComplete().verify(TIMEOUT);
		Goodbye goodbye = this.router.await(Goodbye.class);
		assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_NORMAL);
		assertThat(client.state()).isEqualTo(SessionState.CLOSED);
		StepVerifier.create(client.call("x"))
			.expectErrorSatisfies(
					(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.NOT_CONNECTED))
			.verify(TIMEOUT);
		this.client = null;
	}

	@Test
	void gracefulCloseLetsRunningInvocationsAnswerBeforeGoodbye() throws InterruptedException {
		WampClient client = connect();
		CountDownLatch started = new CountDownLatch(1);
		Registration registration = client
			.register("com.slow", RegisterOptions.defaults(),
					(invocation) -> Mono.delay(Duration.ofMillis(150))
						.thenReturn(InvocationResult.of("done"))
						.doOnSubscribe((s) -> started.countDown()))
			.block(TIMEOUT);
		this.router.clearReceived();
		this.router.send(new Invocation(12, registration.registrationId(), Map.of()));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		StepVerifier.create(client.close(Duration.ofSeconds(3))).expectComplete().verify(TIMEOUT);
		assertThat(this.router.takeAll()).extracting((message) -> message.getClass().getSimpleName())
			.containsExactly("Yield", "Goodbye");
		this.client = null;
	}

	@Test
	void closeDoesNotWaitForeverForTheRouterGoodbye() {
		this.router.script((message) -> (message instanceof Goodbye) ? List.of() : null);
		WampClient client = connect(
				ClientOptions.builder(this.router.url(), "realm1").goodbyeTimeout(Duration.ofMillis(200)));
		StepVerifier.create(client.close()).expectComplete().verify(TIMEOUT);
		assertThat(client.state()).isEqualTo(SessionState.CLOSED);
		this.client = null;
	}

	@Test
	void abortOnHelloFailsConnectWithTheRouterReason() {
		this.router.script((message) -> (message instanceof Hello)
				? List.of(new Abort(Map.of("message", "no realm 'nowhere'"), WampUris.NO_SUCH_REALM)) : null);
		this.client = WampClient
			.create(ClientOptions.builder(this.router.url(), "nowhere").reconnect(ReconnectOptions.disabled()).build());
		StepVerifier.create(this.client.connect()).expectErrorSatisfies((error) -> {
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.NO_SUCH_REALM);
			assertThat(error.getMessage()).contains("nowhere", "no_such_realm");
		}).verify(TIMEOUT);
		assertThat(this.client.state()).isEqualTo(SessionState.CLOSED);
	}

	@Test
	void aMessageOutOfOrderDuringTheHandshakeFailsConnectWithAProtocolViolation() {
		this.router.script((message) -> (message instanceof Hello) ? List.of(new Result(1, Map.of())) : null);
		this.client = WampClient
			.create(ClientOptions.builder(this.router.url(), "realm1").reconnect(ReconnectOptions.disabled()).build());
		StepVerifier.create(this.client.connect()).expectErrorSatisfies((error) -> {
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
			assertThat(error.getMessage()).contains("RESULT before WELCOME");
		}).verify(TIMEOUT);
		assertThat(this.router.await(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
	}

	@Test
	void answersRouterGoodbye() {
		connect();
		this.router.send(new Goodbye(Map.of(), WampUris.CLOSE_SYSTEM_SHUTDOWN));
		Goodbye reply = this.router.await(Goodbye.class);
		assertThat(reply.reason()).isEqualTo(WampUris.CLOSE_GOODBYE_AND_OUT);
		StepVerifier.create(this.client.stateEvents().filter((e) -> e.state() == SessionState.CLOSED).next())
			.assertNext((event) -> assertThat(event.reason()).contains("wamp.close.system_shutdown"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void negotiatesMessagePack() {
		WebSocketTransport transport = WebSocketTransport.builder(this.router.url())
			.serializers(WampCodecs.MSGPACK, WampCodecs.JSON)
			.header("X-Client-Test", "yes")
			.build();
		WampClient client = connect(ClientOptions.builder(transport, "realm1"));
		StepVerifier
			.create(client.call("com.echo", List.of(1L, "two", new byte[] { 3 }), Map.of("k", true),
					CallOptions.defaults()))
			.assertNext((result) -> {
				assertThat(result.arg(0)).isEqualTo(1L);
				assertThat(result.arg(2)).isEqualTo(new byte[] { 3 });
				assertThat(result.kwargs()).containsEntry("k", true);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.router.handshakeHeaders()).containsEntry("x-client-test", "yes");
		assertThat(this.router.handshakeHeaders().get("sec-websocket-protocol"))
			.isEqualTo("wamp.2.msgpack,wamp.2.json");
	}

	@Test
	void aFrameAboveTheMaximumSizeDropsTheConnection() {
		WampClient client = connect(ClientOptions
			.builder(WebSocketTransport.builder(this.router.url()).maxFrameSize(1024).build(), "realm1"));
		Subscription subscription = client.subscribe("com.big", SubscribeOptions.defaults(), (event) -> {
		}).block(TIMEOUT);
		this.router.send(new Event(subscription.subscriptionId(), 1, Map.of(), List.of("x".repeat(4096)), Map.of()));
		StepVerifier.create(client.stateEvents().filter((e) -> e.state() == SessionState.CLOSED).next())
			.assertNext((event) -> assertThat(event.reason()).containsIgnoringCase("frame"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void pingsKeepTheConnectionAlive() {
		// 100 ms leaves room for a loaded machine: two silent intervals would close the
		// connection
		WampClient client = connect(ClientOptions.builder(
				WebSocketTransport.builder(this.router.url()).pingInterval(Duration.ofMillis(100)).build(), "realm1"));
		awaitCondition(() -> this.router.pings() >= 3);
		assertThat(client.state()).isEqualTo(SessionState.JOINED);
	}

	@Test
	void aRouterThatStopsAnsweringIsDetectedByThePings() {
		this.router.answerPings(false);
		connect(ClientOptions.builder(
				WebSocketTransport.builder(this.router.url()).pingInterval(Duration.ofMillis(30)).build(), "realm1"));
		StepVerifier.create(this.client.stateEvents().filter((e) -> e.state() == SessionState.CLOSED).next())
			.assertNext((event) -> assertThat(event.reason()).contains("no pong"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 5 s");
			}
			java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
	}

	@Test
	void callReturnsResultAndErrorCarriesUriArgsKwargs() {
		this.router.script((message) -> {
			if (message instanceof Call call && call.procedure().equals("com.fail")) {
				return List.of(new ErrorMessage(WampMessageType.CALL, call.requestId(), Map.of(), "com.error.bad",
						List.of("bad input"), Map.of("field", "x")));
			}
			return null;
		});
		WampClient client = connect();
		StepVerifier
			.create(client.call("com.add", List.of(2L, 3L), Map.of(), CallOptions.builder().discloseMe(true).build()))
			.assertNext((result) -> assertThat(result.args()).containsExactly(2L, 3L))
			.expectComplete()
			.verify(TIMEOUT);
		Call call = this.router.await(Call.class);
		assertThat(call.options()).containsEntry("disclose_me", true).doesNotContainKey("receive_progress");
		StepVerifier.create(client.call("com.fail", List.of(), Map.of(), CallOptions.defaults()))
			.expectErrorSatisfies((error) -> {
				WampException wamp = (WampException) error;
				assertThat(wamp.getUri()).isEqualTo("com.error.bad");
				assertThat(wamp.getArgs()).containsExactly("bad input");
				assertThat(wamp.getKwargs()).containsEntry("field", "x");
			})
			.verify(TIMEOUT);
	}

	@Test
	void progressiveResultsArriveInOrder() {
		this.router.script((message) -> {
			if (message instanceof Call call) {
				return List.of(new Result(call.requestId(), Map.of("progress", true), List.of(1L), Map.of()),
						new Result(call.requestId(), Map.of("progress", true), List.of(2L), Map.of()),
						new Result(call.requestId(), Map.of(), List.of(3L), Map.of()));
			}
			return null;
		});
		WampClient client = connect();
		StepVerifier.create(client.callProgressive("com.count", List.of(), Map.of(), CallOptions.defaults()))
			.assertNext((r) -> assertThat(r.isProgress()).isTrue())
			.assertNext((r) -> assertThat(r.arg(0)).isEqualTo(2L))
			.assertNext((r) -> {
				assertThat(r.isProgress()).isFalse();
				assertThat(r.arg(0)).isEqualTo(3L);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.router.await(Call.class).options()).containsEntry("receive_progress", true);
	}

	@Test
	void featuresTheRouterDidNotAnnounceAreNotUsed() {
		this.router.dealerFeatures(Map.of());
		this.router.script(
				(message) -> (message instanceof Call call && call.procedure().equals("com.slow")) ? List.of() : null);
		WampClient client = connect();
		StepVerifier.create(client.callProgressive("com.count", List.of(), Map.of(), CallOptions.defaults()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.router.await(Call.class).options()).doesNotContainKey("receive_progress");
		StepVerifier
			.create(client.call("com.slow", List.of(), Map.of(),
					CallOptions.builder().timeout(Duration.ofMillis(100)).build()))
			.expectErrorSatisfies((error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TIMEOUT))
			.verify(TIMEOUT);
		// neither the timeout option nor a CANCEL went to a router without call_timeout
		// and call_canceling
		assertThat(this.router.await(Call.class).options()).doesNotContainKey("timeout");
		StepVerifier.create(client.call("com.echo")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.router.takeAll()).singleElement()
			.satisfies((message) -> assertThat(((Call) message).procedure()).isEqualTo("com.echo"));
	}

	@Test
	void cancelingTheSubscriberSendsCancel() {
		this.router.script((message) -> (message instanceof Call) ? List.of() : null);
		WampClient client = connect();
		StepVerifier
			.create(client.call("com.slow", List.of(), Map.of(),
					CallOptions.builder().cancelMode(CancelMode.KILL).build()))
			.expectSubscription()
			.then(() -> this.router.await(Call.class))
			.thenCancel()
			.verify(TIMEOUT);
		Cancel cancel = this.router.await(Cancel.class);
		assertThat(cancel.options()).containsEntry("mode", "kill");
	}

	@Test
	void clientSideTimeoutCancelsAndFailsWithTimeout() {
		this.router.script((message) -> (message instanceof Call) ? List.of() : null);
		WampClient client = connect();
		StepVerifier
			.create(client.call("com.slow", List.of(), Map.of(),
					CallOptions.builder().timeout(Duration.ofMillis(200)).cancelMode(CancelMode.SKIP).build()))
			.expectErrorSatisfies((error) -> {
				assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TIMEOUT);
				assertThat(error.getMessage()).contains("com.slow", "200 ms");
			})
			.verify(TIMEOUT);
		assertThat(this.router.await(Call.class).options()).containsEntry("timeout", 200L);
		assertThat(this.router.await(Cancel.class).options()).containsEntry("mode", "skip");
	}

	@Test
	void invocationRunsOffTheEventLoopAndYields() {
		WampClient client = connect();
		AtomicReference<String> thread = new AtomicReference<>();
		Registration registration = client
			.register("com.add", RegisterOptions.builder().invoke(InvokePolicy.ROUNDROBIN).discloseCaller(true).build(),
					(invocation) -> {
						thread.set(Thread.currentThread().getName());
						return Mono.just(InvocationResult.of((Long) invocation.arg(0) + (Long) invocation.arg(1)));
					})
			.block(TIMEOUT);
		Register register = this.router.await(Register.class);
		assertThat(register.options()).containsEntry("invoke", "roundrobin").containsEntry("disclose_caller", true);
		assertThat(registration.registrationId()).isGreaterThan(100);

		this.router
			.send(new Invocation(7, registration.registrationId(), Map.of("caller", 55L), List.of(2L, 3L), Map.of()));
		Yield yield = this.router.await(Yield.class);
		assertThat(yield.requestId()).isEqualTo(7);
		assertThat(yield.args()).containsExactly(5L);
		assertThat(yield.options()).doesNotContainKey("progress");
		assertThat(thread.get()).startsWith("boundedElastic").doesNotContain("reactor-http");
	}

	@Test
	void fluxHandlerGivesProgressiveYieldsWhenAsked() {
		WampClient client = connect();
		List<Long> requests = new CopyOnWriteArrayList<>();
		Registration registration = client
			.register("com.count", RegisterOptions.defaults(),
					(invocation) -> Flux.range(1, 3).map(InvocationResult::of).doOnRequest(requests::add))
			.block(TIMEOUT);
		this.router.send(new Invocation(8, registration.registrationId(), Map.of("receive_progress", true)));
		assertThat(this.router.await(Yield.class).options()).containsEntry("progress", true);
		Yield second = this.router.await(Yield.class);
		assertThat(second.args()).containsExactly(2L);
		assertThat(second.options()).containsEntry("progress", true);
		Yield last = this.router.await(Yield.class);
		assertThat(last.args()).containsExactly(3L);
		assertThat(last.options()).doesNotContainKey("progress");
		// the handler's Flux is read through the bounded progressive buffer
		assertThat(requests).isNotEmpty();

		// without receive_progress only the final element is sent; empty completion gives
		// an empty YIELD
		this.router.send(new Invocation(9, registration.registrationId(), Map.of()));
		Yield only = this.router.await(Yield.class);
		assertThat(only.requestId()).isEqualTo(9);
		assertThat(only.args()).containsExactly(3L);
	}

	@Test
	void handlerErrorsBecomeErrorMessages() {
		WampClient client = connect();
		Registration failing = client
			.register("com.fail", RegisterOptions.defaults(),
					(invocation) -> Mono
						.error(new WampException("com.error.nope", List.of("no"), Map.of("why", "because"))))
			.block(TIMEOUT);
		Registration crashing = client.register("com.crash", RegisterOptions.defaults(), (invocation) -> {
			throw new IllegalStateException("boom");
		}).block(TIMEOUT);
		Registration empty = client.register("com.empty", RegisterOptions.defaults(), (invocation) -> Mono.empty())
			.block(TIMEOUT);
		this.router.send(new Invocation(1, failing.registrationId(), Map.of()));
		ErrorMessage error = this.router.await(ErrorMessage.class);
		assertThat(error.error()).isEqualTo("com.error.nope");
		assertThat(error.args()).containsExactly("no");
		assertThat(error.kwargs()).containsEntry("why", "because");
		this.router.send(new Invocation(2, crashing.registrationId(), Map.of()));
		ErrorMessage crash = this.router.await(ErrorMessage.class);
		assertThat(crash.error()).isEqualTo(ClientOptions.DEFAULT_ERROR_URI);
		// the exception's message stays in the callee's log, named by a correlation id
		assertThat(crash.kwargs()).containsKey("correlation_id");
		assertThat(crash.args()).singleElement()
			.asString()
			.doesNotContain("boom")
			.contains((String) crash.kwargs().get("correlation_id"));
		this.router.send(new Invocation(3, empty.registrationId(), Map.of()));
		Yield yield = this.router.await(Yield.class);
		assertThat(yield.requestId()).isEqualTo(3);
		assertThat(yield.args()).isEmpty();
	}

	@Test
	void interruptDisposesTheHandlerAndAnswersCanceled() throws InterruptedException {
		WampClient client = connect();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch disposed = new CountDownLatch(1);
		Registration registration = client
			.register("com.forever", RegisterOptions.defaults(),
					(invocation) -> Mono.<InvocationResult>never()
						.doOnSubscribe((s) -> started.countDown())
						.doOnCancel(disposed::countDown))
			.block(TIMEOUT);
		this.router.send(new Invocation(4, registration.registrationId(), Map.of()));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		this.router.send(new Interrupt(4, Map.of("mode", "kill")));
		assertThat(disposed.await(5, TimeUnit.SECONDS)).isTrue();
		ErrorMessage error = this.router.await(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(4);
		assertThat(error.error()).isEqualTo(WampUris.CANCELED);
	}

	@Test
	void invalidRegistrationAndTopicUrisFailLocally() {
		WampClient client = connect();
		StepVerifier.create(client.register("com..bad", RegisterOptions.defaults(), (invocation) -> Mono.empty()))
			.expectErrorSatisfies((error) -> {
				assertThat(((WampException) error).getUri()).isEqualTo(WampUris.INVALID_URI);
				assertThat(error.getMessage()).contains("com..bad");
			})
			.verify(TIMEOUT);
		StepVerifier.create(client.subscribe("com..update", SubscribeOptions.match(MatchPolicy.WILDCARD), (event) -> {
		})).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(client.subscribe("has space", SubscribeOptions.defaults(), (event) -> {
		}))
			.expectErrorSatisfies(
					(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.INVALID_URI))
			.verify(TIMEOUT);
	}

	@Test
	void manyConcurrentCallsAllComplete() {
		WampClient client = connect();
		StepVerifier
			.create(Flux.range(0, 2000)
				.flatMap((i) -> client.call("com.echo", List.of(i)).map((result) -> ((Long) result.arg(0)).intValue()),
						256)
				.reduce(0L, (sum, value) -> sum + value))
			.expectNext(1999L * 2000 / 2)
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void unregisterSendsUnregister() {
		WampClient client = connect();
		Registration registration = client
			.register("com.once", RegisterOptions.builder().match(MatchPolicy.PREFIX).forceReregister(true).build(),
					(invocation) -> Mono.empty())
			.block(TIMEOUT);
		assertThat(this.router.await(Register.class).options()).containsEntry("match", "prefix")
			.containsEntry("force_reregister", true);
		StepVerifier.create(registration.unregister()).expectComplete().verify(TIMEOUT);
		assertThat(registration.isActive()).isFalse();
		assertThat(registration.registrationId()).isZero();
	}

	@Test
	void publishWithAndWithoutAcknowledge() {
		WampClient client = connect();
		StepVerifier
			.create(client.publish("com.topic", List.of("a"), Map.of(),
					PublishOptions.builder()
						.acknowledge(true)
						.excludeMe(false)
						.eligible(1L, 2L)
						.excludeAuthid("mallory")
						.eligibleAuthrole("user")
						.discloseMe(true)
						.build()))
			.assertNext((id) -> assertThat(id).isGreaterThan(100))
			.expectComplete()
			.verify(TIMEOUT);
		Publish acknowledged = this.router.await(Publish.class);
		assertThat(acknowledged.options()).containsEntry("acknowledge", true)
			.containsEntry("exclude_me", false)
			.containsEntry("eligible", List.of(1L, 2L))
			.containsEntry("exclude_authid", List.of("mallory"))
			.containsEntry("eligible_authrole", List.of("user"))
			.containsEntry("disclose_me", true);
		StepVerifier.create(client.publish("com.topic", List.of("b"), Map.of(), PublishOptions.defaults()))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.router.await(Publish.class).args()).containsExactly("b");
	}

	@Test
	void eventsAreDispatchedToEverySubscriptionOfATopicOffTheEventLoop() throws InterruptedException {
		WampClient client = connect();
		List<WampEvent> first = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		CountDownLatch received = new CountDownLatch(2);
		Subscription one = client.subscribe("com.topic", SubscribeOptions.defaults(), (event) -> {
			first.add(event);
			threads.add(Thread.currentThread().getName());
			received.countDown();
		}).block(TIMEOUT);
		Subscription two = client.subscribe("com.topic", SubscribeOptions.defaults(), (event) -> received.countDown())
			.block(TIMEOUT);
		this.router.await(Subscribe.class);
		assertThat(one.subscriptionId()).isEqualTo(two.subscriptionId()).isGreaterThan(100);
		this.router.send(new Event(one.subscriptionId(), 77, Map.of("publisher", 5L, "publisher_authid", "bob"),
				List.of("hi"), Map.of()));
		assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(first).singleElement().satisfies((event) -> {
			assertThat(event.topic()).isEqualTo("com.topic");
			assertThat(event.publication()).isEqualTo(77);
			assertThat(event.publisher()).isEqualTo(5L);
			assertThat(event.publisherAuthid()).isEqualTo("bob");
			assertThat(event.arg(0)).isEqualTo("hi");
		});
		assertThat(threads).allSatisfy((name) -> assertThat(name).startsWith("boundedElastic"));
		StepVerifier.create(one.unsubscribe()).expectComplete().verify(TIMEOUT);
		assertThat(two.isActive()).isTrue();
	}

	@Test
	void patternSubscriptionSeesTheConcreteTopic() throws InterruptedException {
		WampClient client = connect();
		AtomicReference<WampEvent> seen = new AtomicReference<>();
		CountDownLatch received = new CountDownLatch(1);
		Subscription subscription = client
			.subscribe("com.sensors", SubscribeOptions.match(MatchPolicy.PREFIX), (event) -> {
				seen.set(event);
				received.countDown();
			})
			.block(TIMEOUT);
		assertThat(this.router.await(Subscribe.class).options()).containsEntry("match", "prefix");
		this.router.send(new Event(subscription.subscriptionId(), 1, Map.of("topic", "com.sensors.kitchen"),
				List.of(21.5), Map.of()));
		assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen.get().topic()).isEqualTo("com.sensors.kitchen");
	}

	@Test
	void malformedFrameIsAProtocolViolation() {
		this.router.script((message) -> (message instanceof Call) ? List.of() : null);
		WampClient client = connect();
		Mono<CallResult> pending = client.call("com.slow", List.of(), Map.of(), CallOptions.defaults()).cache();
		pending.subscribe(null, (e) -> {
		});
		this.router.await(Call.class);
		this.router.sendRaw("[36, \"not an id\"");
		StepVerifier.create(pending).expectErrorSatisfies((error) -> {
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TRANSPORT_LOST);
			assertThat(error.getMessage()).contains("protocol violation");
		}).verify(TIMEOUT);
		Abort abort = this.router.await(Abort.class);
		assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		assertThat(abort.details().get("message")).isNotNull();
	}

}
