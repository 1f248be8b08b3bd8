package io.wampspring.router;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.test.RawSocketClient;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the router cannot encode for its receiver (a JSON integer beyond 64 bits for
 * a MessagePack session, a message above a RawSocket client's announced maximum) answers
 * its sender and is counted; no call waits forever and every session goes on.
 */
@Timeout(30)
class UndeliverableMessageTests {

	/** 2^100: JSON and CBOR hold it, MessagePack does not. */
	private static final BigInteger HUGE = BigInteger.ONE.shiftLeft(100);

	private static final Duration QUIET = Duration.ofMillis(300);

	@RegisterExtension
	static final RouterFixture fixture = RouterFixture.withLimits(RouterLimits.DEFAULTS);

	private static TestPeer joined(String subprotocol) {
		TestPeer peer = fixture.track(TestPeer.connect(fixture.router().webSocketUrl(), subprotocol));
		peer.join("realm1");
		return peer;
	}

	private static long undeliverable() {
		return fixture.router().metrics().undeliverableMessages();
	}

	@Test
	void anInvocationTheCalleeCannotHoldAnswersTheCaller() {
		TestPeer callee = joined("wamp.2.msgpack");
		TestPeer caller = joined("wamp.2.json");
		callee.register("com.example.small", Map.of());
		long before = undeliverable();
		long request = caller.call("com.example.small", Map.of(), HUGE);
		ErrorMessage error = caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat((String) error.args().get(0)).contains("could not be passed to its callee")
			.contains("wamp.2.msgpack")
			.contains("MessagePack cannot hold the integer");
		callee.expectNothing(QUIET);
		assertThat(undeliverable()).isEqualTo(before + 1);
		assertThat(fixture.router().metrics().pendingCalls()).isZero();
		// Both sessions go on.
		caller.call("com.example.small", Map.of(), 1);
		Invocation invocation = callee.expect(Invocation.class);
		callee.send(new Yield(invocation.requestId(), Map.of(), List.of(2), Map.of()));
		assertThat(caller.expect(Result.class).args()).containsExactly(2L);
	}

	@Test
	void aResultTheCallerCannotHoldBecomesAnError() {
		TestPeer callee = joined("wamp.2.json");
		TestPeer caller = joined("wamp.2.msgpack");
		callee.register("com.example.huge", Map.of());
		long before = undeliverable();
		long request = caller.call("com.example.huge", Map.of());
		Invocation invocation = callee.expect(Invocation.class);
		callee.send(new Yield(invocation.requestId(), Map.of(), List.of(HUGE), Map.of()));
		ErrorMessage error = caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat((String) error.args().get(0)).contains("RESULT").contains("MessagePack cannot hold");
		assertThat(undeliverable()).isEqualTo(before + 1);
	}

	@Test
	void aProgressiveResultTheCallerCannotHoldEndsTheCall() {
		TestPeer callee = joined("wamp.2.json");
		TestPeer caller = joined("wamp.2.msgpack");
		callee.register("com.example.progress", Map.of());
		long request = caller.call("com.example.progress", Map.of("receive_progress", true));
		Invocation invocation = callee.expect(Invocation.class);
		callee.send(new Yield(invocation.requestId(), Map.of("progress", true), List.of(1), Map.of()));
		assertThat(caller.expect(Result.class).details()).containsEntry("progress", true);
		callee.send(new Yield(invocation.requestId(), Map.of("progress", true), List.of(HUGE), Map.of()));
		ErrorMessage error = caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		// The callee announced call canceling: it is told to stop.
		assertThat(callee.expect(Interrupt.class).requestId()).isEqualTo(invocation.requestId());
		// Its late final result is dropped.
		callee.send(new Yield(invocation.requestId(), Map.of(), List.of(0), Map.of()));
		caller.expectNothing(QUIET);
	}

	@Test
	void aCalleeErrorTheCallerCannotHoldKeepsItsUri() {
		TestPeer callee = joined("wamp.2.json");
		TestPeer caller = joined("wamp.2.msgpack");
		callee.register("com.example.failing", Map.of());
		long request = caller.call("com.example.failing", Map.of());
		Invocation invocation = callee.expect(Invocation.class);
		callee.send(new ErrorMessage(WampMessageType.INVOCATION, invocation.requestId(), Map.of(),
				"com.example.error.big", List.of(HUGE), Map.of()));
		ErrorMessage error = caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo("com.example.error.big");
		assertThat((String) error.args().get(0)).contains("MessagePack cannot hold");
	}

	@Test
	void anEventSomeSubscribersCannotHoldIsReportedToAnAcknowledgedPublisher() {
		TestPeer json = joined("wamp.2.json");
		TestPeer msgpack = joined("wamp.2.msgpack");
		TestPeer publisher = joined("wamp.2.cbor");
		json.subscribe("com.example.numbers", Map.of());
		msgpack.subscribe("com.example.numbers", Map.of());
		long before = undeliverable();
		long request = publisher.publish("com.example.numbers", Map.of("acknowledge", true), HUGE);
		ErrorMessage error = publisher.expect(ErrorMessage.class);
		assertThat(error.requestType()).isEqualTo(WampMessageType.PUBLISH);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat((String) error.args().get(0)).contains("could not be delivered to 1 subscriber")
			.contains("the other subscribers received it");
		assertThat(json.expect(Event.class).args()).containsExactly(HUGE);
		msgpack.expectNothing(QUIET);
		assertThat(undeliverable()).isEqualTo(before + 1);
		// Without acknowledge the publisher hears nothing; the subscriber's loss is
		// counted.
		publisher.publish("com.example.numbers", Map.of(), HUGE);
		json.expect(Event.class);
		publisher.expectNothing(QUIET);
		assertThat(undeliverable()).isEqualTo(before + 2);
		// An event every subscriber can hold is acknowledged as usual.
		publisher.publish("com.example.numbers", Map.of("acknowledge", true), 7);
		assertThat(publisher.expect(Published.class)).isNotNull();
	}

	@Test
	void aWelcomeAboveTheRawSocketClientsMaximumIsAnAbort() throws Exception {
		try (RawSocketClient tiny = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.JSON)) {
			// Exponent 0: 512 bytes, less than the router's WELCOME with its roles.
			tiny.handshake(0, WampCodecs.JSON.rawSocketSerializerId());
			tiny.send(TestPeer.hello("realm1", Map.of()));
			Abort abort = (Abort) tiny.receive();
			assertThat(abort.reason()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
			assertThat((String) abort.details().get("message")).contains("WELCOME").contains("at most 512");
			assertThat(tiny.awaitClosed(TestPeer.TIMEOUT)).isTrue();
		}
	}

	@Test
	void aResultAboveTheRawSocketClientsMaximumBecomesAnError() throws Exception {
		TestPeer callee = joined("wamp.2.json");
		callee.register("com.example.long", Map.of());
		try (RawSocketClient caller = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.JSON)) {
			// Exponent 1: the client accepts at most 1024 bytes.
			caller.handshake(1, WampCodecs.JSON.rawSocketSerializerId());
			caller.send(TestPeer.hello("realm1", Map.of()));
			caller.receive();
			caller.send(new io.wampspring.core.message.Call(5, Map.of(), "com.example.long"));
			Invocation invocation = callee.expect(Invocation.class);
			callee.send(new Yield(invocation.requestId(), Map.of(), List.of("x".repeat(2000)), Map.of()));
			ErrorMessage error = (ErrorMessage) caller.receive();
			assertThat(error.requestId()).isEqualTo(5);
			assertThat((String) error.args().get(0)).contains("the client accepts at most " + RawSocket.maxLength(1));
			// The session goes on.
			caller.send(new Register(6, Map.of(), "com.example.raw"));
			assertThat(caller.receive()).isInstanceOf(Registered.class);
		}
	}

}
