package io.wampspring.router.realm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Router sessions without any transport: the routing code only needs an {@link Outbound}.
 */
class RouterSessionTests {

	private final RouterCore core = new RouterCore(List.of(RealmConfig.open("r")), false, RouterLimits.DEFAULTS, "");

	@AfterEach
	void stop() {
		this.core.shutdown(java.time.Duration.ZERO);
	}

	static final class Recorder implements Outbound {

		final List<WampMessage> sent = new CopyOnWriteArrayList<>();

		volatile String closed;

		@Override
		public void send(WampMessage message) {
			this.sent.add(message);
		}

		@Override
		public void close(String reason) {
			this.closed = reason;
		}

		@Override
		public String kind() {
			return "test";
		}

	}

	@Test
	void handshakeAndMetaCallWithoutTransport() {
		Recorder out = new Recorder();
		RouterSession session = this.core.newSession(out);
		session.receive(new Hello("r", Map.of("roles", Map.of("caller", Map.of()))));
		assertThat(out.sent).singleElement().isInstanceOf(Welcome.class);
		assertThat(session.isEstablished()).isTrue();
		session.receive(new Call(1, Map.of(), "wamp.session.count"));
		assertThat(out.sent.get(1)).isInstanceOf(Result.class);
		assertThat(((Result) out.sent.get(1)).args()).containsExactly(1L);
		assertThat(this.core.metrics().sessions()).isEqualTo(1);
	}

	@Test
	void protocolViolationAbortsAndCloses() {
		Recorder out = new Recorder();
		RouterSession session = this.core.newSession(out);
		session.receive(new Call(1, Map.of(), "com.example.x"));
		assertThat(((Abort) out.sent.get(0)).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		assertThat(out.closed).isNotNull();
		assertThat(session.isClosed()).isTrue();
		session.receive(new Hello("r", Map.of("roles", Map.of("caller", Map.of()))));
		assertThat(out.sent).hasSize(1);
	}

	@Test
	void sharedMessagesAreEncodedOncePerCodec() {
		SharedMessage shared = new SharedMessage(new Event(1, 2, Map.of(), List.of("x"), Map.of()));
		byte[] json = shared.encoded(WampCodecs.JSON);
		assertThat(shared.encoded(WampCodecs.JSON)).isSameAs(json);
		byte[] msgpack = shared.encoded(WampCodecs.MSGPACK);
		assertThat(msgpack).isNotSameAs(json);
		assertThat(shared.encoded(WampCodecs.MSGPACK)).isSameAs(msgpack);
		assertThat(WampCodecs.CBOR.decode(shared.encoded(WampCodecs.CBOR))).isEqualTo(shared.message());
	}

	private RouterSession joined(Recorder out) {
		RouterSession session = this.core.newSession(out);
		session.receive(new Hello("r", Map.of("roles", Map.of("caller", Map.of(), "callee", Map.of()))));
		assertThat(out.sent.get(0)).isInstanceOf(Welcome.class);
		return session;
	}

	// Until wamp-core's decoders raise them, payload errors are built here as they will
	// arrive: a readable structure and request id with an error URI other than
	// protocol_violation.
	private static WampProtocolException payloadError(int type, long requestId) {
		return new WampProtocolException(type, requestId, WampUris.INVALID_ARGUMENT,
				"element 4 (Arguments) holds a value the codec cannot map");
	}

	@Test
	void aCallWithAnUnreadablePayloadIsAnsweredAndTheSessionGoesOn() {
		Recorder out = new Recorder();
		RouterSession caller = joined(out);
		long before = this.core.metrics().invalidPayloads();
		assertThat(caller.undecodable("wamp.2.cbor", payloadError(WampMessageType.CALL, 9))).isTrue();
		ErrorMessage error = (ErrorMessage) out.sent.get(1);
		assertThat(error.requestType()).isEqualTo(WampMessageType.CALL);
		assertThat(error.requestId()).isEqualTo(9);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(caller.isEstablished()).isTrue();
		assertThat(this.core.metrics().invalidPayloads()).isEqualTo(before + 1);
	}

	@Test
	void anUnreadableYieldFailsTheCallItAnswers() {
		Recorder calleeOut = new Recorder();
		RouterSession callee = joined(calleeOut);
		callee.receive(new Register(1, Map.of(), "com.example.p"));
		Recorder callerOut = new Recorder();
		RouterSession caller = joined(callerOut);
		caller.receive(new Call(4, Map.of(), "com.example.p"));
		Invocation invocation = (Invocation) calleeOut.sent.get(2);
		assertThat(callee.undecodable("wamp.2.msgpack", payloadError(WampMessageType.YIELD, invocation.requestId())))
			.isTrue();
		ErrorMessage error = (ErrorMessage) callerOut.sent.get(1);
		assertThat(error.requestId()).isEqualTo(4);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat((String) error.args().get(0)).startsWith("the callee's answer could not be read");
		assertThat(this.core.metrics().pendingCalls()).isZero();
		assertThat(callee.isEstablished()).isTrue();
	}

	@Test
	void anUnacknowledgedPublishWithAnUnreadablePayloadIsDroppedAndCounted() {
		Recorder out = new Recorder();
		RouterSession publisher = joined(out);
		long before = this.core.metrics().invalidPayloads();
		assertThat(publisher.undecodable("wamp.2.json", payloadError(WampMessageType.PUBLISH, 0))).isTrue();
		assertThat(out.sent).hasSize(1);
		assertThat(publisher.isEstablished()).isTrue();
		assertThat(this.core.metrics().invalidPayloads()).isEqualTo(before + 1);
	}

	@Test
	void brokenStructureStillEndsTheSession() {
		Recorder out = new Recorder();
		RouterSession session = joined(out);
		assertThat(session.undecodable("wamp.2.json",
				new WampProtocolException(WampMessageType.CALL, "element 1 (Request) must be an id")))
			.isFalse();
		assertThat(((Abort) out.sent.get(1)).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
	}

	@Test
	void theHelloDeadlineEndsASilentSession() {
		RouterCore quick = new RouterCore(List.of(RealmConfig.open("r")), false,
				RouterLimits.builder().helloTimeout(java.time.Duration.ofMillis(50)).build(), "");
		try {
			Recorder out = new Recorder();
			RouterSession session = quick.newSession(out);
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(session::isClosed);
			assertThat(((Abort) out.sent.get(0)).reason()).isEqualTo(WampUris.TIMEOUT);
			assertThat(out.closed).isNotNull();
			assertThat(quick.metrics().helloTimeouts()).isEqualTo(1);
		}
		finally {
			quick.shutdown(java.time.Duration.ZERO);
		}
	}

}
