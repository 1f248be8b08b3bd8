package io.wampspring.router;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
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
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.router.config.RouterLimits;
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

	/** A blocking RawSocket client. */
	static final class RawClient implements AutoCloseable {

		final Socket socket;

		final DataInputStream in;

		final DataOutputStream out;

		final WampCodec codec;

		RawClient(WampCodec codec) throws IOException {
			this.codec = codec;
			this.socket = new Socket("127.0.0.1", router.rawSocketPort());
			this.socket.setSoTimeout(5000);
			this.in = new DataInputStream(this.socket.getInputStream());
			this.out = new DataOutputStream(this.socket.getOutputStream());
		}

		byte[] handshake(int serializer) throws IOException {
			this.out.write(new byte[] { 0x7F, (byte) (0xF0 | serializer), 0, 0 });
			this.out.flush();
			byte[] reply = new byte[4];
			this.in.readFully(reply);
			return reply;
		}

		void send(WampMessage message) throws IOException {
			byte[] bytes = this.codec.encode(message);
			this.out.writeInt(bytes.length);
			this.out.write(bytes);
			this.out.flush();
		}

		WampMessage receive() throws IOException {
			int header = this.in.readInt();
			assertThat(header >>> 24).as("frame type").isZero();
			byte[] bytes = new byte[header & 0xFFFFFF];
			this.in.readFully(bytes);
			return this.codec.decode(bytes);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	@Test
	void joinsAndServesWebSocketCallers() throws Exception {
		for (WampCodec codec : WampCodecs.all()) {
			try (RawClient callee = new RawClient(codec); TestPeer caller = TestPeer.connect(router.webSocketUrl())) {
				byte[] reply = callee.handshake(codec.rawSocketSerializerId());
				assertThat(reply[0]).isEqualTo((byte) 0x7F);
				assertThat(reply[1] & 0x0F).isEqualTo(codec.rawSocketSerializerId());
				assertThat(1 << (9 + ((reply[1] & 0xF0) >> 4))).isGreaterThanOrEqualTo(64 * 1024);
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
		try (RawClient client = new RawClient(WampCodecs.CBOR)) {
			client.handshake(WampCodecs.CBOR.rawSocketSerializerId());
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
		try (RawClient client = new RawClient(WampCodecs.JSON)) {
			client.handshake(1);
			client.out.writeInt((1 << 24) | 3);
			client.out.write(new byte[] { 1, 2, 3 });
			client.out.flush();
			int header = client.in.readInt();
			assertThat(header >>> 24).isEqualTo(2);
			assertThat(header & 0xFFFFFF).isEqualTo(3);
			byte[] payload = new byte[3];
			client.in.readFully(payload);
			assertThat(payload).containsExactly(1, 2, 3);
		}
	}

	@Test
	void refusesUnknownSerializer() throws Exception {
		try (RawClient client = new RawClient(WampCodecs.JSON)) {
			byte[] reply = client.handshake(9);
			assertThat(reply[0]).isEqualTo((byte) 0x7F);
			assertThat((reply[1] & 0xF0) >> 4).isEqualTo(1);
			assertThat(client.in.read()).isEqualTo(-1);
		}
	}

	@Test
	void abortsOversizedAndGarbageFrames() throws Exception {
		try (RawClient big = new RawClient(WampCodecs.JSON); RawClient garbage = new RawClient(WampCodecs.JSON)) {
			big.handshake(1);
			big.send(TestPeer.hello("realm1", Map.of()));
			big.receive();
			big.out.writeInt(200 * 1024);
			big.out.flush();
			Abort abort = (Abort) big.receive();
			assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
			assertThat((String) abort.details().get("message")).contains("exceeds the limit");
			assertThat(big.in.read()).isEqualTo(-1);

			garbage.handshake(1);
			byte[] junk = "{{{{".getBytes();
			garbage.out.writeInt(junk.length);
			garbage.out.write(junk);
			garbage.out.flush();
			assertThat(((Abort) garbage.receive()).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		}
	}

}
