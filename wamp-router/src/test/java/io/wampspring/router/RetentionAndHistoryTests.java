package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Subscribed;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.EventHistory;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.Role;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event retention, event history and trust levels on the wire, with raw WAMP messages in
 * each serializer: what the router sends and in which order.
 */
class RetentionAndHistoryTests {

	private static final Duration QUIET = Duration.ofMillis(150);

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
		.realm(RealmConfig.builder("realm1")
			.user("svc", "backend", "svc-secret")
			.user("web", "frontend", "web-secret")
			.role(Role
				.of("backend", Permission.prefix("com.example.", Action.values()).withRetain(true),
						Permission.prefix("org.example.", Action.SUBSCRIBE, Action.PUBLISH),
						Permission.prefix("wamp.subscription.", Action.CALL))
				.withTrustlevel(3))
			.role("frontend", Permission.prefix("com.example.", Action.CALL, Action.PUBLISH, Action.SUBSCRIBE),
					Permission.exact("wamp.subscription.get_events", Action.CALL))
			.eventHistory(EventHistory.of("com.example.hist", 2))
			.eventHistory(EventHistory.of("org.example.hist", 2))
			.build())
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	private TestPeer user(String subprotocol, String authid) {
		TestPeer peer = fixture.track(TestPeer.connect(fixture.router().webSocketUrl(), subprotocol));
		peer.joinWithTicket("realm1", authid, authid + "-secret");
		return peer;
	}

	@ParameterizedTest
	@ValueSource(strings = { "wamp.2.json", "wamp.2.msgpack", "wamp.2.cbor" })
	void subscribedComesFirstThenTheRetainedEventWithItsDetails(String subprotocol) {
		TestPeer svc = user(subprotocol, "svc");
		String topic = "com.example.status." + subprotocol.replace('.', '_');
		svc.publish(topic, Map.of("retain", true, "acknowledge", true), "old");
		svc.expect(Published.class);
		svc.publish(topic, Map.of("retain", true, "acknowledge", true), "new");
		long publication = svc.expect(Published.class).publication();

		TestPeer web = user(subprotocol, "web");
		web.send(new Subscribe(web.nextId(), Map.of("get_retained", true), topic));
		long subscription = web.expect(Subscribed.class).subscription();
		Event retained = web.expect(Event.class);
		assertThat(retained.subscription()).isEqualTo(subscription);
		assertThat(retained.publication()).isEqualTo(publication);
		assertThat(retained.args()).containsExactly("new");
		assertThat(retained.details()).containsEntry("retained", true).containsEntry("trustlevel", 3L);
		web.expectNothing(QUIET);

		// without get_retained: nothing
		TestPeer other = user(subprotocol, "web");
		other.subscribe(topic, Map.of());
		other.expectNothing(QUIET);
	}

	@Test
	void aRetainedEventGoesOnlyToSubscribersItWasEligibleFor() {
		TestPeer svc = user("wamp.2.json", "svc");
		svc.publish("com.example.private", Map.of("retain", true, "acknowledge", true, "eligible_authrole",
				List.of("backend"), "exclude_me", false), "secret");
		svc.expect(Published.class);
		TestPeer web = user("wamp.2.json", "web");
		web.send(new Subscribe(web.nextId(), Map.of("get_retained", true), "com.example.private"));
		web.expect(Subscribed.class);
		web.expectNothing(QUIET);
		svc.send(new Subscribe(svc.nextId(), Map.of("get_retained", true), "com.example.private"));
		svc.expect(Subscribed.class);
		assertThat(svc.expect(Event.class).args()).containsExactly("secret");
	}

	@Test
	void aRoleWithoutTheRetainRuleIsDeliveredButNotRetained() {
		TestPeer web = user("wamp.2.json", "web");
		TestPeer listener = user("wamp.2.json", "svc");
		listener.subscribe("com.example.notkept", Map.of());
		web.publish("com.example.notkept", Map.of("retain", true, "acknowledge", true), "live");
		web.expect(Published.class);
		assertThat(listener.expect(Event.class).details()).doesNotContainKey("retained");
		TestPeer late = user("wamp.2.json", "svc");
		late.send(new Subscribe(late.nextId(), Map.of("get_retained", true), "com.example.notkept"));
		late.expect(Subscribed.class);
		late.expectNothing(QUIET);
	}

	@Test
	void getEventsAnswersTheHistoryNewestFirstAsCrossbarDoes() {
		TestPeer svc = user("wamp.2.json", "svc");
		for (int i = 1; i <= 3; i++) {
			svc.publish("com.example.hist", Map.of("acknowledge", true, "disclose_me", i == 3), i);
			svc.expect(Published.class);
		}
		TestPeer web = user("wamp.2.json", "web");
		long subscription = web.subscribe("com.example.hist", Map.of());
		web.call("wamp.subscription.get_events", Map.of(), subscription, 10);
		Result result = web.expect(Result.class);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> events = (List<Map<String, Object>>) result.args().get(0);
		assertThat(events).hasSize(2);
		assertThat(events.get(0)).containsEntry("topic", "com.example.hist")
			.containsEntry("args", List.of(3L))
			.containsEntry("realm", "realm1")
			.containsEntry("authid", "svc")
			.containsKeys("publication", "time_ns", "kwargs", "session_id");
		assertThat(events.get(1)).containsEntry("args", List.of(2L)).doesNotContainKey("authid");

		long other = web.subscribe("com.example.nohist", Map.of());
		web.call("wamp.subscription.get_events", Map.of(), other, 10);
		assertThat(web.expect(ErrorMessage.class).error()).isEqualTo("wamp.error.history_unavailable");
		web.call("wamp.subscription.get_events", Map.of(), 123456789L);
		assertThat(web.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION);
	}

	@Test
	void getEventsNeedsThePermissionToSubscribeToTheTopic() {
		TestPeer svc = user("wamp.2.json", "svc");
		long subscription = svc.subscribe("com.example.hist", Map.of());
		TestPeer web = user("wamp.2.json", "web");
		// web may subscribe to com.example.*, so it may read that history, not
		// org.example's
		long foreign = svc.subscribe("org.example.hist", Map.of());
		web.call("wamp.subscription.get_events", Map.of(), foreign, 1);
		assertThat(web.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		web.call("wamp.subscription.get_events", Map.of(), subscription, 1);
		assertThat(web.expect(Result.class).args()).hasSize(1);
	}

	@Test
	void invocationsCarryTheCallersTrustLevel() {
		TestPeer svc = user("wamp.2.cbor", "svc");
		svc.register("com.example.level", Map.of());
		TestPeer web = user("wamp.2.msgpack", "web");
		web.call("com.example.level", Map.of());
		assertThat(svc.expect(Invocation.class).details()).doesNotContainKey("trustlevel");
		svc.call("com.example.level", Map.of());
		assertThat(svc.expect(Invocation.class).details()).containsEntry("trustlevel", 3L);
	}

}
