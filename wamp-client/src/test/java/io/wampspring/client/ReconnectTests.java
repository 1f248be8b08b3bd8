package io.wampspring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Yield;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transport loss, reconnect and restoration against a scripted router that is stopped and
 * started again on the same port.
 */
class ReconnectTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ScriptedRouter router = new ScriptedRouter();

	private WampClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close().block(TIMEOUT);
		}
		this.router.stop();
	}

	@Test
	void transportLossFailsPendingRequestsAndRejoinRestoresTheSameHandles() throws InterruptedException {
		this.router.script((message) -> (message instanceof Call) ? List.of() : null).start();
		this.client = WampClient.create(ClientOptions.builder(this.router.url(), "realm1")
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(50))).build())
			.build());
		this.client.connect().block(TIMEOUT);
		Registration registration = this.client
			.register("com.proc", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of("restored")))
			.block(TIMEOUT);
		CountDownLatch eventReceived = new CountDownLatch(1);
		Subscription subscription = this.client
			.subscribe("com.topic", SubscribeOptions.defaults(), (event) -> eventReceived.countDown())
			.block(TIMEOUT);
		long oldRegistrationId = registration.registrationId();
		long oldSubscriptionId = subscription.subscriptionId();

		Mono<CallResult> pending = this.client.call("com.slow", List.of(), Map.of(), CallOptions.defaults()).cache();
		pending.subscribe(null, (e) -> {
		});
		this.router.await(Call.class);
		// watched before the loss: on a loaded machine a later subscriber may first see
		// attempt 2
		Mono<SessionStateEvent> firstRetry = this.client.stateEvents()
			.filter((e) -> e.state() == SessionState.RECONNECTING)
			.next()
			.cache();
		firstRetry.subscribe(null, (e) -> {
		});
		this.router.stop();

		StepVerifier.create(pending)
			.expectErrorSatisfies(
					(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TRANSPORT_LOST))
			.verify(TIMEOUT);
		StepVerifier.create(firstRetry).assertNext((event) -> {
			assertThat(event.attempt()).isEqualTo(1);
			assertThat(event.delay()).isEqualTo(Duration.ofMillis(50));
		}).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.client.call("com.any")).expectErrorSatisfies((error) -> {
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.NOT_CONNECTED);
			assertThat(error.getMessage()).contains("not joined", "realm1");
		}).verify(TIMEOUT);
		assertThat(registration.registrationId()).isZero();

		this.router.clearReceived();
		this.router.restart();
		StepVerifier.create(this.client.stateEvents().filter((e) -> e.state() == SessionState.JOINED).next())
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.router.await(Register.class).procedure()).isEqualTo("com.proc");
		assertThat(this.router.await(Subscribe.class).topic()).isEqualTo("com.topic");
		assertThat(registration.isActive()).isTrue();
		assertThat(registration.registrationId()).isNotZero().isNotEqualTo(oldRegistrationId);
		assertThat(subscription.subscriptionId()).isNotZero().isNotEqualTo(oldSubscriptionId);

		this.router.send(new Invocation(1, registration.registrationId(), Map.of()));
		assertThat(this.router.await(Yield.class).args()).containsExactly("restored");
		this.router.send(new Event(subscription.subscriptionId(), 5, Map.of()));
		assertThat(eventReceived.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void closeWhileReconnectingStopsAndTheNextConnectRestoresRegistrations() {
		this.router.start();
		this.client = WampClient.create(ClientOptions.builder(this.router.url(), "realm1")
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(20))).build())
			.build());
		SessionInfo first = this.client.connect().block(TIMEOUT);
		StepVerifier.create(this.client.connect()).expectNext(first).expectComplete().verify(TIMEOUT);
		Registration registration = this.client
			.register("com.kept", RegisterOptions.defaults(), (invocation) -> Mono.empty())
			.block(TIMEOUT);
		this.router.stop();
		StepVerifier.create(this.client.stateEvents().filter((e) -> e.state() == SessionState.RECONNECTING).next())
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.close()).expectComplete().verify(TIMEOUT);
		assertThat(this.client.state()).isEqualTo(SessionState.CLOSED);

		this.router.clearReceived();
		this.router.restart();
		StepVerifier.create(this.client.connect()).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.router.await(Register.class).procedure()).isEqualTo("com.kept");
		assertThat(registration.registrationId()).isNotZero();
	}

	@Test
	void connectFailsWhenRetriesAreExhausted() {
		this.router.start();
		String url = this.router.url();
		this.router.stop();
		this.client = WampClient.create(ClientOptions
			.builder(WebSocketTransport.builder(url).connectTimeout(Duration.ofSeconds(1)).build(), "realm1")
			.reconnect(ReconnectOptions.builder()
				.backoff(BackoffStrategy.fixed(Duration.ofMillis(10)))
				.maxRetries(2)
				.build())
			.build());
		List<SessionStateEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.client.stateEvents().subscribe(events::add);
		StepVerifier.create(this.client.connect()).expectError().verify(TIMEOUT);
		assertThat(this.client.state()).isEqualTo(SessionState.CLOSED);
		assertThat(events).filteredOn((e) -> e.state() == SessionState.RECONNECTING)
			.extracting(SessionStateEvent::attempt)
			.containsExactly(1, 2);
		assertThat(events.get(events.size() - 1).reason()).contains("giving up after 2 retries");
	}

}
