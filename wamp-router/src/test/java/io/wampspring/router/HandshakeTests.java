package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session handshake over real WebSockets: WELCOME with the router's roles, ABORT for
 * an unknown realm or malformed HELLO details (naming the field), GOODBYE both ways,
 * subprotocol selection, realms created on first use.
 */
class HandshakeTests {

	private static WampRouter router;

	@BeforeAll
	static void start() {
		router = WampRouter.builder().realm("realm1").webSocket("127.0.0.1", 0, "/ws").build().start();
	}

	@AfterAll
	static void stop() {
		router.stop();
	}

	@Test
	@SuppressWarnings("unchecked")
	void welcomesWithRouterRolesAndFeatures() {
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			peer.send(TestPeer.hello("realm1", Map.of()));
			Welcome welcome = peer.expect(Welcome.class);
			assertThat(welcome.session()).isPositive();
			assertThat(welcome.details()).containsEntry("realm", "realm1")
				.containsEntry("authmethod", "anonymous")
				.containsEntry("authrole", "anonymous");
			Map<String, Object> roles = (Map<String, Object>) welcome.details().get("roles");
			assertThat(roles).containsKeys("dealer", "broker");
			Map<String, Object> dealer = (Map<String, Object>) ((Map<String, Object>) roles.get("dealer"))
				.get("features");
			assertThat(dealer).containsEntry("call_canceling", true)
				.containsEntry("progressive_call_results", true)
				.containsEntry("shared_registration", true)
				.containsEntry("pattern_based_registration", true);
		}
	}

	@Test
	void abortsForUnknownRealmWithMessage() {
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			peer.send(TestPeer.hello("nope", Map.of()));
			Abort abort = peer.expect(Abort.class);
			assertThat(abort.reason()).isEqualTo(WampUris.NO_SUCH_REALM);
			assertThat((String) abort.details().get("message")).contains("nope").contains("realm1");
			assertThat(peer.awaitClosed()).isTrue();
		}
	}

	@Test
	void clientGoodbyeIsAnswered() {
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			peer.join("realm1");
			peer.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
			assertThat(peer.expect(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_GOODBYE_AND_OUT);
			assertThat(peer.awaitClosed()).isTrue();
		}
	}

	@Test
	void routerGoodbyeOnKill() {
		try (TestPeer victim = TestPeer.connect(router.webSocketUrl());
				TestPeer killer = TestPeer.connect(router.webSocketUrl())) {
			long id = victim.join("realm1");
			killer.join("realm1");
			killer.send(new io.wampspring.core.message.Call(1, Map.of(), "wamp.session.kill", List.of(id), Map.of()));
			killer.expect(io.wampspring.core.message.Result.class);
			Goodbye goodbye = victim.expect(Goodbye.class);
			assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_NORMAL);
			victim.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
			assertThat(victim.awaitClosed()).isTrue();
		}
	}

	@Test
	void selectsSubprotocolInClientOrder() {
		try (TestPeer msgpack = TestPeer.connect(router.webSocketUrl(), "wamp.2.msgpack,wamp.2.json");
				TestPeer cbor = TestPeer.connect(router.webSocketUrl(), "wamp.2.cbor,wamp.2.msgpack")) {
			assertThat(msgpack.codec().subprotocol()).isEqualTo("wamp.2.msgpack");
			assertThat(cbor.codec().subprotocol()).isEqualTo("wamp.2.cbor");
			msgpack.join("realm1");
			cbor.join("realm1");
			long registration = msgpack.register("com.example.cross", Map.of());
			long call = cbor.call("com.example.cross", Map.of(), "x", 1);
			var invocation = msgpack.expect(io.wampspring.core.message.Invocation.class);
			assertThat(invocation.registration()).isEqualTo(registration);
			assertThat(invocation.args()).containsExactly("x", 1L);
			msgpack
				.send(new io.wampspring.core.message.Yield(invocation.requestId(), Map.of(), List.of("ok"), Map.of()));
			var result = cbor.expect(io.wampspring.core.message.Result.class);
			assertThat(result.requestId()).isEqualTo(call);
			assertThat(result.args()).containsExactly("ok");
		}
	}

	@Test
	void refusesClientsWithoutWampSubprotocol() {
		java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
		reactor.netty.http.client.HttpClient.create()
			.websocket(reactor.netty.http.client.WebsocketClientSpec.builder().protocols("chat").build())
			.uri(router.webSocketUrl())
			.handle((in, out) -> in.receiveCloseStatus().doOnNext(outcome::complete).then())
			.subscribe(null, outcome::complete);
		// Either the upgrade fails or the router closes with 1002 (protocol error).
		Object result = outcome.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
		if (result instanceof io.netty.handler.codec.http.websocketx.WebSocketCloseStatus status) {
			assertThat(status.code()).isEqualTo(1002);
		}
		else {
			assertThat(result).isInstanceOf(Throwable.class);
		}
	}

	@Test
	void addsAndRemovesRealmsAtRunTime() {
		assertThat(router.addRealm(io.wampspring.router.config.RealmConfig.open("late"))).isTrue();
		assertThat(router.addRealm(io.wampspring.router.config.RealmConfig.open("late"))).isFalse();
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			peer.join("late");
			assertThat(router.removeRealm("late")).isTrue();
			assertThat(peer.expect(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_REALM);
		}
		assertThat(router.core().realmNames()).containsExactly("realm1");
	}

	@Test
	void createsRealmsOnFirstUseWhenAsked() {
		WampRouter auto = WampRouter.builder()
			.autoCreateRealms(true)
			.webSocket("127.0.0.1", 0, "/wamp")
			.build()
			.start();
		try (TestPeer peer = TestPeer.connect(auto.webSocketUrl())) {
			assertThat(peer.join("brand.new")).isPositive();
		}
		finally {
			auto.stop();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{}                                                         | HELLO.Details.roles must be a dictionary of the client's roles
					{"roles": "all"}                                           | HELLO.Details.roles must be a dictionary of the client's roles (such as {"caller": {}}), got the string "all"
					{"roles": {}}                                              | HELLO.Details.roles must be a dictionary of the client's roles
					{"roles": {"caller": 5}}                                   | HELLO.Details.roles.caller must be a dictionary, got 5
					{"roles": {"caller": {"features": []}}}                    | HELLO.Details.roles.caller.features must be a dictionary, got a list
					{"roles": {"callee": {"features": {"call_canceling": 1}}}} | HELLO.Details.roles.callee.features.call_canceling must be a boolean, got 1
					{"roles": {"caller": {}}, "authextra": {"n": 1e400}}       | could not decode a wamp.2.json message: HELLO message: Details.authextra.n is the number 1e400
					{"roles": {"caller": {}}, "x": [1, 123456789012345678901234567890]} | HELLO.Details.x[1] must be a finite number within 64 bits
					{"roles": {"caller": {}}, "authmethods": "ticket"}         | HELLO.Details.authmethods must be a list of strings, got the string "ticket"
					{"roles": {"caller": {}}, "authmethods": ["ticket", 7]}    | HELLO.Details.authmethods[1] must be a string, got 7
					{"roles": {"caller": {}}, "authid": 42}                    | HELLO.Details.authid must be a string, got 42
					{"roles": {"caller": {}}, "authextra": "x"}                | HELLO.Details.authextra must be a dictionary, got the string "x"
					""")
	void refusesMalformedHelloDetailsNamingTheField(String details, String message) {
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			peer.sendText("[1, \"realm1\", " + details + "]");
			Abort abort = peer.expectAbort();
			assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
			assertThat((String) abort.details().get("message")).startsWith(message);
			assertThat(peer.awaitClosed()).isTrue();
		}
	}

	@Test
	void acceptsUnknownRolesAndFeaturesWithTheRightTypes() {
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			peer.sendText("[1, \"realm1\", {\"roles\": {\"subscriber\": {\"features\": {\"x_new\": true}},"
					+ " \"x_role\": {}}, \"authextra\": {\"n\": 1.5, \"m\": -9223372036854775808}}]");
			assertThat(peer.expect(Welcome.class).session()).isPositive();
		}
	}

}
