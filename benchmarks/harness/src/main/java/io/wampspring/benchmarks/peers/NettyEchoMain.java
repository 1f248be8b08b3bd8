package io.wampspring.benchmarks.peers;

import java.util.concurrent.CountDownLatch;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The physical reference: a plain Netty WebSocket server on a free port that sends every
 * text or binary frame back as it came, writing during a read burst and flushing once at
 * its end. It accepts the WAMP subprotocols, so the load driver connects to it as to a
 * router. Prints {@code READY ws://127.0.0.1:P/ws} and runs until killed.
 */
public final class NettyEchoMain {

	private NettyEchoMain() {
	}

	/**
	 * Run the echo server.
	 * @param args none
	 * @throws Exception when it cannot start
	 */
	public static void main(String[] args) throws Exception {
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
		Channel server = new ServerBootstrap().group(group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
								new WebSocketServerProtocolHandler("/ws", "wamp.2.json,wamp.2.msgpack,wamp.2.cbor"),
								new Echo());
				}
			})
			.bind("127.0.0.1", 0)
			.sync()
			.channel();
		int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
		System.out.println("READY ws://127.0.0.1:" + port + "/ws");
		System.out.flush();
		new CountDownLatch(1).await();
	}

	static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {

		Echo() {
			super(false);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
			if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
				ctx.write(frame);
			}
			else {
				frame.release();
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

}
