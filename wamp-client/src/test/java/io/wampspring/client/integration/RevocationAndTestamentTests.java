package io.wampspring.client.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.Revocation;
import io.wampspring.client.RevocationPolicy;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.client.Testament;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Registration and subscription revocation and testaments between the client and the
 * embedded router, on real sockets in every serializer.
 */
class RevocationAndTestamentTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private final WampRouter router = WampRouter.builder()
		.realm("realm1")
		.webSocket("127.0.0.1", 0, "/ws")
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

	private WampClient connect(WampCodec codec, RevocationPolicy policy) {
		WampClient client = WampClient.create(ClientOptions
			.builder(WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build(), "realm1")
			.onRegistrationRevoked(policy)
			.onSubscriptionRevoked(policy)
			.build());
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void aRevokedRegistrationStaysRevoked(WampCodec codec) {
		WampClient callee = connect(codec, RevocationPolicy.KEEP_REVOKED);
		WampClient admin = connect(codec, RevocationPolicy.KEEP_REVOKED);
		List<Revocation> seen = new CopyOnWriteArrayList<>();
		callee.revocations().subscribe(seen::add);
		Registration registration = callee
			.register("com.example.revoked", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of(1)))
			.block(TIMEOUT);
		long id = registration.registrationId();
		admin.call("wamp.registration.remove", List.of(id, "maintenance")).block(TIMEOUT);

		await().atMost(TIMEOUT).until(registration::isRevoked);
		assertThat(registration.revocationReason()).isEqualTo("maintenance");
		assertThat(registration.registrationId()).isZero();
		await().atMost(TIMEOUT).until(() -> seen.size() == 1);
		assertThat(seen.get(0).registration()).isTrue();
		assertThat(seen.get(0).uri()).isEqualTo("com.example.revoked");
		assertThat(seen.get(0).again()).isFalse();
		assertThat(callee.revoked()).extracting(Revocation::routerId).containsExactly(id);
		assertThatThrownBy(() -> admin.call("com.example.revoked").block(TIMEOUT)).isInstanceOf(WampException.class)
			.extracting((e) -> ((WampException) e).getUri())
			.isEqualTo(WampUris.NO_SUCH_PROCEDURE);

		// unregistering a revoked handle only forgets it
		registration.unregister().block(TIMEOUT);
		assertThat(callee.revoked()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void aRevokedRegistrationIsRegisteredAgainWhenAsked(WampCodec codec) {
		WampClient callee = connect(codec, RevocationPolicy.AGAIN);
		WampClient admin = connect(codec, RevocationPolicy.KEEP_REVOKED);
		Registration registration = callee
			.register("com.example.again", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of(7)))
			.block(TIMEOUT);
		long first = registration.registrationId();
		admin.call("wamp.registration.remove", List.of(first)).block(TIMEOUT);
		await().atMost(TIMEOUT)
			.until(() -> registration.registrationId() != 0 && registration.registrationId() != first);
		assertThat(registration.isRevoked()).isFalse();
		CallResult result = admin.call("com.example.again").block(TIMEOUT);
		assertThat(result.args()).containsExactly(7L);
		assertThat(callee.revoked()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void subscriptionsAreRevokedOrSubscribedAgain(WampCodec codec) {
		WampClient kept = connect(codec, RevocationPolicy.KEEP_REVOKED);
		WampClient again = connect(codec, RevocationPolicy.AGAIN);
		WampClient admin = connect(codec, RevocationPolicy.KEEP_REVOKED);
		List<WampEvent> keptEvents = new CopyOnWriteArrayList<>();
		List<WampEvent> againEvents = new CopyOnWriteArrayList<>();
		Subscription keptSubscription = kept.subscribe("com.example.news", SubscribeOptions.defaults(), keptEvents::add)
			.block(TIMEOUT);
		Subscription againSubscription = again
			.subscribe("com.example.news", SubscribeOptions.defaults(), againEvents::add)
			.block(TIMEOUT);
		long id = keptSubscription.subscriptionId();
		admin
			.call("wamp.subscription.remove", List.of(id), Map.of("reason", "reshuffle"),
					io.wampspring.client.CallOptions.defaults())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(keptSubscription::isRevoked);
		await().atMost(TIMEOUT).until(() -> againSubscription.subscriptionId() != 0 && !againSubscription.isRevoked());
		assertThat(keptSubscription.revocationReason()).isEqualTo("reshuffle");
		admin
			.publish("com.example.news", List.of("after"), Map.of(), io.wampspring.client.PublishOptions.acknowledged())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> againEvents.size() == 1);
		assertThat(keptEvents).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void testamentsAreLeftInEverySessionAndPublishedWhenItEnds(WampCodec codec) {
		WampClient watcher = connect(codec, RevocationPolicy.KEEP_REVOKED);
		List<WampEvent> events = new CopyOnWriteArrayList<>();
		watcher.subscribe("com.example.service.gone", SubscribeOptions.defaults(), events::add).block(TIMEOUT);
		WampClient service = WampClient.create(ClientOptions
			.builder(WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build(), "realm1")
			.build());
		this.clients.add(service);
		// left before the client joins: it is left when it joins
		service.addTestament(Testament.of("com.example.service.gone", List.of("service X went away"), Map.of("id", 1)))
			.block(TIMEOUT);
		service.connect().block(TIMEOUT);
		long sessionId = service.sessionInfo().sessionId();
		service.close().block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> events.size() == 1);
		assertThat(events.get(0).arg(0)).isEqualTo("service X went away");
		assertThat(events.get(0).kwargs()).containsEntry("id", 1L);

		// the next session leaves it again; a flush removes it
		service.connect().block(TIMEOUT);
		assertThat(service.sessionInfo().sessionId()).isNotEqualTo(sessionId);
		watcher.call("wamp.session.kill", List.of(service.sessionInfo().sessionId())).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> events.size() == 2);
		service.connect().block(TIMEOUT);
		await().atMost(TIMEOUT).until(service::isJoined);
		service.flushTestaments(Testament.Scope.DESTROYED).block(TIMEOUT);
		assertThat(service.testaments()).isEmpty();
		service.close().block(TIMEOUT);
		// a marker published after the close arrives, the flushed testament did not
		watcher
			.publish("com.example.service.gone", List.of("marker"), Map.of(),
					io.wampspring.client.PublishOptions.builder().excludeMe(false).acknowledge(true).build())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> events.size() == 3);
		assertThat(events.get(2).arg(0)).isEqualTo("marker");
	}

	@Test
	void aTestamentTheRouterRefusesIsNotKept() {
		WampClient client = connect(WampCodecs.all().get(0), RevocationPolicy.KEEP_REVOKED);
		assertThatThrownBy(
				() -> client.addTestament(Testament.of("wamp.session.on_leave", List.of(), Map.of())).block(TIMEOUT))
			.isInstanceOf(WampException.class);
		assertThat(client.testaments()).isEmpty();
	}

}
