package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and out-of-order messages end only the offending session; limits answer with
 * clear errors.
 */
class ProtocolHygieneTests {

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
		.realm("realm1")
		.limits(new RouterLimits(4096, 2, 2, 2))
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	private TestPeer connect() {
		return fixture.connect();
	}

	private TestPeer joined() {
		TestPeer peer = connect();
		peer.join("realm1");
		return peer;
	}

	private static String abortMessage(TestPeer peer) {
		Abort abort = peer.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		assertThat(peer.awaitClosed()).isTrue();
		return (String) abort.details().get("message");
	}

	@Test
	void callBeforeWelcome() {
		TestPeer peer = connect();
		peer.send(new Call(1, Map.of(), "com.example.x"));
		assertThat(abortMessage(peer)).contains("HELLO").contains("CALL");
	}

	@Test
	void secondHello() {
		TestPeer peer = joined();
		peer.send(TestPeer.hello("realm1", Map.of()));
		assertThat(abortMessage(peer)).contains("second HELLO");
	}

	@Test
	void routerOnlyMessageFromClient() {
		TestPeer peer = joined();
		peer.send(new Invocation(1, 1, Map.of()));
		assertThat(abortMessage(peer)).contains("INVOCATION");
	}

	@Test
	void errorForSomethingOtherThanInvocation() {
		TestPeer peer = joined();
		peer.send(new ErrorMessage(WampMessageType.CALL, 1, Map.of(), "com.example.error"));
		assertThat(abortMessage(peer)).contains("ERROR");
	}

	@Test
	void wrongOptionType() {
		TestPeer peer = joined();
		peer.register("com.example.typed", Map.of());
		peer.send(new Call(5, Map.of("timeout", "soon"), "com.example.typed"));
		assertThat(abortMessage(peer)).contains("timeout");
	}

	@Test
	void invalidUrisInRequestsAreAnsweredWithInvalidUriAndTheSessionGoesOn() {
		TestPeer peer = joined();
		peer.send(new Register(21, Map.of(), "com.bad uri"));
		assertInvalidUri(peer.expect(ErrorMessage.class), WampMessageType.REGISTER, 21);
		peer.send(new Subscribe(22, Map.of("match", "prefix"), "com.bad uri."));
		assertInvalidUri(peer.expect(ErrorMessage.class), WampMessageType.SUBSCRIBE, 22);
		peer.send(new io.wampspring.core.message.Publish(23, Map.of("acknowledge", true), "com..topic"));
		assertInvalidUri(peer.expect(ErrorMessage.class), WampMessageType.PUBLISH, 23);
		// Without acknowledge a PUBLISH gets no answer, not even an error.
		peer.send(new io.wampspring.core.message.Publish(24, Map.of(), "com..topic"));
		peer.call("wamp.session.count", Map.of());
		assertThat(peer.expect(Result.class).args()).hasSize(1);
	}

	private static void assertInvalidUri(ErrorMessage error, int requestType, long requestId) {
		assertThat(error.requestType()).isEqualTo(requestType);
		assertThat(error.requestId()).isEqualTo(requestId);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_URI);
		assertThat((String) error.args().get(0)).contains("not a valid");
	}

	@Test
	void invalidUriBeforeWelcomeIsStillAViolation() {
		TestPeer peer = connect();
		peer.send(new Call(3, Map.of(), "com..x"));
		assertThat(abortMessage(peer)).contains("com..x");
	}

	@Test
	void yieldForUnknownInvocationIsIgnored() {
		TestPeer peer = joined();
		peer.send(new Yield(12345, Map.of()));
		peer.expectNothing(Duration.ofMillis(100));
		peer.call("wamp.session.count", Map.of());
		assertThat(peer.expect(Result.class).args()).hasSize(1);
	}

	@Test
	void garbageFloodEndsOnlyThatSession() {
		TestPeer callee = joined();
		TestPeer caller = joined();
		callee.register("com.example.survivor", Map.of());
		TestPeer attacker = joined();
		for (int i = 0; i < 500; i++) {
			attacker.sendText((i % 2 == 0) ? "not json at all {" : "[999, \"nonsense\"]");
		}
		assertThat(abortMessage(attacker)).contains("could not decode");
		assertThat(fixture.router().metrics().protocolViolations()).isPositive();
		for (int i = 0; i < 3; i++) {
			long request = caller.call("com.example.survivor", Map.of(), i);
			Invocation invocation = callee.expect(Invocation.class);
			callee.send(new Yield(invocation.requestId(), Map.of(), List.of(i), Map.of()));
			Result result = caller.expect(Result.class);
			assertThat(result.requestId()).isEqualTo(request);
		}
		assertThat(joined().sessionId()).isPositive();
	}

	@Test
	void messageSizeLimit() {
		TestPeer peer = joined();
		peer.call("com.example.big", Map.of(), "x".repeat(5000));
		assertThat(abortMessage(peer)).contains("exceeds the limit of 4096 bytes");
	}

	@Test
	void pendingCallLimit() {
		TestPeer callee = joined();
		TestPeer caller = joined();
		callee.register("com.example.hold", Map.of());
		caller.call("com.example.hold", Map.of());
		caller.call("com.example.hold", Map.of());
		callee.expect(Invocation.class);
		callee.expect(Invocation.class);
		caller.call("com.example.hold", Map.of());
		ErrorMessage error = caller.expect(ErrorMessage.class);
		assertThat(error.error()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
		assertThat((String) error.args().get(0)).contains("2 pending calls");
	}

	@Test
	void registrationAndSubscriptionLimits() {
		TestPeer peer = joined();
		peer.register("com.example.r1", Map.of());
		peer.register("com.example.r2", Map.of());
		peer.send(new Register(90, Map.of(), "com.example.r3"));
		assertThat(peer.expect(ErrorMessage.class).error()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
		peer.subscribe("com.example.t1", Map.of());
		peer.subscribe("com.example.t2", Map.of());
		peer.send(new Subscribe(91, Map.of(), "com.example.t3"));
		assertThat(peer.expect(ErrorMessage.class).error()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
	}

	@Test
	void duplicateCallRequestId() {
		TestPeer callee = joined();
		TestPeer caller = joined();
		callee.register("com.example.dup", Map.of());
		caller.send(new Call(7, Map.of(), "com.example.dup"));
		callee.expect(Invocation.class);
		caller.send(new Call(7, Map.of(), "com.example.dup"));
		assertThat(abortMessage(caller)).contains("request id 7");
		// The callee's invocation was failed when the caller left; the callee stays
		// joined.
		callee.call("wamp.session.count", Map.of());
		// The INTERRUPT (sent when the caller left) and the RESULT may arrive in either
		// order.
		List<Class<?>> received = List.of(callee.next().getClass(), callee.next().getClass());
		assertThat(received).containsExactlyInAnyOrder(io.wampspring.core.message.Interrupt.class, Result.class);
	}

}
