package io.wampspring.client.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.core.rawsocket.RawSocketHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RawSocket against a minimal scripted RawSocket router on a real TCP socket.
 */
class RawSocketTransportTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AtomicLong pings = new AtomicLong();

	private DisposableServer server;

	private WampClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close().block(TIMEOUT);
		}
		if (this.server != null) {
			this.server.disposeNow(TIMEOUT);
		}
	}

	/**
	 * A router that accepts the given serializers, answers HELLO, CALL (echo, or a large
	 * result for {@code com.big}) and GOODBYE, and counts and answers PINGs.
	 */
	private String startRouter(Set<WampCodec> supported) {
		this.server = TcpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection((connection) -> connection.addHandlerLast(new RawSocketFrameDecoder(1 << 24)))
			.handle((in, out) -> {
				Channel[] channel = new Channel[1];
				WampCodec[] codec = new WampCodec[1];
				in.withConnection((c) -> channel[0] = c.channel());
				return in.receiveObject().doOnNext((object) -> {
					if (object instanceof RawSocketHandshake handshake) {
						WampCodec requested = WampCodecs.byRawSocketId(handshake.serializer());
						boolean ok = requested != null && supported.contains(requested);
						codec[0] = requested;
						RawSocketHandshake reply = ok ? RawSocketHandshake.of(15, handshake.serializer())
								: RawSocketHandshake.error(RawSocket.ERROR_SERIALIZER_UNSUPPORTED);
						channel[0].writeAndFlush(Unpooled.buffer(4).writeInt(reply.value()));
					}
					else if (object instanceof RawSocketFrameDecoder.Frame frame) {
						if (frame.type() == RawSocket.PING) {
							this.pings.incrementAndGet();
							channel[0]
								.writeAndFlush(Unpooled.buffer(4).writeInt(RawSocket.frameHeader(RawSocket.PONG, 0)));
							return;
						}
						WampMessage message = codec[0].decode(new ByteBufInputStream(frame.content()));
						WampMessage answer = null;
						if (message instanceof Hello) {
							answer = new Welcome(7, Map.of("authid", "raw", "authrole", "user"));
						}
						else if (message instanceof Call call && call.procedure().equals("com.big")) {
							answer = new Result(call.requestId(), Map.of(), List.of("x".repeat(4096)), Map.of());
						}
						else if (message instanceof Call call) {
							answer = new Result(call.requestId(), Map.of(), call.args(), call.kwargs());
						}
						else if (message instanceof Goodbye goodbye && goodbye.reason().equals(WampUris.CLOSE_NORMAL)) {
							answer = new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT);
						}
						if (answer != null) {
							ByteBuf buffer = Unpooled.buffer();
							buffer.writeInt(0);
							codec[0].encode(answer, new ByteBufOutputStream(buffer));
							buffer.setInt(0, buffer.readableBytes() - 4);
							channel[0].writeAndFlush(buffer);
						}
					}
				}).then(Mono.never());
			})
			.bindNow(TIMEOUT);
		return "tcp://127.0.0.1:" + this.server.port();
	}

	private WampClient connect(RawSocketTransport transport) {
		this.client = WampClient
			.create(ClientOptions.builder(transport, "realm1").reconnect(ReconnectOptions.disabled()).build());
		this.client.connect().block(TIMEOUT);
		return this.client;
	}

	@Test
	void fallsBackToTheNextSerializerAndCalls() {
		String url = startRouter(Set.of(WampCodecs.MSGPACK));
		WampClient client = connect(RawSocketTransport.builder(url)
			.serializers(WampCodecs.JSON, WampCodecs.CBOR, WampCodecs.MSGPACK)
			.build());
		assertThat(client.sessionInfo().authid()).isEqualTo("raw");
		StepVerifier.create(client.call("com.echo", List.of(1, "two"), Map.of("k", 3), CallOptions.defaults()))
			.assertNext((result) -> {
				assertThat(result.args()).containsExactly(1L, "two");
				assertThat(result.kwargs()).containsEntry("k", 3L);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void failsWhenNoSerializerIsSupported() {
		String url = startRouter(Set.of(WampCodecs.CBOR));
		this.client = WampClient.create(ClientOptions
			.builder(RawSocketTransport.builder(url).serializers(WampCodecs.JSON, WampCodecs.MSGPACK).build(), "realm1")
			.reconnect(ReconnectOptions.disabled())
			.build());
		StepVerifier.create(this.client.connect())
			.expectErrorSatisfies((error) -> assertThat(error.getMessage()).contains("supports none", "wamp.2.json",
					"wamp.2.msgpack"))
			.verify(TIMEOUT);
	}

	@Test
	void aMessageAboveTheAnnouncedMaximumIsAProtocolViolation() {
		String url = startRouter(Set.of(WampCodecs.JSON));
		RawSocketTransport transport = RawSocketTransport.builder(url).maxMessageSize(1000).build();
		assertThat(transport.maxMessageSize()).isEqualTo(1024);
		WampClient client = connect(transport);
		StepVerifier.create(client.call("com.big")).expectErrorSatisfies((error) -> {
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TRANSPORT_LOST);
			assertThat(error.getMessage()).contains("exceeds the announced maximum of 1024");
		}).verify(TIMEOUT);
	}

	@Test
	void pingsAreAnsweredAndKeepTheConnectionAlive() {
		String url = startRouter(Set.of(WampCodecs.JSON));
		// 100 ms leaves room for a loaded machine: two silent intervals would close the
		// connection
		WampClient client = connect(RawSocketTransport.builder(url).pingInterval(Duration.ofMillis(100)).build());
		StepVerifier
			.create(Flux.interval(Duration.ofMillis(10)).map((tick) -> this.pings.get()).filter((n) -> n >= 3).next())
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(client.state()).isEqualTo(SessionState.JOINED);
	}

	@Test
	void rejectsOtherUrls() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> RawSocketTransport.builder("ws://localhost:8080/ws"))
			.withMessageContaining("tcp://");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> RawSocketTransport.builder("tcp://localhost"))
			.withMessageContaining("port");
	}

}
