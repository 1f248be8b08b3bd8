package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.WampMessage;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The session, registration and subscription meta API, and the Nexus-style services.
 */
class MetaApiTests {

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
		.realm("meta")
		.servicePrefix("com.izaber.wamp")
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	private TestPeer joined() {
		TestPeer peer = fixture.connect();
		peer.join("meta");
		return peer;
	}

	private static @Nullable Object call(TestPeer peer, String procedure, Object... args) {
		long request = peer.call(procedure, Map.of(), args);
		WampMessage answer = peer.next();
		assertThat(answer).as(procedure).isInstanceOf(Result.class);
		Result result = (Result) answer;
		assertThat(result.requestId()).isEqualTo(request);
		return result.args().isEmpty() ? null : result.args().get(0);
	}

	@Test
	void sessionProceduresAndEvents() {
		TestPeer watcher = joined();
		watcher.subscribe("wamp.session.on_join", Map.of());
		watcher.subscribe("wamp.session.on_leave", Map.of());
		TestPeer other = joined();
		Event joined = watcher.expect(Event.class);
		assertThat(joined.args().get(0)).asInstanceOf(MAP).containsEntry("session", other.sessionId());

		assertThat(call(watcher, "wamp.session.list")).asInstanceOf(LIST)
			.contains(watcher.sessionId(), other.sessionId());
		assertThat((Long) call(watcher, "wamp.session.count")).isGreaterThanOrEqualTo(2L);
		assertThat(call(watcher, "wamp.session.get", other.sessionId())).asInstanceOf(MAP)
			.containsEntry("authrole", "anonymous")
			.containsKey("authid");
		watcher.call("wamp.session.get", Map.of(), 42L);
		assertThat(watcher.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NO_SUCH_SESSION);

		other.close();
		Event left = watcher.expect(Event.class);
		assertThat(left.args().get(0)).isEqualTo(other.sessionId());
	}

