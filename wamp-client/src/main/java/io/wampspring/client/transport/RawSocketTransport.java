package io.wampspring.client.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.DomainSocketAddress;
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
import reactor.netty.NettyInbound;
import reactor.netty.tcp.TcpClient;

/**
 * WAMP over RawSocket on Reactor Netty: {@code tcp://host:port}, {@code tcps://host:port}
 * (caller-supplied SslContext) and {@code unix:///path} (Linux, native epoll).
 * <p>
 * RawSocket negotiates one serializer per connection: the client tries the configured
 * serializers in preference order and moves to the next one when the router answers that
 * it does not support a serializer. Frames are decoded on the I/O thread by the shared
 * codecs; a frame that cannot be decoded, or one longer than the announced maximum, ends the
 * inbound Flux with a {@link WampProtocolException}. PINGs from the router are answered;
 * with a ping interval the client pings too and treats two silent intervals as a lost
 * connection.
 */
public final class RawSocketTransport implements WampTransport {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketTransport.class);

	private static final String[] HANDSHAKE_ERRORS = { "illegal (must not be used)", "serializer unsupported",
			"maximum message length unacceptable", "use of reserved bits (unsupported feature)",
			"maximum connection count reached" };

	private final URI uri;

	private final List<WampCodec> serializers;

	private final int maxMessageSize;

	private final int lengthExponent;

	private final Duration pingInterval;

	private final Duration connectTimeout;

	private final TcpClient tcpClient;

	private RawSocketTransport(Builder builder) {
		this.uri = builder.uri;
		this.serializers = List.copyOf(builder.serializers);
		this.lengthExponent = lengthExponent(builder.maxMessageSize);
		this.maxMessageSize = 1 << (9 + this.lengthExponent);
		this.pingInterval = builder.pingInterval;
		this.connectTimeout = builder.connectTimeout;
		TcpClient client = TcpClient.newConnection()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()))
			.doOnConnected((connection) -> connection.addHandlerLast("wampRawSocket",
					new RawSocketFrameDecoder(this.maxMessageSize)));
		String scheme = this.uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("unix")) {
			SocketAddress address = new DomainSocketAddress(this.uri.getPath());
			client = client.remoteAddress(() -> address);
		}
		else {
			client = client.remoteAddress(() -> InetSocketAddress.createUnresolved(this.uri.getHost(), this.uri.getPort()));
		}
		if (scheme.equals("tcps")) {
			SslContext ssl = builder.sslContext;
			client = (ssl != null) ? client.secure((spec) -> spec.sslContext(ssl)) : client.secure();
		}
		this.tcpClient = client;
	}

	/**
	 * A builder for a router address.
	 * @param url {@code tcp://host:port}, {@code tcps://host:port} or {@code unix:///path}
	 * @return a new builder
	 * @throws IllegalArgumentException when the URL is not a RawSocket URL
	 */
	public static Builder builder(String url) {
		return new Builder(url);
	}

	// The handshake announces the largest message as 2^(9+exponent), exponent 0..15.
	private static int lengthExponent(int maxMessageSize) {
		int exponent = 0;
		while (exponent < 15 && (1 << (9 + exponent)) < maxMessageSize) {
			exponent++;
		}
		return exponent;
	}

	/**
	 * The largest message the client accepts, as announced in the handshake (a power of
	 * two between 512 bytes and 16 MiB).
	 * @return the size in bytes
	 */
	public int maxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * The serializers tried, in preference order.
	 * @return the codecs
	 */
	public List<WampCodec> serializers() {
		return this.serializers;
	}

	@Override
	public String describe() {
		return this.uri.toString();
	}

	@Override
	public Mono<WampConnection> connect() {
		return connect(0);
	}

	private Mono<WampConnection> connect(int index) {
		WampCodec codec = this.serializers.get(index);
		return connect(codec).onErrorResume(UnsupportedSerializer.class, (error) -> {
			if (index + 1 < this.serializers.size()) {
				logger.debug("router at {} does not support {}, trying the next serializer", this.uri, codec.subprotocol());
				return connect(index + 1);
			}
			return Mono.error(new WampProtocolException("router at " + this.uri
					+ " supports none of the offered serializers " + this.serializers.stream().map(WampCodec::subprotocol).toList()));
		});
	}

	private Mono<WampConnection> connect(WampCodec codec) {
		return Mono.defer(() -> {
			Sinks.One<WampConnection> opened = Sinks.one();
			Disposable handle = this.tcpClient.handle((in, out) -> {
				Connection connection = new Connection(in, codec, opened);
				return connection.receive();
			}).connect().subscribe(null, (error) -> opened.tryEmitError(error));
			return opened.asMono()
				.timeout(this.connectTimeout,
						Mono.error(() -> new TimeoutException("no RawSocket connection to " + this.uri + " within "
								+ this.connectTimeout.toMillis() + " ms")))
				.doOnError((error) -> handle.dispose())
				.doOnCancel(handle::dispose);
		});
	}

	private static final class UnsupportedSerializer extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnsupportedSerializer(String message) {
			super(message, null, false, false);
		}

	}

	private final class Connection implements WampConnection {

		private final NettyInbound in;

		private final WampCodec codec;

		private final Sinks.One<WampConnection> opened;

		private final Sinks.Many<WampMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

		private final AtomicBoolean open = new AtomicBoolean(true);

		private volatile @Nullable Channel channel;

		private volatile int routerMaxMessageSize = 1 << 24;

		private volatile boolean failed;

		private volatile @Nullable String closeReason;

		private @Nullable ScheduledFuture<?> pinger;

		private long lastFrameNanos = System.nanoTime();

		Connection(NettyInbound in, WampCodec codec, Sinks.One<WampConnection> opened) {
			this.in = in;
			this.codec = codec;
			this.opened = opened;
			in.withConnection((c) -> this.channel = c.channel());
			Channel ch = this.channel;
			if (ch != null) {
				int handshake = (0x7F << 24) | (RawSocketTransport.this.lengthExponent << 20)
						| (codec.rawSocketSerializerId() << 16);
				ch.writeAndFlush(ch.alloc().buffer(4).writeInt(handshake));
			}
		}

		Mono<Void> receive() {
			return this.in.receiveObject()
				.doOnNext(this::onObject)
				.then()
				.doOnError((failure) -> {
					// the frame decoder's errors arrive wrapped in Netty's DecoderException
					Throwable error = (failure.getCause() instanceof WampProtocolException) ? failure.getCause() : failure;
					if (this.closeReason == null) {
						this.closeReason = (error.getMessage() != null) ? error.getMessage() : error.toString();
					}
					if (error instanceof WampProtocolException protocolError) {
						this.failed = true;
						this.inbound.tryEmitError(protocolError);
					}
				})
				.doFinally((signal) -> {
					this.open.set(false);
					ScheduledFuture<?> p = this.pinger;
					if (p != null) {
						p.cancel(false);
					}
					String reason = this.closeReason;
					this.opened.tryEmitError(new IllegalStateException("RawSocket connection to "
							+ RawSocketTransport.this.uri + " closed during the handshake"
							+ ((reason != null) ? ": " + reason : "")));
					if (reason != null) {
						this.inbound.tryEmitError(new java.io.IOException(reason));
					}
					else {
						this.inbound.tryEmitComplete();
					}
				});
		}

		// Runs on the event loop.
		private void onObject(Object object) {
			this.lastFrameNanos = System.nanoTime();
			if (object instanceof RawSocketFrameDecoder.Handshake handshake) {
				onHandshake(handshake);
			}
			else if (object instanceof RawSocketFrameDecoder.Frame frame) {
				onFrame(frame);
			}
		}

		private void onHandshake(RawSocketFrameDecoder.Handshake handshake) {
			Channel ch = this.channel;
			if (handshake.magic() != 0x7F) {
				this.closeReason = "not a WAMP RawSocket router (handshake octet " + handshake.magic() + ")";
				closeChannel();
				return;
			}
			if (handshake.low() == 0) {
				int code = handshake.high();
				String text = (code < HANDSHAKE_ERRORS.length) ? HANDSHAKE_ERRORS[code] : "error " + code;
				if (code == 1) {
					this.opened.tryEmitError(new UnsupportedSerializer(text));
				}
				else {
					this.opened.tryEmitError(new WampProtocolException(
							"router at " + RawSocketTransport.this.uri + " refused the RawSocket handshake: " + text));
				}
				closeChannel();
				return;
			}
			if (handshake.low() != this.codec.rawSocketSerializerId()) {
				this.closeReason = "router answered with serializer " + handshake.low() + " instead of "
						+ this.codec.rawSocketSerializerId();
				closeChannel();
				return;
			}
			this.routerMaxMessageSize = 1 << (9 + handshake.high());
			long ping = RawSocketTransport.this.pingInterval.toMillis();
			if (ch != null && ping > 0) {
				this.pinger = ch.eventLoop().scheduleAtFixedRate(() -> ping(ch, ping), ping, ping, TimeUnit.MILLISECONDS);
			}
			this.opened.tryEmitValue(this);
		}

		private void ping(Channel ch, long intervalMillis) {
			if (!ch.isActive()) {
				return;
			}
			long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.lastFrameNanos);
			if (silentMillis > 2 * intervalMillis) {
				logger.warn("no frame (not even a pong) from {} for {} ms, closing the connection",
						RawSocketTransport.this.uri, silentMillis);
				this.closeReason = "no pong from the router for " + silentMillis + " ms";
				ch.close();
				return;
			}
			ch.writeAndFlush(ch.alloc().buffer(4).writeInt(RawSocketFrameDecoder.PING << 24));
		}

		private void onFrame(RawSocketFrameDecoder.Frame frame) {
			Channel ch = this.channel;
			if (frame.type() == RawSocketFrameDecoder.PING) {
				if (ch != null) {
					ByteBuf pong = ch.alloc().buffer(4 + frame.content().readableBytes());
					pong.writeInt((RawSocketFrameDecoder.PONG << 24) | frame.content().readableBytes());
					pong.writeBytes(frame.content(), frame.content().readerIndex(), frame.content().readableBytes());
					ch.writeAndFlush(pong);
				}
				return;
			}
			if (frame.type() != RawSocketFrameDecoder.MESSAGE || this.failed) {
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

		private void closeChannel() {
			Channel ch = this.channel;
			if (ch != null) {
				ch.close();
			}
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
					sink.error(new IllegalStateException("RawSocket connection to " + RawSocketTransport.this.uri + " is closed"));
					return;
				}
				ByteBuf buffer = ch.alloc().buffer();
				try {
					buffer.writeInt(0);
					this.codec.encode(message, new ByteBufOutputStream(buffer));
				}
				catch (RuntimeException ex) {
					buffer.release();
					sink.error(ex);
					return;
				}
				int length = buffer.readableBytes() - 4;
				if (length > this.routerMaxMessageSize) {
					buffer.release();
					sink.error(new IllegalArgumentException("a message of " + length
							+ " bytes exceeds the router's RawSocket maximum of " + this.routerMaxMessageSize + " bytes"));
					return;
				}
				buffer.setInt(0, (RawSocketFrameDecoder.MESSAGE << 24) | length);
				ch.writeAndFlush(buffer).addListener((future) -> {
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
				// flush what was written (such as an ABORT or GOODBYE) before closing
				ch.writeAndFlush(ch.alloc().buffer(0)).addListener((f) -> ch.close());
			});
		}

		@Override
		public boolean isOpen() {
			Channel ch = this.channel;
			return this.open.get() && ch != null && ch.isActive();
		}

		@Override
		public boolean isSecure() {
			return "tcps".equalsIgnoreCase(RawSocketTransport.this.uri.getScheme());
		}

		@Override
		public String protocol() {
			return "rawsocket/" + this.codec.subprotocol();
		}

	}

	/**
	 * Builds a {@link RawSocketTransport}.
	 */
	public static final class Builder {

		private final URI uri;

		private List<WampCodec> serializers = List.of(WampCodecs.JSON);

		private @Nullable SslContext sslContext;

		private int maxMessageSize = 16 * 1024 * 1024;

		private Duration pingInterval = Duration.ZERO;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Builder(String url) {
			Objects.requireNonNull(url, "url");
			URI parsed;
			try {
				parsed = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("not a valid RawSocket URL: '" + url + "'", ex);
			}
			String scheme = (parsed.getScheme() != null) ? parsed.getScheme().toLowerCase(Locale.ROOT) : "";
			switch (scheme) {
				case "tcp", "tcps" -> {
					if (parsed.getHost() == null || parsed.getPort() < 0) {
						throw new IllegalArgumentException(
								"a RawSocket URL needs a host and a port, such as tcp://localhost:8081, got '" + url + "'");
					}
				}
				case "unix" -> {
					if (parsed.getPath() == null || parsed.getPath().isEmpty()) {
						throw new IllegalArgumentException(
								"a Unix socket URL needs a path, such as unix:///run/wamp.sock, got '" + url + "'");
					}
				}
				default -> throw new IllegalArgumentException(
						"a RawSocket URL must start with tcp://, tcps:// or unix://, got '" + url + "'");
			}
			this.uri = parsed;
		}

		/**
		 * The serializers to try, in preference order (default JSON).
		 * @param serializers one or more codecs
		 * @return this builder
		 */
		public Builder serializers(WampCodec... serializers) {
			if (serializers.length == 0) {
				throw new IllegalArgumentException("at least one serializer is needed (json, msgpack or cbor)");
			}
			this.serializers = List.of(serializers);
			return this;
		}

		/**
		 * The TLS context for {@code tcps://}.
		 * @param sslContext a client SslContext, or null for the JDK's default trust
		 * @return this builder
		 */
		public Builder sslContext(@Nullable SslContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * The largest message the client accepts (default 16 MiB); rounded up to a power of
		 * two between 512 bytes and 16 MiB, as the handshake can express.
		 * @param maxMessageSize the size in bytes
		 * @return this builder
		 */
		public Builder maxMessageSize(int maxMessageSize) {
			if (maxMessageSize < 1 || maxMessageSize > (1 << 24)) {
				throw new IllegalArgumentException("maxMessageSize must be in 1..16 MiB, got " + maxMessageSize);
			}
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Send a RawSocket PING at this interval (default zero: no pings); two silent
		 * intervals close the connection as lost.
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
		 * The time allowed to connect and complete the handshake (default 10 s).
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
		public RawSocketTransport build() {
			return new RawSocketTransport(this);
		}

	}

}
