package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Unsubscribe;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker over real WebSockets: exclusion, black and white lists, disclosure,
 * acknowledgements and pattern subscriptions.
 */
class BrokerTests {

	private static final Duration QUIET = Duration.ofMillis(150);

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
		.realm(RealmConfig.builder("realm1")
			.anonymous(true)
			.user("alice", "staff", "alice-secret")
			.user("bob", "guest", "bob-secret")
			.build())
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	private TestPeer peer() {
		TestPeer peer = fixture.connect();
		peer.join("realm1");
		return peer;
	}

	private TestPeer user(String authid) {
		TestPeer peer = fixture.connect();
		peer.joinWithTicket("realm1", authid, authid + "-secret");
		return peer;
	}

	@Test
	void deliversWithOneSubscriptionIdAndExcludesPublisherByDefault() {
		TestPeer a = peer();
		TestPeer b = peer();
		long subA = a.subscribe("com.example.news", Map.of());
		long subB = b.subscribe("com.example.news", Map.of());
		assertThat(subA).isEqualTo(subB);
		a.publish("com.example.news", Map.of(), "hello", 1);
		Event event = b.expect(Event.class);
		assertThat(event.subscription()).isEqualTo(subB);
		assertThat(event.args()).containsExactly("hello", 1L);
		assertThat(event.details()).isEmpty();
		a.expectNothing(QUIET);
		a.publish("com.example.news", Map.of("exclude_me", false), "again");
		assertThat(a.expect(Event.class).args()).containsExactly("again");
		assertThat(b.expect(Event.class).args()).containsExactly("again");
	}

	@Test
	void acknowledgesWithPublicationId() {
		TestPeer a = peer();
		TestPeer b = peer();
		b.subscribe("com.example.ack", Map.of());
		long request = a.publish("com.example.ack", Map.of("acknowledge", true));
		Published published = a.expect(Published.class);
		assertThat(published.requestId()).isEqualTo(request);
		assertThat(b.expect(Event.class).publication()).isEqualTo(published.publication());
		a.publish("com.example.ack", Map.of());
		a.expectNothing(QUIET);
	}

	@Test
	void eligibleAndExcludeBySessionId() {
		TestPeer publisher = peer();
		TestPeer a = peer();
		TestPeer b = peer();
		a.subscribe("com.example.lists", Map.of());
		b.subscribe("com.example.lists", Map.of());
		publisher.publish("com.example.lists", Map.of("eligible", List.of(a.sessionId())), "to-a");
		assertThat(a.expect(Event.class).args()).containsExactly("to-a");
		publisher.publish("com.example.lists", Map.of("exclude", List.of(a.sessionId())), "to-b");
		assertThat(b.expect(Event.class).args()).containsExactly("to-b");
		a.expectNothing(QUIET);
		b.expectNothing(Duration.ZERO);
	}

	@Test
	void eligibleAndExcludeByAuthidAndAuthrole() {
		TestPeer publisher = peer();
		TestPeer alice = user("alice");
		TestPeer bob = user("bob");
		alice.subscribe("com.example.auth", Map.of());
		bob.subscribe("com.example.auth", Map.of());
		publisher.publish("com.example.auth", Map.of("eligible_authid", List.of("bob")), "bob-only");
		assertThat(bob.expect(Event.class).args()).containsExactly("bob-only");
		publisher.publish("com.example.auth", Map.of("exclude_authid", List.of("bob")), "not-bob");
		assertThat(alice.expect(Event.class).args()).containsExactly("not-bob");
		publisher.publish("com.example.auth", Map.of("eligible_authrole", List.of("staff")), "staff");
		assertThat(alice.expect(Event.class).args()).containsExactly("staff");
		publisher.publish("com.example.auth", Map.of("exclude_authrole", List.of("staff")), "guests");
		assertThat(bob.expect(Event.class).args()).containsExactly("guests");
		alice.expectNothing(QUIET);
		bob.expectNothing(Duration.ZERO);
	}

	@Test
	void disclosesPublisherWhenAsked() {
		TestPeer publisher = user("alice");
		TestPeer subscriber = peer();
		subscriber.subscribe("com.example.disclose", Map.of());
		publisher.publish("com.example.disclose", Map.of("disclose_me", true));
		Event event = subscriber.expect(Event.class);
		assertThat(event.details()).containsEntry("publisher", publisher.sessionId())
			.containsEntry("publisher_authid", "alice")
			.containsEntry("publisher_authrole", "staff");
	}

	@Test
	void patternSubscriptionsCarryTheConcreteTopic() {
		TestPeer publisher = peer();
		TestPeer subscriber = peer();
		long prefix = subscriber.subscribe("com.example.pat.", Map.of("match", "prefix"));
		long wildcard = subscriber.subscribe("com.example..temp", Map.of("match", "wildcard"));
		publisher.publish("com.example.pat.a", Map.of());
		Event byPrefix = subscriber.expect(Event.class);
		assertThat(byPrefix.subscription()).isEqualTo(prefix);
		assertThat(byPrefix.details()).containsEntry("topic", "com.example.pat.a");
		publisher.publish("com.example.kitchen.temp", Map.of());
		Event byWildcard = subscriber.expect(Event.class);
		assertThat(byWildcard.subscription()).isEqualTo(wildcard);
		assertThat(byWildcard.details()).containsEntry("topic", "com.example.kitchen.temp");
	}

	@Test
	void unsubscribeStopsEvents() {
		TestPeer publisher = peer();
		TestPeer subscriber = peer();
		long subscription = subscriber.subscribe("com.example.unsub", Map.of());
		subscriber.send(new Unsubscribe(99, subscription));
		assertThat(subscriber.expect(Unsubscribed.class).requestId()).isEqualTo(99);
		publisher.publish("com.example.unsub", Map.of());
		subscriber.expectNothing(QUIET);
		subscriber.send(new Unsubscribe(100, subscription));
		assertThat(subscriber.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION);
	}

	@Test
	void eventsReachSubscribersOfEveryCodec() {
		TestPeer publisher = peer();
		List<TestPeer> subscribers = new ArrayList<>();
		for (String protocol : List.of("wamp.2.json", "wamp.2.msgpack", "wamp.2.cbor", "wamp.2.json")) {
			TestPeer subscriber = TestPeer.connect(fixture.router().webSocketUrl(), protocol);
			fixture.track(subscriber);
			subscriber.join("realm1");
			subscriber.subscribe("com.example.codecs", Map.of());
			subscribers.add(subscriber);
		}
		publisher.publish("com.example.codecs", Map.of(), "x", Map.of("n", 1));
		for (TestPeer subscriber : subscribers) {
			assertThat(subscriber.expect(Event.class).args()).containsExactly("x", Map.of("n", 1L));
		}
	}

	@Test
	void passesCustomAttributesOnToSubscribers() {
		TestPeer a = peer();
		TestPeer b = peer();
		b.subscribe("com.example.traced", Map.of());
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		a.publish("com.example.traced", Map.of("_traceparent", traceparent, "unknown_key", 1), "hello");
		Event event = b.expect(Event.class);
		assertThat(event.details()).containsEntry("_traceparent", traceparent).doesNotContainKey("unknown_key");
	}

}