	@Test
	void killByAuthroleAndAll() {
		TestPeer admin = joined();
		TestPeer a = joined();
		TestPeer b = joined();
		assertThat((Long) call(admin, "wamp.session.kill_by_authrole", "anonymous")).isGreaterThanOrEqualTo(2L);
		assertThat(a.expect(io.wampspring.core.message.Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_NORMAL);
		assertThat(b.expect(io.wampspring.core.message.Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_NORMAL);
		assertThat(call(admin, "wamp.session.list")).asInstanceOf(LIST).doesNotContain(a.sessionId(), b.sessionId());
		assertThat(call(admin, "wamp.session.kill_all")).isEqualTo(0L);
	}

	@Test
	void registrationMetaApi() {
		TestPeer watcher = joined();
		watcher.subscribe("wamp.registration.on_create", Map.of());
		watcher.subscribe("wamp.registration.on_register", Map.of());
		watcher.subscribe("wamp.registration.on_unregister", Map.of());
		watcher.subscribe("wamp.registration.on_delete", Map.of());
		TestPeer callee = joined();
		long registration = callee.register("com.meta.proc.", Map.of("match", "prefix"));
		Event created = watcher.expect(Event.class);
		assertThat(created.args().get(0)).isEqualTo(callee.sessionId());
		assertThat(created.args().get(1)).asInstanceOf(MAP)
			.containsEntry("uri", "com.meta.proc.")
			.containsEntry("match", "prefix")
			.containsEntry("id", registration);
		assertThat(watcher.expect(Event.class).args()).containsExactly(callee.sessionId(), registration);

		assertThat(call(watcher, "wamp.registration.list")).asInstanceOf(MAP)
			.extractingByKey("prefix")
			.asInstanceOf(LIST)
			.contains(registration);
		assertThat(call(watcher, "wamp.registration.lookup", "com.meta.proc.", Map.of("match", "prefix")))
			.isEqualTo(registration);
		assertThat(call(watcher, "wamp.registration.lookup", "com.meta.proc.")).isNull();
		assertThat(call(watcher, "wamp.registration.match", "com.meta.proc.x")).isEqualTo(registration);
		assertThat(call(watcher, "wamp.registration.get", registration)).asInstanceOf(MAP)
			.containsEntry("invoke", "single");
		assertThat(call(watcher, "wamp.registration.list_callees", registration)).asInstanceOf(LIST)
			.containsExactly(callee.sessionId());
		assertThat(call(watcher, "wamp.registration.count_callees", registration)).isEqualTo(1L);

		callee.send(new Unregister(77, registration));
		callee.expect(Unregistered.class);
		assertThat(watcher.expect(Event.class).args()).containsExactly(callee.sessionId(), registration);
		assertThat(watcher.expect(Event.class).args()).containsExactly(callee.sessionId(), registration);
		watcher.call("wamp.registration.get", Map.of(), registration);
		assertThat(watcher.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NO_SUCH_REGISTRATION);
	}

	@Test
	void subscriptionMetaApi() {
		TestPeer watcher = joined();
		watcher.subscribe("wamp.subscription.on_create", Map.of());
		watcher.subscribe("wamp.subscription.on_subscribe", Map.of());
		TestPeer subscriber = joined();
		long subscription = subscriber.subscribe("com.meta.topic", Map.of());
		Event created = watcher.expect(Event.class);
		assertThat(created.args().get(1)).asInstanceOf(MAP).containsEntry("uri", "com.meta.topic");
		assertThat(watcher.expect(Event.class).args()).containsExactly(subscriber.sessionId(), subscription);
		assertThat(call(watcher, "wamp.subscription.lookup", "com.meta.topic")).isEqualTo(subscription);
		assertThat(call(watcher, "wamp.subscription.match", "com.meta.topic")).asInstanceOf(LIST)
			.containsExactly(subscription);
		assertThat(call(watcher, "wamp.subscription.match", "com.meta.none")).isNull();
		assertThat(call(watcher, "wamp.subscription.get", subscription)).asInstanceOf(MAP)
			.containsEntry("match", "exact");
		assertThat(call(watcher, "wamp.subscription.list_subscribers", subscription)).asInstanceOf(LIST)
			.containsExactly(subscriber.sessionId());
		assertThat(call(watcher, "wamp.subscription.count_subscribers", subscription)).isEqualTo(1L);
		assertThat(call(watcher, "wamp.subscription.list")).asInstanceOf(MAP)
			.extractingByKey("exact")
			.asInstanceOf(LIST)
			.contains(subscription);
	}

	@Test
	void nexusServicesUnderPrefix() {
		TestPeer a = joined();
		TestPeer b = joined();
		assertThat(call(a, "com.izaber.wamp.auth.whoami")).asInstanceOf(MAP)
			.containsEntry("role", "anonymous")
			.containsEntry("session", a.sessionId());

		// Nexus answers with the record; the visibility defaults to the registering role
		assertThat(call(a, "com.izaber.wamp.system.roster.register", "roster.test", Map.of("name", "a")))
			.asInstanceOf(MAP)
			.containsEntry("name", "roster.test")
			.containsEntry("data", Map.of("name", "a"))
			.containsEntry("visibility", List.of("anonymous"))
			.containsEntry("session_id", a.sessionId())
			.containsEntry("key", a.sessionId() + "_roster.test")
			.containsKeys("uuid", "created");
		assertThat(call(b, "com.izaber.wamp.system.roster.register", "roster.test", Map.of("name", "b"),
				List.of("nobody")))
			.asInstanceOf(MAP)
			.containsEntry("visibility", List.of("nobody"));
		assertThat(call(b, "com.izaber.wamp.system.roster.query", "roster.test")).asInstanceOf(LIST)
			.containsExactly(Map.of("name", "a"));
		assertThat(call(a, "com.izaber.wamp.system.roster.unregister", "roster.test")).isEqualTo(true);
		assertThat(call(b, "com.izaber.wamp.system.roster.query", "roster.test")).asInstanceOf(LIST).isEmpty();

		// Nexus answers with the value, and lists key -> {value, uuid, owner}
		assertThat(call(a, "com.izaber.wamp.my.metadata.set", "color", "blue")).isEqualTo("blue");
		assertThat(call(a, "com.izaber.wamp.my.metadata.get", "color")).isEqualTo("blue");
		assertThat(call(a, "com.izaber.wamp.my.metadata.list")).asInstanceOf(MAP)
			.extractingByKey("color")
			.asInstanceOf(MAP)
			.containsEntry("value", "blue")
			.containsKeys("uuid", "owner");
		assertThat(call(a, "com.izaber.wamp.my.metadata.delete", "color")).isEqualTo(true);
		assertThat(call(a, "com.izaber.wamp.my.metadata.get", "color")).isNull();
		a.send(new Call(500, Map.of(), "com.izaber.wamp.system.roster.query", List.of(), Map.of()));
		assertThat(a.expect(ErrorMessage.class).error()).isEqualTo(WampUris.INVALID_ARGUMENT);
	}

	@Test
	void rosterEntriesLiveAsLongAsTheirSession() {
		TestPeer a = joined();
		TestPeer b = joined();
		call(a, "com.izaber.wamp.system.roster.register", "roster.live", "a-data");
		assertThat(call(b, "com.izaber.wamp.system.roster.query", "roster.live")).asInstanceOf(LIST)
			.containsExactly("a-data");
		a.leave();
		assertThat(call(b, "com.izaber.wamp.system.roster.query", "roster.live")).asInstanceOf(LIST).isEmpty();
	}

}
