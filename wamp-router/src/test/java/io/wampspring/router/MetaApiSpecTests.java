package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The meta procedures against the spec's tables: kills (reasons, messages, results, the
 * caller's own session), revocation of registrations and subscriptions, and testaments.
 */
class MetaApiSpecTests {

	private static final Map<String, Object> REVOCATION_ROLES = Map.of("callee",
			Map.of("features", Map.of("registration_revocation", true)), "subscriber",
			Map.of("features", Map.of("subscription_revocation", true)), "caller", Map.of(), "publisher", Map.of());

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(
			() -> WampRouter.builder().realm("spec").webSocket("127.0.0.1", 0, "/ws").build().start());

	private TestPeer joined() {
		TestPeer peer = fixture.connect();
		peer.join("spec");
		return peer;
	}

	private TestPeer joinedWithRevocation() {
		TestPeer peer = fixture.connect();
		peer.join("spec", Map.of("roles", REVOCATION_ROLES));
		return peer;
	}

	private static @Nullable Object call(TestPeer peer, String procedure, Map<String, Object> kwargs, Object... args) {
		long request = peer.nextId();
		peer.send(new Call(request, Map.of(), procedure, List.of(args), kwargs));
		WampMessage answer = peer.next();
		assertThat(answer).as(procedure).isInstanceOf(Result.class);
		Result result = (Result) answer;
		assertThat(result.requestId()).isEqualTo(request);
		return result.args().isEmpty() ? null : result.args().get(0);
	}

	private static String error(TestPeer peer, String procedure, Map<String, Object> kwargs, Object... args) {
		peer.send(new Call(peer.nextId(), Map.of(), procedure, List.of(args), kwargs));
		return peer.expect(ErrorMessage.class).error();
	}

