package io.wampspring.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * WAMP over WebSocket on Reactor Netty ({@code ws://} and {@code wss://}).
 * <p>
 * The client offers the subprotocol of every configured serializer in preference order and
 * uses the one the router picked. JSON travels in text frames, MessagePack and CBOR in
 * binary frames. Frames are decoded on the I/O thread straight from Netty's buffers by the
 * shared codecs; a frame that cannot be decoded ends the inbound Flux with a
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

	private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

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
		this.serializers = List.copyOf(builder.serializers);
		this.sslContext = builder.sslContext;
		this.headers = Map.copyOf(builder.headers);
		this.pingInterval = builder.pingInterval;
		this.maxFrameSize = builder.maxFrameSize;
		this.connectTimeout = builder.connectTimeout;
		HttpClient client = HttpClient.newConnection()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()));
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
			// ping and pong frames reach the connection: it answers pings and counts pongs as liveness
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
		return this.uri.toString();
	}

	@Override
	public Mono<WampConnection> connect() {
		return Mono.defer(() -> {
			Sinks.One<WampConnection> opened = Sinks.one();
			Disposable handle = this.httpClient.websocket(this.spec)
				.uri(this.uri)
				.handle((in, out) -> {
					WampCodec codec = WampCodecs.bySubprotocol(in.selectedSubprotocol());
					if (codec == null || !this.serializers.contains(codec)) {
						return Mono.error(new WampProtocolException("router at " + this.uri
								+ " accepted none of the offered WebSocket subprotocols " + offered() + " (it chose '"
								+ in.selectedSubprotocol() + "')"));
					}
					Connection connection = new Connection(in, codec);
					opened.tryEmitValue(connection);
					return connection.receive();
				})
				.subscribe(null, (error) -> opened.tryEmitError(error),
						() -> opened.tryEmitError(new IllegalStateException("connection to " + this.uri + " closed during the handshake")));
			return opened.asMono()
				.timeout(this.connectTimeout,
						Mono.error(() -> new java.util.concurrent.TimeoutException(
								"no WebSocket connection to " + this.uri + " within " + this.connectTimeout.toMillis() + " ms")))
				.doOnError((error) -> handle.dispose())
				.doOnCancel(handle::dispose);
		});
	}

	private List<String> offered() {
		List<String> names = new ArrayList<>();
		for (WampCodec codec : this.serializers) {
			names.add(codec.subprotocol());
		}
		return names;
	}

	private final class Connection implements WampConnection {

		private final WampCodec codec;

		private final WebsocketInbound in;

		private final Sinks.Many<WampMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

		private final AtomicBoolean open = new AtomicBoolean(true);

		private volatile @Nullable Channel channel;

		private volatile boolean failed;

		private volatile @Nullable String closeReason;

		private @Nullable ScheduledFuture<?> pinger;

		// when the last frame (of any kind, pongs included) arrived; only touched on the event loop
		private long lastFrameNanos = System.nanoTime();

		Connection(WebsocketInbound in, WampCodec codec) {
			this.in = in;
			this.codec = codec;
			in.withConnection((c) -> this.channel = c.channel());
			Channel ch = this.channel;
			long ping = WebSocketTransport.this.pingInterval.toMillis();
			if (ch != null && ping > 0) {
				this.pinger = ch.eventLoop().scheduleAtFixedRate(() -> ping(ch, ping), ping, ping, TimeUnit.MILLISECONDS);
			}
		}

		// Runs on the event loop. A router that sent nothing, not even a pong, for two ping
		// intervals is gone (a silent network failure): close, so that reconnect logic applies.
		private void ping(Channel ch, long intervalMillis) {
			if (!ch.isActive()) {
				return;
			}
			long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.lastFrameNanos);
			if (silentMillis > 2 * intervalMillis) {
				logger.warn("no frame (not even a pong) from {} for {} ms, closing the connection",
						WebSocketTransport.this.uri, silentMillis);
				this.closeReason = "no pong from the router for " + silentMillis + " ms";
				ch.close();
				return;
			}
			ch.writeAndFlush(new PingWebSocketFrame());
		}

		Mono<Void> receive() {
			return this.in.aggregateFrames(WebSocketTransport.this.maxFrameSize)
				.receiveFrames()
				.doOnNext(this::onFrame)
				.then()
				.doOnError((error) -> {
					if (this.closeReason == null) {
						this.closeReason = (error.getMessage() != null) ? error.getMessage() : error.toString();
					}
				})
				.doFinally((signal) -> {
					this.open.set(false);
					ScheduledFuture<?> p = this.pinger;
					if (p != null) {
						p.cancel(false);
					}
					String reason = this.closeReason;
					if (reason != null) {
						this.inbound.tryEmitError(new java.io.IOException(reason));
					}
					else {
						this.inbound.tryEmitComplete();
					}
				});
		}

		// Runs on the event loop; the frame's buffer is released by Reactor Netty after this returns.
		private void onFrame(WebSocketFrame frame) {
			this.lastFrameNanos = System.nanoTime();
			if (frame instanceof PingWebSocketFrame) {
				Channel ch = this.channel;
				if (ch != null) {
					ch.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
				}
				return;
			}
			if (this.failed || !(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
				return;
			}
			WampMessage message;
			try {
				message = this.codec.decode(new ByteBufInputStream(frame.content()));
			}
			catch (WampProtocolException ex) {
				this.failed = true;
				this.inbound.tryEmitError(ex);
				return;
			}
			catch (RuntimeException ex) {
				this.failed = true;
				this.inbound.tryEmitError(new WampProtocolException(0,
						"could not decode a " + this.codec.subprotocol() + " frame: " + ex.getMessage(), ex));
				return;
			}
			this.inbound.tryEmitNext(message);
		}

		@Override
		public Flux<WampMessage> inbound() {
			return this.inbound.asFlux();
		}

		@Override
		public Mono<Void> send(WampMessage message) {
			return Mono.create((sink) -> {
				Channel ch = this.channel;
				if (ch == null || !ch.isActive()) {
					sink.error(new IllegalStateException("WebSocket connection to " + WebSocketTransport.this.uri + " is closed"));
					return;
				}
				ByteBuf buffer = ch.alloc().buffer();
				try {
					this.codec.encode(message, new ByteBufOutputStream(buffer));
				}
				catch (RuntimeException ex) {
					buffer.release();
					sink.error(ex);
					return;
				}
				WebSocketFrame frame = this.codec.isBinary() ? new BinaryWebSocketFrame(buffer)
						: new TextWebSocketFrame(buffer);
				ch.writeAndFlush(frame).addListener((future) -> {
					if (future.isSuccess()) {
						sink.success();
					}
					else {
						sink.error(future.cause());
					}
				});
			});
		}

		@Override
		public Mono<Void> close() {
			return Mono.create((sink) -> {
				Channel ch = this.channel;
				this.open.set(false);
				if (ch == null || !ch.isActive()) {
					sink.success();
					return;
				}
				ch.closeFuture().addListener((f) -> sink.success());
				ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
					.addListener(ChannelFutureListener.CLOSE);
			});
		}

		@Override
		public boolean isOpen() {
			Channel ch = this.channel;
			return this.open.get() && ch != null && ch.isActive();
		}

		@Override
		public boolean isSecure() {
			return WebSocketTransport.isSecure(WebSocketTransport.this.uri);
		}

		@Override
		public String protocol() {
			return this.codec.subprotocol();
		}

	}

	/**
	 * Builds a {@link WebSocketTransport}.
	 */
	public static final class Builder {

		private final URI uri;

		private List<WampCodec> serializers = List.of(WampCodecs.JSON);

		private @Nullable SslContext sslContext;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Duration pingInterval = Duration.ZERO;

		private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Builder(String url) {
			Objects.requireNonNull(url, "url");
			URI parsed;
			try {
				parsed = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("not a valid WebSocket URL: '" + url + "'", ex);
			}
			String scheme = (parsed.getScheme() != null) ? parsed.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("ws") && !scheme.equals("wss")) {
				throw new IllegalArgumentException(
						"a WebSocket URL must start with ws:// or wss://, got '" + url + "'");
			}
			if (parsed.getHost() == null) {
				throw new IllegalArgumentException("the WebSocket URL '" + url + "' has no host");
			}
			this.uri = parsed;
		}

		/**
		 * The serializers to offer, in preference order (default JSON).
		 * @param serializers one or more codecs
		 * @return this builder
		 */
		public Builder serializers(WampCodec... serializers) {
			return serializers(List.of(serializers));
		}

		/**
		 * The serializers to offer, in preference order (default JSON).
		 * @param serializers one or more codecs, without duplicates
		 * @return this builder
		 */
		public Builder serializers(List<WampCodec> serializers) {
			if (serializers.isEmpty()) {
				throw new IllegalArgumentException("at least one serializer is needed (json, msgpack or cbor)");
			}
			if (serializers.stream().distinct().count() != serializers.size()) {
				throw new IllegalArgumentException("serializers must not repeat: " + serializers);
			}
			this.serializers = List.copyOf(serializers);
			return this;
		}

		/**
		 * The TLS context for {@code wss://} (trust, client certificate). Without one, the JDK's
		 * default trust is used.
		 * @param sslContext a client SslContext, or null for the default
		 * @return this builder
		 */
		public Builder sslContext(@Nullable SslContext sslContext) {
			if (sslContext != null && !sslContext.isClient()) {
				throw new IllegalArgumentException("the SslContext must be a client context (SslContextBuilder.forClient())");
			}
			this.sslContext = sslContext;
			return this;
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
		 * Send a WebSocket ping at this interval (default zero: no pings). A connection that
		 * receives nothing from the router, not even a pong, for two intervals is closed as
		 * lost, so that a silent network failure is noticed.
		 * @param pingInterval the interval, zero to disable
		 * @return this builder
		 */
		public Builder pingInterval(Duration pingInterval) {
			if (pingInterval.isNegative()) {
				throw new IllegalArgumentException("pingInterval must not be negative, got " + pingInterval);
			}
			this.pingInterval = pingInterval;
			return this;
		}

		/**
		 * The largest frame (or message of aggregated fragments) accepted, in bytes (default
		 * 16 MiB).
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
		 * The time allowed to connect and complete the WebSocket handshake (default 10 s).
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			if (connectTimeout.isNegative() || connectTimeout.isZero()) {
				throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
			}
			this.connectTimeout = connectTimeout;
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
