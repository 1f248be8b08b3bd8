package io.wampspring.client.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.HistoricEvent;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
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
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.config.EventHistory;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.Role;
import io.wampspring.router.realm.RouterReconfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event retention, event history, trust levels, the authrole of HELLO and the
 * reconfiguration of a running router, with wamp-client against the embedded router on
 * real sockets in every serializer.
 */
class PubSubFeaturesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private final WampRouter router = WampRouter.builder()
		.realm(realm(true))
		.webSocket("127.0.0.1", 0, "/ws")
		.rawSocket("127.0.0.1", 0)
		.build()
		.start();

	/**
	 * The sample's contract: backend users may retain on com.example.retained, the router
	 * keeps the last 20 events of com.example.onadd; backend calls and publications are
	 * trusted at level 2.
	 */
	private static RealmConfig realm(boolean frontendMayCall) {
		Permission frontendRule = frontendMayCall
				? Permission.prefix("com.example.", Action.CALL, Action.SUBSCRIBE, Action.PUBLISH)
				: Permission.prefix("com.example.", Action.SUBSCRIBE, Action.PUBLISH);
		return RealmConfig.builder("pubsub")
			.anonymous(false)
			.user("backend", "backend", "backend-secret")
			.user("frontend", "frontend", "frontend-secret")
			.role(Role
				.of("backend",
						Permission.prefix("com.example.", Action.CALL, Action.REGISTER, Action.PUBLISH,
								Action.SUBSCRIBE),
						Permission.exact("com.example.retained", Action.PUBLISH, Action.SUBSCRIBE).withRetain(true),
						Permission.prefix("wamp.subscription.", Action.CALL))
				.withTrustlevel(2))
			.role(Role.of("frontend", frontendRule, Permission.prefix("wamp.subscription.", Action.CALL)))
			.eventHistory(EventHistory.of("com.example.onadd", 20))
			.maxRetainedTopics(3)
			.build();
	}

	@AfterEach
	void stop() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
		this.router.stop();
	}

	static Stream<WampCodec> codecs() {
		return WampCodecs.all().stream();
	}

	private WampTransport webSocket(WampCodec codec) {
		return WebSocketTransport.builder(this.router.webSocketUrl()).serializers(codec).build();
	}

	private WampClient user(WampTransport transport, String authid) {
		return connect(ClientOptions.builder(transport, "pubsub")
			.authid(authid)
			.authenticator(new TicketAuthenticator(authid + "-secret"))
			.build());
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void retainedEventIsDeliveredFirstToSubscribersThatAskForIt(WampCodec codec) {
		WampClient backend = user(webSocket(codec), "backend");
		WampClient frontend = user(webSocket(codec), "frontend");
		backend
			.publish("com.example.retained", List.of("first"), Map.of(),
					PublishOptions.builder().acknowledge(true).retain(true).build())
			.block(TIMEOUT);
		backend
			.publish("com.example.retained", List.of("latest"), Map.of("n", 2),
					PublishOptions.builder().acknowledge(true).retain(true).build())
			.block(TIMEOUT);

		List<WampEvent> asked = new CopyOnWriteArrayList<>();
		frontend.subscribe("com.example.retained", SubscribeOptions.defaults().withGetRetained(true), asked::add)
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> asked.size() == 1);
		WampEvent retained = asked.get(0);
		assertThat(retained.args()).containsExactly("latest");
		assertThat(retained.kwargs()).containsEntry("n", 2L);
		assertThat(retained.retained()).isTrue();
		assertThat(retained.trustlevel()).isEqualTo(2L);

		// a second local subscription that asks gets the retained event too, the first
		// one not again
		List<WampEvent> second = new CopyOnWriteArrayList<>();
		frontend.subscribe("com.example.retained", SubscribeOptions.defaults().withGetRetained(true), second::add)
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> second.size() == 1);
		assertThat(second.get(0).retained()).isTrue();

		// a live event after it reaches both, not marked retained
		backend.publish("com.example.retained", List.of("live"), Map.of(), PublishOptions.acknowledged())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> asked.size() == 2 && second.size() == 2);
		assertThat(asked.get(1).retained()).isFalse();
		assertThat(asked.get(1).args()).containsExactly("live");
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void retentionNeedsTheRolesPermissionAndTheSubscribersRequest(WampCodec codec) {
		WampClient backend = user(webSocket(codec), "backend");
		WampClient frontend = user(webSocket(codec), "frontend");
		// frontend may publish on com.example.* but not retain: delivered, not retained
		frontend
			.publish("com.example.status", List.of("frontend"), Map.of(),
					PublishOptions.builder().acknowledge(true).retain(true).build())
			.block(TIMEOUT);
		// backend has no retain permission on com.example.status either
		backend
			.publish("com.example.status", List.of("backend"), Map.of(),
					PublishOptions.builder().acknowledge(true).retain(true).build())
			.block(TIMEOUT);
		backend
			.publish("com.example.retained", List.of("kept"), Map.of(),
					PublishOptions.builder().acknowledge(true).retain(true).build())
			.block(TIMEOUT);
		List<WampEvent> status = new CopyOnWriteArrayList<>();
		List<WampEvent> notAsked = new CopyOnWriteArrayList<>();
		List<WampEvent> pattern = new CopyOnWriteArrayList<>();
		WampClient subscriber = user(webSocket(codec), "frontend");
		subscriber.subscribe("com.example.status", SubscribeOptions.defaults().withGetRetained(true), status::add)
			.block(TIMEOUT);
		subscriber.subscribe("com.example.retained", SubscribeOptions.defaults(), notAsked::add).block(TIMEOUT);
		subscriber
			.subscribe("com.example.", SubscribeOptions.match(MatchPolicy.PREFIX).withGetRetained(true), pattern::add)
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> pattern.size() == 1);
		assertThat(pattern.get(0).topic()).isEqualTo("com.example.retained");
		assertThat(pattern.get(0).retained()).isTrue();
		// a marker event proves nothing else is on its way
		backend.publish("com.example.status", List.of("marker"), Map.of(), PublishOptions.acknowledged())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> status.size() == 1);
		assertThat(status.get(0).args()).containsExactly("marker");
		assertThat(notAsked).isEmpty();
	}

	@Test
	void retainedTopicsAreBoundedPerRealm() {
		this.router.reconfigure(List.of(RealmConfig.builder("open")
			.role(Role.of("anonymous",
					Permission.prefix("", Action.CALL, Action.PUBLISH, Action.SUBSCRIBE).withRetain(true)))
			.maxRetainedTopics(2)
			.build(), realm(true)));
		WampClient client = connect(ClientOptions.builder(this.router.webSocketUrl(), "open").build());
		// exclude_me=false: a retained event reaches only subscribers that would have
		// received it, and the publisher subscribes here itself
		PublishOptions retain = PublishOptions.builder().acknowledge(true).retain(true).excludeMe(false).build();
		for (String topic : List.of("com.example.a", "com.example.b", "com.example.c")) {
			client.publish(topic, List.of(topic), Map.of(), retain).block(TIMEOUT);
		}
		// an existing retained topic is still replaced
		client.publish("com.example.a", List.of("a2"), Map.of(), retain).block(TIMEOUT);
		List<WampEvent> events = new CopyOnWriteArrayList<>();
		client.subscribe("com.example.", SubscribeOptions.match(MatchPolicy.PREFIX).withGetRetained(true), events::add)
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> events.size() == 2);
		client
			.publish("com.example.marker", List.of("marker"), Map.of(),
					PublishOptions.builder().acknowledge(true).excludeMe(false).build())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> events.size() == 3);
		assertThat(events.subList(0, 2)).extracting((event) -> event.arg(0))
			.containsExactlyInAnyOrder("a2", "com.example.b");
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void historyKeepsTheLast20EventsOfTheConfiguredTopic(WampCodec codec) {
		WampClient backend = user(webSocket(codec), "backend");
		WampClient frontend = user(webSocket(codec), "frontend");
		for (int i = 1; i <= 25; i++) {
			backend.publish("com.example.onadd", List.of(i), Map.of("i", i), PublishOptions.acknowledged())
				.block(TIMEOUT);
		}
		Subscription subscription = frontend.subscribe("com.example.onadd", SubscribeOptions.defaults(), (e) -> {
		}).block(TIMEOUT);
		List<HistoricEvent> all = subscription.eventHistory(100).block(TIMEOUT);
		assertThat(all).hasSize(20);
		assertThat(all.get(0).arg(0)).isEqualTo(25L);
		assertThat(all.get(19).arg(0)).isEqualTo(6L);
		assertThat(all.get(0).kwargs()).containsEntry("i", 25L);
		assertThat(all.get(0).topic()).isEqualTo("com.example.onadd");
		assertThat(all.get(0).publication()).isPositive();
		assertThat(all.get(0).timeNs()).isPositive();
		// the publisher was not disclosed, so the history does not name it
		assertThat(all.get(0).publisherAuthid()).isNull();
		assertThat(frontend.eventHistory(subscription.subscriptionId(), 3).block(TIMEOUT))
			.extracting((event) -> event.arg(0))
			.containsExactly(25L, 24L, 23L);

		Subscription other = frontend.subscribe("com.example.other", SubscribeOptions.defaults(), (e) -> {
		}).block(TIMEOUT);
		StepVerifier.create(other.eventHistory(5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isEqualTo("wamp.error.history_unavailable")))
			.verify(TIMEOUT);
		StepVerifier.create(frontend.eventHistory(4242, 5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION)))
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void trustLevelsOfTheCallersRoleReachTheCalleeOverRawSocket(WampCodec codec) {
		WampTransport raw = RawSocketTransport.builder(this.router.rawSocketUrl()).serializers(codec).build();
		WampClient backend = user(raw, "backend");
		WampClient frontend = user(RawSocketTransport.builder(this.router.rawSocketUrl()).serializers(codec).build(),
				"frontend");
		List<WampInvocation> invocations = new CopyOnWriteArrayList<>();
		backend.register("com.example.trusted", RegisterOptions.defaults(), (invocation) -> {
			invocations.add(invocation);
			return Mono.just(InvocationResult.of(invocation.trustlevel()));
		}).block(TIMEOUT);
		assertThat(backend.call("com.example.trusted", List.of()).block(TIMEOUT).arg(0)).isEqualTo(2L);
		// the frontend role has no trust level: none is disclosed
		assertThat(frontend.call("com.example.trusted", List.of()).block(TIMEOUT).arg(0)).isNull();
		assertThat(invocations).hasSize(2);
		assertThat(invocations.get(1).details()).doesNotContainKey("trustlevel");
	}

	@Test
	void helloCarriesTheConfiguredAuthrole() {
		List<Object> asked = new CopyOnWriteArrayList<>();
		Authenticator byRole = new Authenticator() {

			@Override
			public String authMethod() {
				return "ticket";
			}

			@Override
			public Mono<AuthDecision> begin(AuthRequest request) {
				asked.add(String.valueOf(request.helloDetails().get("authrole")));
				return Mono.just(AuthDecision.challenge(Map.of(), null));
			}

			@Override
			public Mono<AuthDecision> authenticate(AuthRequest request, Object state, String signature,
					Map<String, Object> extra) {
				String role = String.valueOf(request.helloDetails().get("authrole"));
				return Mono.just(new AuthDecision.Accept(String.valueOf(request.authid()), role, "dynamic", Map.of()));
			}

		};
		this.router.reconfigure(List.of(RealmConfig.builder("dynamic").authenticator(byRole).build(), realm(true)));
		WampClient client = connect(ClientOptions.builder(this.router.webSocketUrl(), "dynamic")
			.authid("carol")
			.authrole("auditor")
			.authenticator(new TicketAuthenticator("any"))
			.build());
		assertThat(asked).containsExactly("auditor");
		assertThat(client.sessionInfo().authrole()).isEqualTo("auditor");
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void reconfigurationAppliesToTheNextMessageAndClosesOnlySessionsWhoseCredentialsWereRemoved(WampCodec codec) {
		WampClient backend = connect(ClientOptions.builder(webSocket(codec), "pubsub")
			.authid("backend")
			.authenticator(new TicketAuthenticator("backend-secret"))
			.reconnect(ReconnectOptions.disabled())
			.build());
		WampClient frontend = connect(ClientOptions.builder(webSocket(codec), "pubsub")
			.authid("frontend")
			.authenticator(new TicketAuthenticator("frontend-secret"))
			.reconnect(ReconnectOptions.disabled())
			.build());
		List<SessionStateEvent> frontendStates = new CopyOnWriteArrayList<>();
		frontend.stateEvents().subscribe(frontendStates::add);
		backend
			.register("com.example.ping", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of("pong")))
			.block(TIMEOUT);
		long frontendSession = frontend.sessionInfo().sessionId();
		assertThat(frontend.call("com.example.ping", List.of()).block(TIMEOUT).arg(0)).isEqualTo("pong");

		// 1. the frontend role loses the right to call: its next call is refused, the
		// session stays
		RouterReconfiguration first = this.router.reconfigure(List.of(realm(false)));
		assertThat(first.updated()).containsExactly("pubsub");
		assertThat(first.closedSessions()).isEmpty();
		StepVerifier.create(frontend.call("com.example.ping", List.of()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED)))
			.verify(TIMEOUT);
		assertThat(frontend.sessionInfo().sessionId()).isEqualTo(frontendSession);

		// 2. the right comes back
		this.router.reconfigure(List.of(realm(true)));
		assertThat(frontend.call("com.example.ping", List.of()).block(TIMEOUT).arg(0)).isEqualTo("pong");

		// 3. the frontend user is removed: its session is killed, the backend's stays
		RealmConfig withoutFrontend = RealmConfig.builder("pubsub")
			.anonymous(false)
			.user("backend", "backend", "backend-secret")
			.role(realm(true).roles().get("backend"))
			.role(realm(true).roles().get("frontend"))
			.build();
		RouterReconfiguration third = this.router.reconfigure(List.of(withoutFrontend));
		assertThat(third.closedSessions()).containsExactly(frontendSession);
		await().atMost(TIMEOUT).until(() -> frontend.state() == SessionState.CLOSED);
		assertThat(frontendStates)
			.anySatisfy((event) -> assertThat(String.valueOf(event.reason())).contains(WampUris.CLOSE_KILLED));
		assertThat(backend.call("com.example.ping", List.of()).block(TIMEOUT).arg(0)).isEqualTo("pong");
		assertThat(backend.state()).isEqualTo(SessionState.JOINED);
	}

	private WampClient connect(ClientOptions options) {
		WampClient client = WampClient.create(options);
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

}
