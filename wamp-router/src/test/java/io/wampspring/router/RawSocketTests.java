package io.wampspring.router;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.core.rawsocket.RawSocketHandshake;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.test.RawSocketClient;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RawSocket over TCP: handshake, framing, PING/PONG, errors, and routing together with
 * WebSocket sessions.
 */
class RawSocketTests {

	private static WampRouter router;

	@BeforeAll
	static void start() {
		router = WampRouter.builder()
			.realm("realm1")
			.limits(new RouterLimits(64 * 1024, 100, 100, 100))
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		router.stop();
	}

	private static RawSocketClient client(WampCodec codec) throws IOException {
		return new RawSocketClient(router.rawSocketPort(), codec);
	}

	@Test
	void joinsAndServesWebSocketCallers() throws Exception {
		for (WampCodec codec : WampCodecs.all()) {
			try (RawSocketClient callee = client(codec); TestPeer caller = TestPeer.connect(router.webSocketUrl())) {
				RawSocketHandshake reply = callee.handshake();
				assertThat(reply.isWamp()).isTrue();
				assertThat(reply.serializer()).isEqualTo(codec.rawSocketSerializerId());
				assertThat(reply.maxLength()).isEqualTo(64 * 1024);
				callee.send(TestPeer.hello("realm1", Map.of()));
				assertThat(callee.receive()).isInstanceOf(Welcome.class);
				String procedure = "com.raw.echo." + codec.rawSocketSerializerId();
				callee.send(new Register(1, Map.of(), procedure));
				assertThat(callee.receive()).isInstanceOf(Registered.class);
				caller.join("realm1");
				caller.send(new Call(5, Map.of(), procedure, List.of("ping"), Map.of()));
				Invocation invocation = (Invocation) callee.receive();
				callee.send(new Yield(invocation.requestId(), Map.of(), invocation.args(), Map.of()));
				assertThat(caller.expect(Result.class).args()).containsExactly("ping");
			}
		}
	}

	@Test
	void answersInvalidUriWithErrorAndKeepsReading() throws Exception {
		try (RawSocketClient client = client(WampCodecs.CBOR)) {
			client.handshake();
			client.send(TestPeer.hello("realm1", Map.of()));
			assertThat(client.receive()).isInstanceOf(Welcome.class);
			client.send(new Call(8, Map.of(), "com..no good"));
			ErrorMessage error = (ErrorMessage) client.receive();
			assertThat(error.requestId()).isEqualTo(8);
			assertThat(error.error()).isEqualTo(WampUris.INVALID_URI);
			client.send(new Register(9, Map.of(), "com.raw.after_error"));
			assertThat(client.receive()).isInstanceOf(Registered.class);
		}
	}

	@Test
	void answersPingWithPong() throws Exception {
		try (RawSocketClient client = client(WampCodecs.JSON)) {
			client.handshake();
			client.header(RawSocket.PING, 3);
			client.write(new byte[] { 1, 2, 3 }, 3);
			int header = client.readHeader();
			assertThat(RawSocket.frameType(header)).isEqualTo(RawSocket.PONG);
			assertThat(RawSocket.frameLength(header)).isEqualTo(3);
			byte[] payload = new byte[3];
			client.input().readFully(payload);
			assertThat(payload).containsExactly(1, 2, 3);
		}
	}

	@Test
	void refusesUnknownSerializer() throws Exception {
		try (RawSocketClient client = client(WampCodecs.JSON)) {
			RawSocketHandshake reply = client.handshake(RawSocket.MAX_LENGTH_EXPONENT, 9);
			assertThat(reply.isWamp()).isTrue();
			assertThat(reply.isError()).isTrue();
			assertThat(reply.errorCode()).isEqualTo(RawSocket.ERROR_SERIALIZER_UNSUPPORTED);
			assertThat(client.awaitClosed(TestPeer.TIMEOUT)).isTrue();
		}
	}

	@Test
	void abortsOversizedAndGarbageFrames() throws Exception {
		try (RawSocketClient big = client(WampCodecs.JSON);
				RawSocketClient garbage = client(WampCodecs.JSON);
				RawSocketClient reserved = client(WampCodecs.JSON)) {
			big.handshake();
			big.send(TestPeer.hello("realm1", Map.of()));
			big.receive();
			big.header(RawSocket.MESSAGE, 200 * 1024);
			Abort abort = (Abort) big.receive();
			assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
			assertThat((String) abort.details().get("message"))
				.contains("exceeds the announced maximum of 65536 bytes");
			assertThat(big.awaitClosed(TestPeer.TIMEOUT)).isTrue();

			garbage.handshake();
			byte[] junk = "{{{{".getBytes();
			garbage.header(RawSocket.MESSAGE, junk.length);
			garbage.write(junk, junk.length);
			assertThat(((Abort) garbage.receive()).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);

			reserved.handshake();
			reserved.output().writeInt(0x10000004);
			reserved.output().flush();
			Abort refused = (Abort) reserved.receive();
			assertThat((String) refused.details().get("message")).contains("reserved bits");
		}
	}

}
