package io.wampspring.router;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progressive call invocations through the dealer over real sockets: chunks forwarded
 * under one INVOCATION id to the callee chosen first, details frozen by the first CALL,
 * cancel mid-stream, chunks of an ended call dropped, peers that did not announce the
 * feature, and a callee too slow for its caller's stream.
 */
class ProgressiveCallInvocationTests {

	private static final long BACKLOG = 256 * 1024;

	@RegisterExtension
	static final RouterFixture fixture = RouterFixture
		.withLimits(RouterLimits.builder().maxProgressiveBacklogBytes(BACKLOG).build());

	private static final Map<String, Object> STREAMING = Map.of("progressive_call_invocations", true,
			"progressive_call_results", true, "call_canceling", true);

	private static final Map<String, Object> ROLES = Map.of("caller", Map.of("features", STREAMING), "callee",
			Map.of("features", STREAMING));

	private static TestPeer peer(Map<String, Object> roles) {
		TestPeer peer = fixture.connect();
		peer.send(new Hello("realm1", Map.of("roles", roles)));
		peer.expect(Welcome.class);
		return peer;
	}

	private static Map<String, Object> progress() {
		return Map.of("progress", true);
	}

	@Test
	void welcomeAnnouncesTheFeature() {
		TestPeer peer = fixture.connect();
		peer.send(new Hello("realm1", Map.of("roles", ROLES)));
		Welcome welcome = peer.expect(Welcome.class);
		assertThat(welcome.details().get("roles").toString()).contains("progressive_call_invocations=true");
	}

	@Test
	void forwardsEveryChunkUnderOneInvocationIdWithFrozenDetails() {
		TestPeer callee = peer(ROLES);
		TestPeer caller = peer(ROLES);
		callee.register("com.example.stream", Map.of("disclose_caller", true));
		long id = caller.nextId();
		caller.send(new Call(id, Map.of("progress", true, "receive_progress", true), "com.example.stream", List.of(1),
				Map.of()));
		caller.send(new Call(id, progress(), "com.example.stream", List.of(2), Map.of()));
		caller.send(new Call(id, Map.of(), "com.example.stream", List.of(3), Map.of()));
		Invocation first = callee.expect(Invocation.class);
		Invocation second = callee.expect(Invocation.class);
		Invocation last = callee.expect(Invocation.class);
		assertThat(first.details()).containsEntry("progress", true)
			.containsEntry("receive_progress", true)
			.containsKey("caller");
		assertThat(second.requestId()).isEqualTo(first.requestId());
		assertThat(second.details()).containsEntry("progress", true).containsKey("caller");
		assertThat(last.requestId()).isEqualTo(first.requestId());
		assertThat(last.details()).doesNotContainKey("progress").containsKey("caller");
		assertThat(List.of(first.args(), second.args(), last.args())).containsExactly(List.of(1L), List.of(2L),
				List.of(3L));
		// a progressive result while chunks flow, then the final one
		callee.send(new Yield(first.requestId(), progress(), List.of("partial"), Map.of()));
		callee.send(new Yield(first.requestId(), Map.of(), List.of(6), Map.of()));
		Result partial = caller.expect(Result.class);
		assertThat(partial.details()).containsEntry("progress", true);
		assertThat(caller.expect(Result.class).args()).containsExactly(6L);
	}

	@Test
	void cancelMidStreamInterruptsTheCalleeAndDropsLateChunks() {
		TestPeer callee = peer(ROLES);
		TestPeer caller = peer(ROLES);
		callee.register("com.example.stream", Map.of());
		long id = caller.nextId();
		caller.send(new Call(id, progress(), "com.example.stream", List.of(1), Map.of()));
		Invocation first = callee.expect(Invocation.class);
		caller.send(new Cancel(id, Map.of("mode", "killnowait")));
		assertThat(callee.expect(Interrupt.class).requestId()).isEqualTo(first.requestId());
		assertThat(caller.expect(ErrorMessage.class).error()).isEqualTo(WampUris.CANCELED);
		// chunks that were on their way are not a new call, and neither is the final one
		caller.send(new Call(id, progress(), "com.example.stream", List.of(2), Map.of()));
		caller.send(new Call(id, Map.of(), "com.example.stream", List.of(3), Map.of()));
		callee.expectNothing(Duration.ofMillis(300));
		caller.expectNothing(Duration.ofMillis(100));
		// the id is free again afterwards: a plain call under it works
		caller.send(new Call(id, Map.of(), "com.example.stream", List.of(4), Map.of()));
		Invocation plain = callee.expect(Invocation.class);
		assertThat(plain.details()).doesNotContainKey("progress");
		callee.send(new Yield(plain.requestId(), Map.of(), List.of(4), Map.of()));
		assertThat(caller.expect(Result.class).args()).containsExactly(4L);
	}

	@Test
	void aCalleeErrorMidStreamEndsTheCallAndLaterChunksAreDropped() {
		TestPeer callee = peer(ROLES);
		TestPeer caller = peer(ROLES);
		callee.register("com.example.stream", Map.of());
		long id = caller.nextId();
		caller.send(new Call(id, progress(), "com.example.stream", List.of(1), Map.of()));
		Invocation first = callee.expect(Invocation.class);
		callee.send(new ErrorMessage(io.wampspring.core.message.WampMessageType.INVOCATION, first.requestId(), Map.of(),
				"com.example.error.bad_chunk", List.of(), Map.of()));
		assertThat(caller.expect(ErrorMessage.class).error()).isEqualTo("com.example.error.bad_chunk");
		caller.send(new Call(id, progress(), "com.example.stream", List.of(2), Map.of()));
		caller.send(new Call(id, Map.of(), "com.example.stream", List.of(3), Map.of()));
		callee.expectNothing(Duration.ofMillis(300));
	}

