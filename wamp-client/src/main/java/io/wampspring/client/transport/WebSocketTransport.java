package io.wampspring.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * WAMP over WebSocket on Reactor Netty ({@code ws://} and {@code wss://}).
 * <p>
 * The client offers the subprotocol of every configured serializer in preference order
 * and uses the one the router picked. JSON travels in text frames, MessagePack and CBOR
 * in binary frames. Frames are decoded on the I/O thread straight from Netty's buffers by
 * the shared codecs; a frame that cannot be decoded ends the inbound Flux with a
 * {@link WampProtocolException}.
 *
 * <pre class="code">
 * WampTransport transport = WebSocketTransport.builder("wss://router.example.com/ws")
 *     .serializers(WampCodecs.MSGPACK, WampCodecs.JSON)
 *     .sslContext(sslContext)
 *     .header("Authorization", "Bearer ...")
 *     .pingInterval(Duration.ofSeconds(30))
 *     .build();
 * </pre>
 */
public final class WebSocketTransport implements WampTransport {

	/** The default largest frame: 16 MiB. */
	public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

	private final URI uri;

	private final List<WampCodec> serializers;

	private final @Nullable SslContext sslContext;

	private final Map<String, String> headers;

	private final Duration pingInterval;

	private final int maxFrameSize;

	private final Duration connectTimeout;

	private final HttpClient httpClient;

	private final WebsocketClientSpec spec;

	private WebSocketTransport(Builder builder) {
		this.uri = builder.uri;
		this.serializers = builder.serializers;
		this.sslContext = isSecure(builder.uri) ? builder.effectiveSslContext() : builder.sslContext;
		this.headers = Map.copyOf(builder.headers);
		this.pingInterval = builder.pingInterval;
		this.maxFrameSize = builder.maxFrameSize;
		this.connectTimeout = builder.connectTimeout;
		HttpClient client = HttpClient.newConnection()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()))
			.option(ChannelOption.WRITE_BUFFER_WATER_MARK,
					TransportBuilder.waterMark(builder.writeBufferHighWaterMark));
		if (isSecure(this.uri)) {
			SslContext ssl = this.sslContext;
			client = (ssl != null) ? client.secure((sslSpec) -> sslSpec.sslContext(ssl)) : client.secure();
		}
		if (!this.headers.isEmpty()) {
			client = client.headers((h) -> this.headers.forEach(h::add));
		}
		this.httpClient = client;
		this.spec = WebsocketClientSpec.builder()
			.protocols(this.serializers.stream().map(WampCodec::subprotocol).collect(Collectors.joining(",")))
			.maxFramePayloadLength(this.maxFrameSize)
			// ping and pong frames reach the connection: it answers pings and counts
			// pongs as liveness
			.handlePing(true)
			.build();
	}

	/**
	 * A builder for a router URL.
	 * @param url a {@code ws://} or {@code wss://} URL
	 * @return a new builder
	 * @throws IllegalArgumentException when the URL is not a WebSocket URL
	 */
	public static Builder builder(String url) {
		return new Builder(url);
	}

	private static boolean isSecure(URI uri) {
		return "wss".equalsIgnoreCase(uri.getScheme());
	}

	/**
	 * The router URL.
	 * @return the URL
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * The serializers offered, in preference order.
	 * @return the codecs
	 */
	public List<WampCodec> serializers() {
		return this.serializers;
	}

	/**
	 * The interval of WebSocket pings; zero when pings are off.
	 * @return the interval
	 */
	public Duration pingInterval() {
		return this.pingInterval;
	}

	/**
	 * The largest frame accepted.
	 * @return the size in bytes
	 */
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

	/**
	 * The time allowed to open the connection and complete the handshake.
	 * @return the timeout
	 */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * The extra headers of the opening handshake.
	 * @return an unmodifiable map
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	@Override
	public String describe() {
		return RedactedUrls.redact(this.uri);
	}

	@Override
	public Mono<WampConnection> connect() {
		return ConnectFailures.open("WebSocket", RedactedUrls.redact(this.uri), this.connectTimeout, isSecure(this.uri),
				(opened, opening) -> this.httpClient.doOnChannelInit((observer, channel, address) -> {
					opening.accept(channel);
					ChannelPipeline pipeline = channel.pipeline();
					if (pipeline.get(NettyPipeline.ReactiveBridge) != null) {
						pipeline.addBefore(NettyPipeline.ReactiveBridge, "wampTlsFailures",
								ConnectFailures.tlsFailureReporter(opened));
					}
					else {
						pipeline.addLast("wampTlsFailures", ConnectFailures.tlsFailureReporter(opened));
					}
				}).websocket(this.spec).uri(this.uri).handle((in, out) -> {
					WampCodec codec = WampCodecs.bySubprotocol(in.selectedSubprotocol());
					if (codec == null || !this.serializers.contains(codec)) {
						return Mono.error(new WampTransportException("WebSocket", RedactedUrls.redact(this.uri),
								"the router accepted none of the offered WebSocket subprotocols " + offered()
										+ " (it chose '" + in.selectedSubprotocol() + "')",
								null));
					}
					Connection connection = new Connection(in, codec);
					opened.tryEmitValue(connection);
					return connection.receive();
				})
					.subscribe(null, opened::tryEmitError, () -> opened.tryEmitError(
							new IllegalStateException("the connection closed during the WebSocket handshake"))));
	}

	private List<String> offered() {
		List<String> names = new ArrayList<>();
		for (WampCodec codec : this.serializers) {
			names.add(codec.subprotocol());
		}
		return names;
	}

	private final class Connection extends NettyConnection {

		private final WebsocketInbound in;

		Connection(WebsocketInbound in, WampCodec codec) {
			super("WebSocket", RedactedUrls.redact(WebSocketTransport.this.uri), codec,
					WebSocketTransport.isSecure(WebSocketTransport.this.uri), in);
			this.in = in;
			startPinging(WebSocketTransport.this.pingInterval);
		}

		Mono<Void> receive() {
			return consume(this.in.aggregateFrames(WebSocketTransport.this.maxFrameSize).receiveFrames(), this::onFrame)
				.doOnError((error) -> closing((error.getMessage() != null) ? error.getMessage() : error.toString()))
				.doFinally((signal) -> closed());
		}

		// Runs on the event loop; the frame's buffer is released by Reactor Netty after
		// this returns.
		private void onFrame(WebSocketFrame frame) {
			if (frame instanceof PingWebSocketFrame) {
				Channel ch = this.channel;
				if (ch != null) {
					ch.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
				}
				return;
			}
			if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
				decode(frame.content());
			}
		}

		@Override
		Object pingFrame(Channel ch) {
			return new PingWebSocketFrame();
		}

		@Override
		Object frame(ByteBuf payload) {
			return this.codec.isBinary() ? new BinaryWebSocketFrame(payload) : new TextWebSocketFrame(payload);
		}

		@Override
		void closeChannel(Channel ch) {
			ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
				.addListener(ChannelFutureListener.CLOSE);
		}

		@Override
		public String protocol() {
			return this.codec.subprotocol();
		}

	}

	/**
	 * Builds a {@link WebSocketTransport}.
	 */
	public static final class Builder extends TransportBuilder<Builder> {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;

		private Builder(String url) {
			super(url, "WebSocket");
			String scheme = scheme();
			if (!scheme.equals("ws") && !scheme.equals("wss")) {
				throw new IllegalArgumentException(
						"a WebSocket URL must start with ws:// or wss://, got '" + RedactedUrls.redact(url) + "'");
			}
			if (this.uri.getHost() == null) {
				throw new IllegalArgumentException("the WebSocket URL '" + RedactedUrls.redact(url) + "' has no host");
			}
		}

		/**
		 * Add a header to the opening handshake.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Add headers to the opening handshake.
		 * @param headers names and values
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			headers.forEach(this::header);
			return this;
		}

		/**
		 * The largest frame (or message of aggregated fragments) accepted, in bytes
		 * (default 16 MiB).
		 * @param maxFrameSize the size, at least 1024
		 * @return this builder
		 */
		public Builder maxFrameSize(int maxFrameSize) {
			if (maxFrameSize < 1024) {
				throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes, got " + maxFrameSize);
			}
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 */
		public WebSocketTransport build() {
			return new WebSocketTransport(this);
		}

	}

}
