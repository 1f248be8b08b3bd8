package io.wampspring.client.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.tcp.TcpServer;

/**
 * A router that accepts connections and then says nothing, on a real socket, counting the
 * sockets it holds open: the WebSocket upgrade is answered but HELLO never is; the
 * RawSocket handshake is answered (echoed) but HELLO never is; or the RawSocket handshake
 * or the WebSocket upgrade is never answered. Every connection the client gives up must
 * be closed by the client.
 */
public final class SilentRouter implements AutoCloseable {

	/** Where the router falls silent. */
	public enum Mode {

		/**
		 * The WebSocket upgrade succeeds (subprotocol wamp.2.json); HELLO is never
		 * answered.
		 */
		WEBSOCKET_NO_WELCOME,

		/** The RawSocket handshake is echoed; HELLO is never answered. */
		RAWSOCKET_NO_WELCOME,

		/** The RawSocket handshake is never answered. */
		RAWSOCKET_NO_HANDSHAKE,

		/** The WebSocket upgrade request is never answered. */
		WEBSOCKET_NO_UPGRADE

	}

	private final Mode mode;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger maxOpen = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	// how long each closed connection was open, in milliseconds
	private final List<Long> lifetimes = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	/**
	 * Start on an ephemeral port of 127.0.0.1.
	 * @param mode where to fall silent
	 */
	public SilentRouter(Mode mode) {
		this.mode = mode;
		if (mode == Mode.WEBSOCKET_NO_WELCOME) {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.doOnChannelInit((observer, channel, address) -> track(channel))
				.route((routes) -> routes.ws("/ws", (in, out) -> in.receive().then(),
						WebsocketServerSpec.builder().protocols("wamp.2.json").build()))
				.bindNow(Duration.ofSeconds(5));
		}
		else {
			boolean echo = mode == Mode.RAWSOCKET_NO_WELCOME;
			this.server = TcpServer.create().host("127.0.0.1").port(0).doOnChannelInit((observer, channel, address) -> {
				track(channel);
				channel.pipeline().addFirst("silentRawSocket", new RawSocketHandshakeEcho(echo));
			})
				// reading starts with a subscriber to the inbound bytes, which the echo
				// swallows
				.handle((in, out) -> in.receive().then())
				.bindNow(Duration.ofSeconds(5));
		}
	}

	private void track(Channel channel) {
		long opened = System.nanoTime();
		this.accepted.incrementAndGet();
		int now = this.open.incrementAndGet();
		this.maxOpen.accumulateAndGet(now, Math::max);
		channel.closeFuture().addListener((future) -> {
			this.lifetimes.add((System.nanoTime() - opened) / 1_000_000);
			this.open.decrementAndGet();
		});
	}

	/**
	 * The URL a client connects to.
	 * @return {@code ws://127.0.0.1:port/ws} or {@code tcp://127.0.0.1:port}
	 */
	public String url() {
		return switch (this.mode) {
			case WEBSOCKET_NO_WELCOME, WEBSOCKET_NO_UPGRADE -> "ws://127.0.0.1:" + this.server.port() + "/ws";
			case RAWSOCKET_NO_WELCOME, RAWSOCKET_NO_HANDSHAKE -> "tcp://127.0.0.1:" + this.server.port();
		};
	}

	/**
	 * The port.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Connections open now.
	 * @return the count
	 */
	public int open() {
		return this.open.get();
	}

	/**
	 * The most connections that were open at once.
	 * @return the count
	 */
	public int maxOpen() {
		return this.maxOpen.get();
	}

	/**
	 * Connections accepted so far.
	 * @return the count
	 */
	public int accepted() {
		return this.accepted.get();
	}

	/**
	 * How long each closed connection was open.
	 * @return milliseconds, in the order the connections closed
	 */
	public List<Long> lifetimes() {
		return List.copyOf(this.lifetimes);
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	/**
	 * Answers the 4-byte RawSocket handshake by echoing it (or not at all), then swallows
	 * everything.
	 */
	private static final class RawSocketHandshakeEcho extends ChannelInboundHandlerAdapter {

		private final boolean echo;

		private @Nullable ByteBuf handshake;

		RawSocketHandshakeEcho(boolean echo) {
			this.echo = echo;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ByteBuf in = (ByteBuf) msg;
			try {
				if (!this.echo) {
					return;
				}
				ByteBuf collected = this.handshake;
				if (collected == null) {
					collected = ctx.alloc().buffer(4);
					this.handshake = collected;
				}
				if (collected.writerIndex() < 4) {
					collected.writeBytes(in, Math.min(in.readableBytes(), 4 - collected.writerIndex()));
					if (collected.writerIndex() == 4) {
						ctx.writeAndFlush(collected.retainedDuplicate());
					}
				}
			}
			finally {
				in.release();
			}
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext ctx) {
			ByteBuf collected = this.handshake;
			if (collected != null) {
				collected.release();
			}
		}

	}

}
