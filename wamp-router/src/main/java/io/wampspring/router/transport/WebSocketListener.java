package io.wampspring.router.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.wampspring.core.codec.FrameDecoder;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.WampMessage;
import io.wampspring.router.realm.RouterCore;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The WebSocket listener: a Reactor Netty HTTP server that upgrades requests on one path,
 * picks the codec from the client's offered subprotocols (in the client's order), and
 * feeds each decoded frame to the connection's {@link RouterSession} on the event loop.
 * Each connection gets a {@link ConnectionGuard} (timeouts, keep-alive,
 * incomplete-message budgets) when it is accepted and a {@link WebSocketFrameMeter} when
 * it is upgraded.
 */
public final class WebSocketListener {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketListener.class);

	private static final String PROTOCOLS = "wamp.2.json,wamp.2.msgpack,wamp.2.cbor";

	private final RouterCore core;

	private final String host;

	private final int port;

	private final String path;

	private final @Nullable SslContext ssl;

	private @Nullable DisposableServer server;

	/**
	 * Create a listener.
	 * @param core the router core
	 * @param host the host to bind
	 * @param port the port, 0 for an ephemeral one
	 * @param path the HTTP path, such as {@code /ws}
	 * @param ssl TLS, or null for plain WebSocket
	 */
	public WebSocketListener(RouterCore core, String host, int port, String path, @Nullable SslContext ssl) {
		this.core = core;
		this.host = host;
		this.port = port;
		this.path = path;
		this.ssl = ssl;
	}

	/**
	 * Bind the server.
	 * @param timeout how long to wait for the bind
	 */
	public void start(Duration timeout) {
		int max = this.core.limits().maxMessageSize();
		// Netty's own limit is twice ours, so that a message just above our limit gets a
		// readable ABORT instead of a bare close; the connection guard stops holding its
		// bytes at our limit, whatever its frame header announced.
		int nettyMax = (max > Integer.MAX_VALUE / 2) ? Integer.MAX_VALUE : max * 2;
		WebsocketServerSpec spec = WebsocketServerSpec.builder()
			.protocols(PROTOCOLS)
			.maxFramePayloadLength(nettyMax)
			.build();
		HttpServer http = HttpServer.create()
			.host(this.host)
			.port(this.port)
			.doOnChannelInit((observer, channel, remote) -> ConnectionGuard.install(channel, this.core,
					ConnectionGuard.WEBSOCKET));
		if (this.ssl != null) {
			SslContext context = this.ssl;
			http = http.secure((ssl) -> ssl.sslContext(context));
		}
		this.server = http.route((routes) -> routes.ws(this.path, (in, out) -> handle(in, out, nettyMax), spec))
			.bindNow(timeout);
		logger.info("WAMP WebSocket listener on {}://{}:{}{}", (this.ssl != null) ? "wss" : "ws", this.host,
				boundPort(), this.path);
	}

	/**
	 * The port the server is bound to.
	 * @return the port
	 */
	public int boundPort() {
		DisposableServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("the WebSocket listener is not started");
		}
		return ((InetSocketAddress) current.address()).getPort();
	}

	/**
	 * Stop the server.
	 * @param timeout how long to wait
	 */
	public void stop(Duration timeout) {
		DisposableServer current = this.server;
		if (current != null) {
			current.disposeNow(timeout);
			this.server = null;
		}
	}

	private Publisher<Void> handle(WebsocketInbound in, WebsocketOutbound out, int nettyMax) {
		String subprotocol = in.selectedSubprotocol();
		WampCodec codec = WampCodecs.bySubprotocol(subprotocol);
		if (codec == null) {
			logger.info("Rejected a WebSocket client without a WAMP subprotocol (offered: {})",
					in.headers().get("Sec-WebSocket-Protocol"));
			return out.sendClose(1002, "offer one of the subprotocols " + PROTOCOLS);
		}
		RouterSession[] holder = new RouterSession[1];
		in.withConnection((connection) -> {
			Channel channel = connection.channel();
			RouterSession session = this.core
				.newSession(new WebSocketOutbound(channel, codec, this.core.limits().maxOutboundBytesPerSession()));
			holder[0] = session;
			ConnectionGuard guard = ConnectionGuard.of(channel);
			// The upgrade request is done with; from now on the frame meter reports what
			// is held.
			guard.consumedAll();
			meterFrames(channel, guard);
			guard.opened(session, PingWebSocketFrame::new);
			connection.onDispose(session::transportClosed);
		});
		RouterSession session = holder[0];
		if (session == null) {
			return Mono.empty();
		}
		int max = this.core.limits().maxMessageSize();
		// one per connection: it keeps its parser between frames
		FrameDecoder frames = codec.frameDecoder();
		return in.aggregateFrames(nettyMax)
			.receiveFrames()
			.doOnNext((frame) -> onFrame(session, codec, frames, frame, max))
			.then();
	}

	private static void meterFrames(Channel channel, ConnectionGuard guard) {
		ChannelPipeline pipeline = channel.pipeline();
		for (Map.Entry<String, ChannelHandler> entry : pipeline) {
			if (entry.getValue() instanceof WebSocketFrameDecoder decoder) {
				if (decoder instanceof ByteToMessageDecoder cumulating) {
					// A frame that arrives in many reads is held as those reads, not
					// copied into ever larger buffers.
					cumulating.setCumulator(ByteToMessageDecoder.COMPOSITE_CUMULATOR);
				}
				pipeline.addAfter(entry.getKey(), "wamp-frame-meter", new WebSocketFrameMeter(guard));
				return;
			}
		}
		throw new IllegalStateException("no WebSocket frame decoder in the pipeline " + pipeline.names());
	}

	private static void onFrame(RouterSession session, WampCodec codec, FrameDecoder frames, WebSocketFrame frame,
			int max) {
		if (session.isClosed()) {
			return;
		}
		if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame)) {
			return;
		}
		ByteBuf content = frame.content();
		int size = content.readableBytes();
		if (size > max) {
			session.protocolError("a message of " + size + " bytes exceeds the limit of " + max + " bytes");
			return;
		}
		WampMessage message;
		try {
			message = frames.decode(content.nioBuffer());
		}
		catch (RuntimeException ex) {
			session.undecodable(codec.subprotocol(), ex);
			return;
		}
		try {
			session.receive(message);
		}
		catch (RuntimeException ex) {
			logger.error("Router failure while handling a message of session {}", session.id(), ex);
			session.protocolError("the router failed to handle the message: " + ex.getMessage());
		}
	}

}