	@Test
	void killDefaultsToNormalWithoutAMessage() {
		TestPeer admin = joined();
		TestPeer victim = joined();
		assertThat(call(admin, "wamp.session.kill", Map.of(), victim.sessionId())).isNull();
		Goodbye goodbye = victim.expect(Goodbye.class);
		assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_NORMAL);
		assertThat(goodbye.details()).doesNotContainKey("message");
	}

	@Test
	void killCarriesTheGivenReasonAndMessage() {
		TestPeer admin = joined();
		TestPeer victim = joined();
		call(admin, "wamp.session.kill", Map.of("reason", "com.example.maintenance", "message", "back soon"),
				victim.sessionId());
		Goodbye goodbye = victim.expect(Goodbye.class);
		assertThat(goodbye.reason()).isEqualTo("com.example.maintenance");
		assertThat(goodbye.details()).containsEntry("message", "back soon");
	}

	@Test
	void killRefusesAnInvalidReasonAndTheCallersOwnSession() {
		TestPeer admin = joined();
		TestPeer other = joined();
		assertThat(error(admin, "wamp.session.kill", Map.of("reason", "not a uri!"), other.sessionId()))
			.isEqualTo(WampUris.INVALID_URI);
		assertThat(error(admin, "wamp.session.kill", Map.of(), admin.sessionId())).isEqualTo(WampUris.NO_SUCH_SESSION);
		assertThat(error(admin, "wamp.session.kill_all", Map.of("reason", ""))).isEqualTo(WampUris.INVALID_URI);
		// the refused kills closed nobody
		assertThat(call(admin, "wamp.session.get", Map.of(), other.sessionId())).asInstanceOf(MAP)
			.containsEntry("session", other.sessionId());
	}

	@Test
	void killByAuthidAnswersTheKilledSessionsAndSparesTheCaller() {
		TestPeer admin = fixture.connect();
		admin.join("spec", Map.of("authid", "twin"));
		TestPeer twin = fixture.connect();
		twin.join("spec", Map.of("authid", "twin"));
		// anonymous sessions get a generated authid unless the realm keeps the offered
		// one
		String authid = (String) ((Map<?, ?>) call(admin, "wamp.session.get", Map.of(), twin.sessionId()))
			.get("authid");
		String adminAuthid = (String) ((Map<?, ?>) call(admin, "wamp.session.get", Map.of(), admin.sessionId()))
			.get("authid");
		Object killed = call(admin, "wamp.session.kill_by_authid", Map.of(), authid);
		assertThat(killed).isEqualTo(1L);
		assertThat(twin.expect(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_NORMAL);
		// the caller's own session is never killed
		assertThat(call(admin, "wamp.session.kill_by_authid", Map.of(), adminAuthid)).isEqualTo(0L);
	}

	@Test
	void removeRevokesARegistrationForEveryCallee() {
		TestPeer admin = joined();
		TestPeer watcher = joined();
		watcher.subscribe("wamp.registration.on_unregister", Map.of());
		watcher.subscribe("wamp.registration.on_delete", Map.of());
		TestPeer revocable = joinedWithRevocation();
		TestPeer plain = joined();
		long registration = revocable.register("com.spec.shared", Map.of("invoke", "roundrobin"));
		assertThat(plain.register("com.spec.shared", Map.of("invoke", "roundrobin"))).isEqualTo(registration);

		assertThat(call(admin, "wamp.registration.remove", Map.of(), registration, "moving to another callee"))
			.isNull();
		Unregistered revoked = revocable.expect(Unregistered.class);
		assertThat(revoked.requestId()).isZero();
		assertThat(revoked.details()).containsEntry("registration", registration)
			.containsEntry("reason", "moving to another callee");
		// a callee without the feature is removed silently (the spec forbids the message)
		plain.expectNothing(java.time.Duration.ofMillis(200));
		// on_unregister for each callee, then on_delete
		assertThat(watcher.expect(Event.class).args()).containsExactly(revocable.sessionId(), registration);
		assertThat(watcher.expect(Event.class).args()).containsExactly(plain.sessionId(), registration);
		assertThat(watcher.expect(Event.class).args()).containsExactly(plain.sessionId(), registration);
		assertThat(error(admin, "wamp.registration.get", Map.of(), registration))
			.isEqualTo(WampUris.NO_SUCH_REGISTRATION);
		assertThat(error(admin, "com.spec.shared", Map.of())).isEqualTo(WampUris.NO_SUCH_PROCEDURE);
	}

	@Test
	void removeCalleeRevokesOneCallee() {
		TestPeer admin = joined();
		TestPeer first = joinedWithRevocation();
		TestPeer second = joinedWithRevocation();
		long registration = first.register("com.spec.one", Map.of("invoke", "first"));
		second.register("com.spec.one", Map.of("invoke", "first"));
		assertThat(error(admin, "wamp.registration.remove_callee", Map.of(), registration, admin.sessionId()))
			.isEqualTo(WampUris.NO_SUCH_REGISTRATION);
		call(admin, "wamp.registration.remove_callee", Map.of("reason", "drained"), registration, first.sessionId());
		assertThat(first.expect(Unregistered.class).details()).containsEntry("reason", "drained");
		assertThat(call(admin, "wamp.registration.list_callees", Map.of(), registration)).asInstanceOf(LIST)
			.containsExactly(second.sessionId());
		assertThat(error(admin, "wamp.registration.remove", Map.of(), 4242L)).isEqualTo(WampUris.NO_SUCH_REGISTRATION);
	}

	@Test
	void removeRevokesASubscription() {
		TestPeer admin = joined();
		TestPeer revocable = joinedWithRevocation();
		TestPeer plain = joined();
		long subscription = revocable.subscribe("com.spec.topic", Map.of());
		plain.subscribe("com.spec.topic", Map.of());
		call(admin, "wamp.subscription.remove", Map.of("reason", "no longer authorized"), subscription);
		Unsubscribed revoked = revocable.expect(Unsubscribed.class);
		assertThat(revoked.requestId()).isZero();
		assertThat(revoked.details()).containsEntry("subscription", subscription)
			.containsEntry("reason", "no longer authorized");
		admin.publish("com.spec.topic", Map.of(), "after");
		revocable.expectNothing(java.time.Duration.ofMillis(200));
		plain.expectNothing(java.time.Duration.ofMillis(1));
		assertThat(error(admin, "wamp.subscription.get", Map.of(), subscription))
			.isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION);

		long again = revocable.subscribe("com.spec.topic", Map.of());
		assertThat(error(admin, "wamp.subscription.remove_subscriber", Map.of(), again, admin.sessionId()))
			.isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION);
		call(admin, "wamp.subscription.remove_subscriber", Map.of(), again, revocable.sessionId());
		assertThat(revocable.expect(Unsubscribed.class).details()).containsEntry("subscription", again)
			.doesNotContainKey("reason");
	}

	@Test
	void testamentsArePublishedWhenTheSessionEndsDetachedFirst() {
		TestPeer watcher = joined();
		watcher.subscribe("com.spec.testament", Map.of());
		TestPeer leaving = joined();
		call(leaving, "wamp.session.add_testament", Map.of(), "com.spec.testament", List.of("destroyed-1"),
				Map.of("who", "leaving"));
		call(leaving, "wamp.session.add_testament", Map.of("scope", "detached"), "com.spec.testament",
				List.of("detached-1"), Map.of());
		call(leaving, "wamp.session.add_testament", Map.of("scope", "destroyed"), "com.spec.testament",
				List.of("destroyed-2"), Map.of());
		// the transport is lost without a GOODBYE
		leaving.close();
		assertThat(watcher.expect(Event.class).args()).containsExactly("detached-1");
		Event first = watcher.expect(Event.class);
		assertThat(first.args()).containsExactly("destroyed-1");
		assertThat(first.kwargs()).containsEntry("who", "leaving");
		assertThat(watcher.expect(Event.class).args()).containsExactly("destroyed-2");
	}

	@Test
	void testamentsArePublishedOnGoodbyeAndKillUnlessFlushed() {
		TestPeer watcher = joined();
		watcher.subscribe("com.spec.will", Map.of());
		TestPeer polite = joined();
		call(polite, "wamp.session.add_testament", Map.of("publish_options", Map.of("disclose_me", true)),
				"com.spec.will", List.of("polite"), Map.of());
		polite.leave();
		Event event = watcher.expect(Event.class);
		assertThat(event.args()).containsExactly("polite");
		assertThat(event.details()).containsEntry("publisher", polite.sessionId());

		TestPeer killed = joined();
		call(killed, "wamp.session.add_testament", Map.of(), "com.spec.will", List.of("killed"), Map.of());
		call(joined(), "wamp.session.kill", Map.of(), killed.sessionId());
		assertThat(watcher.expect(Event.class).args()).containsExactly("killed");

		TestPeer flushed = joined();
		call(flushed, "wamp.session.add_testament", Map.of(), "com.spec.will", List.of("flushed"), Map.of());
		call(flushed, "wamp.session.add_testament", Map.of("scope", "detached"), "com.spec.will", List.of("kept"),
				Map.of());
		assertThat(call(flushed, "wamp.session.flush_testaments", Map.of())).isNull();
		flushed.leave();
		assertThat(watcher.expect(Event.class).args()).containsExactly("kept");
		watcher.expectNothing(java.time.Duration.ofMillis(200));
	}

	@Test
	void testamentArgumentsAreChecked() {
		TestPeer peer = joined();
		assertThat(error(peer, "wamp.session.add_testament", Map.of("scope", "forever"), "com.spec.x", List.of(),
				Map.of()))
			.isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(error(peer, "wamp.session.add_testament", Map.of(), "wamp.session.on_leave", List.of(), Map.of()))
			.isEqualTo(WampUris.INVALID_URI);
		assertThat(error(peer, "wamp.session.add_testament", Map.of(), "com.spec.x", "not a list", Map.of()))
			.isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(error(peer, "wamp.session.flush_testaments", Map.of("scope", "forever")))
			.isEqualTo(WampUris.INVALID_ARGUMENT);
	}

	@Test
	void welcomeAnnouncesTheFeatures() {
		TestPeer peer = fixture.connect();
		peer.send(TestPeer.hello("spec", Map.of()));
		Welcome welcome = peer.expect(Welcome.class);
		assertThat(welcome.details()).extractingByKey("roles")
			.asInstanceOf(MAP)
			.extractingByKey("dealer")
			.asInstanceOf(MAP)
			.extractingByKey("features")
			.asInstanceOf(MAP)
			.containsEntry("registration_revocation", true)
			.containsEntry("testament_meta_api", true);
	}

}