	@Test
	void aCallerThatDidNotAnnounceTheFeatureBreaksTheProtocol() {
		TestPeer callee = peer(ROLES);
		callee.register("com.example.stream", Map.of());
		TestPeer caller = peer(Map.of("caller", Map.of("features", Map.of("call_canceling", true))));
		caller.send(new Call(caller.nextId(), progress(), "com.example.stream", List.of(1), Map.of()));
		Abort abort = caller.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		assertThat(abort.details().get("message").toString()).contains("progressive_call_invocations");
	}

	@Test
	void aCalleeWithoutTheFeatureGetsNothingAndTheCallerFeatureNotSupported() {
		TestPeer callee = peer(Map.of("callee", Map.of("features", Map.of("call_canceling", true))));
		callee.register("com.example.plain", Map.of());
		TestPeer caller = peer(ROLES);
		long id = caller.nextId();
		caller.send(new Call(id, progress(), "com.example.plain", List.of(1), Map.of()));
		caller.send(new Call(id, Map.of(), "com.example.plain", List.of(2), Map.of()));
		ErrorMessage error = caller.expect(ErrorMessage.class);
		assertThat(error.error()).isEqualTo(WampUris.FEATURE_NOT_SUPPORTED);
		assertThat(error.args().get(0).toString()).contains("progressive_call_invocations");
		// the final chunk was not taken for a new plain call
		callee.expectNothing(Duration.ofMillis(300));
		caller.expectNothing(Duration.ofMillis(100));
	}

	@Test
	void aCalleeThatStopsReadingFailsTheCallNotTheRouterNorItsSession() throws Exception {
		try (StalledCallee callee = new StalledCallee(fixture.router().rawSocketPort())) {
			callee.register("com.example.slow");
			TestPeer caller = peer(ROLES);
			long id = caller.nextId();
			String chunk = "x".repeat(64 * 1024);
			caller.send(new Call(id, progress(), "com.example.slow", List.of(chunk), Map.of()));
			ErrorMessage error = null;
			// kernel buffers take some; the router's backlog bound takes over after
			for (int i = 0; i < 2000 && error == null; i++) {
				caller.send(new Call(id, progress(), "com.example.slow", List.of(chunk), Map.of()));
				WampMessage answer = caller.poll(Duration.ofMillis(5));
				if (answer instanceof ErrorMessage failed) {
					error = failed;
				}
			}
			assertThat(error).as("the call failed on the backlog bound").isNotNull();
			assertThat(error.error()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
			assertThat(error.args().get(0).toString()).contains("max-progressive-backlog", "too slowly");
			// the callee's session was not cut off for the caller's stream
			assertThat(callee.isOpen()).isTrue();
			// and the caller's session goes on
			caller.send(new Call(caller.nextId(), Map.of(), "com.example.nobody", List.of(), Map.of()));
			ErrorMessage next = (ErrorMessage) caller.poll(TestPeer.TIMEOUT.multipliedBy(2));
			while (next != null && !WampUris.NO_SUCH_PROCEDURE.equals(next.error())) {
				next = (ErrorMessage) caller.poll(TestPeer.TIMEOUT);
			}
			assertThat(next).isNotNull();
		}
	}

	/**
	 * A RawSocket JSON callee on a plain socket that stops reading once registered, with
	 * a small receive buffer, so that the router's writes to it pile up.
	 */
	private static final class StalledCallee implements AutoCloseable {

		private final Socket socket;

		private final DataInputStream in;

		private final OutputStream out;

		StalledCallee(int port) throws IOException {
			this.socket = new Socket();
			this.socket.setReceiveBufferSize(4096);
			this.socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
			this.socket.setSoTimeout(5000);
			this.in = new DataInputStream(this.socket.getInputStream());
			this.out = this.socket.getOutputStream();
			// magic, 2^24 bytes and JSON, reserved
			this.out.write(new byte[] { 0x7F, (byte) 0xF1, 0, 0 });
			byte[] reply = new byte[4];
			this.in.readFully(reply);
			assertThat(reply[0]).isEqualTo((byte) 0x7F);
			send(new Hello("realm1", Map.of("roles", ROLES)));
			assertThat(read()).isInstanceOf(Welcome.class);
		}

		void register(String procedure) throws IOException {
			send(new Register(1, Map.of(), procedure));
			assertThat(read()).isInstanceOf(Registered.class);
		}

		boolean isOpen() {
			return !this.socket.isClosed() && this.socket.isConnected();
		}

		private void send(WampMessage message) throws IOException {
			byte[] payload = WampCodecs.JSON.encode(message);
			this.out.write(new byte[] { 0, (byte) (payload.length >>> 16), (byte) (payload.length >>> 8),
					(byte) payload.length });
			this.out.write(payload);
			this.out.flush();
		}

		private WampMessage read() throws IOException {
			int header = this.in.readInt();
			byte[] payload = new byte[header & 0xFFFFFF];
			this.in.readFully(payload);
			return WampCodecs.JSON.decode(payload);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
