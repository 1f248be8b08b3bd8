package io.wampspring.router.realm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
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

}
