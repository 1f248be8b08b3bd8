package io.wampspring.benchmarks.peers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A callee with as little code as possible between the socket and the codec: it answers
 * every INVOCATION of {@code bench.echo} with a YIELD of the same arguments. The caller
 * benchmarks route through it, so that the callee costs the same for every caller and
 * little CPU.
 */
final class PlainCallee {

	static final String PROCEDURE = "bench.echo";

	private final WampCodec codec;

	private final CountDownLatch registered = new CountDownLatch(1);

	PlainCallee(WampCodec codec) {
		this.codec = codec;
	}

	/**
	 * Connect, join, register, and answer from then on.
	 * @param url the router's WebSocket URL
	 * @param realm the realm
	 * @param timeout how long to wait for the registration
	 */
	void start(String url, String realm, Duration timeout) throws InterruptedException {
		HttpClient.create()
			.websocket(WebsocketClientSpec.builder().protocols(this.codec.subprotocol()).build())
			.uri(url)
			.handle((in,
					out) -> out.sendObject(Flux.concat(
							Mono.fromSupplier(
									() -> frame(new Hello(realm, Map.of("roles", Map.of("callee", Map.of()))))),
							in.receiveFrames().handle((frame, sink) -> {
								WebSocketFrame answer = answer(frame);
								if (answer != null) {
									sink.next(answer);
								}
							}))))
			.subscribe(null, (error) -> System.err.println("callee: " + error));
		if (!this.registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("the callee did not register " + PROCEDURE + " within " + timeout);
		}
	}

	private @org.jspecify.annotations.Nullable WebSocketFrame answer(WebSocketFrame frame) {
		WampMessage message = this.codec.decode(new ByteBufInputStream(frame.content()));
		if (message instanceof Invocation invocation) {
			return frame(new Yield(invocation.requestId(), Map.of(), invocation.args(), invocation.kwargs()));
		}
		if (message instanceof Welcome) {
			return frame(new Register(1, Map.of(), PROCEDURE));
		}
		if (message instanceof Registered) {
			this.registered.countDown();
		}
		return null;
	}

	private WebSocketFrame frame(WampMessage message) {
		ByteBuf buffer = Unpooled.buffer(128);
		this.codec.encode(message, new ByteBufOutputStream(buffer));
		return this.codec.isBinary() ? new BinaryWebSocketFrame(buffer) : new TextWebSocketFrame(buffer);
	}

}
