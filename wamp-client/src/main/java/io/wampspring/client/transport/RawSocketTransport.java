package io.wampspring.client.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContext;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.core.rawsocket.RawSocketHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * codecs; a frame that cannot be decoded, or one longer than the announced maximum, ends
 * the inbound Flux with a {@link WampProtocolException}. PINGs from the router are
 * answered; with a ping interval the client pings too and treats two silent intervals as
 * a lost connection.
 */
public final class RawSocketTransport implements WampTransport {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketTransport.class);

	private final URI uri;

	private final List<WampCodec> serializers;

	private final int maxMessageSize;

	private final int lengthExponent;

	private final Duration pingInterval;

	private final Duration connectTimeout;

	private final TcpClient tcpClient;

	private RawSocketTransport(Builder builder) {
		this.uri = builder.uri;
		this.serializers = builder.serializers;
		this.lengthExponent = RawSocket.lengthExponent(builder.maxMessageSize);
		this.maxMessageSize = RawSocket.maxLength(this.lengthExponent);
		this.pingInterval = builder.pingInterval;
		this.connectTimeout = builder.connectTimeout;
		TcpClient client = TcpClient.newConnection()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()))
			.option(ChannelOption.WRITE_BUFFER_WATER_MARK, TransportBuilder.waterMark(builder.writeBufferHighWaterMark))
			.doOnConnected((connection) -> connection.addHandlerLast("wampRawSocket",
					new RawSocketFrameDecoder(this.maxMessageSize)));
		String scheme = this.uri.getScheme().toLowerCase(java.util.Locale.ROOT);
		if (scheme.equals("unix")) {
			SocketAddress address = new DomainSocketAddress(this.uri.getPath());
			client = client.remoteAddress(() -> address);
		}
		else {
			client = client
				.remoteAddress(() -> InetSocketAddress.createUnresolved(this.uri.getHost(), this.uri.getPort()));
		}
		if (scheme.equals("tcps")) {
			SslContext ssl = builder.effectiveSslContext();
			client = (ssl != null) ? client.secure((spec) -> spec.sslContext(ssl)) : client.secure();
		}
		this.tcpClient = client;
	}

	/**
	 * A builder for a router address.
	 * @param url {@code tcp://host:port}, {@code tcps://host:port} or
	 * {@code unix:///path}
	 * @return a new builder
	 * @throws IllegalArgumentException when the URL is not a RawSocket URL
	 */
	public static Builder builder(String url) {
		return new Builder(url);
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
		return RedactedUrls.redact(this.uri);
	}

	@Override
	public Mono<WampConnection> connect() {
		return connect(0);
	}

	private Mono<WampConnection> connect(int index) {
		WampCodec codec = this.serializers.get(index);
		return connect(codec).onErrorResume(UnsupportedSerializer.class, (error) -> {
			if (index + 1 < this.serializers.size()) {
				logger.debug("router at {} does not support {}, trying the next serializer",
						RedactedUrls.redact(this.uri), codec.subprotocol());
				return connect(index + 1);
			}
			return Mono.error(new WampTransportException("RawSocket", RedactedUrls.redact(this.uri),
					"the router answered the RawSocket handshake with error 'serializer unsupported' for each offered"
							+ " serializer: it supports none of "
							+ this.serializers.stream().map(WampCodec::subprotocol).toList(),
					null));
		});
	}

	private boolean isSecure() {
		return "tcps".equalsIgnoreCase(this.uri.getScheme());
	}

	private Mono<WampConnection> connect(WampCodec codec) {
		return ConnectFailures.open("RawSocket", RedactedUrls.redact(this.uri), this.connectTimeout, isSecure(),
				(opened, opening) -> this.tcpClient
					.doOnChannelInit((observer, channel, address) -> opening.accept(channel))
					.handle((in, out) -> new Connection(in, codec, opened).receive())
					.connect()
					.subscribe(null, opened::tryEmitError));
	}

	/** The router does not speak this serializer: the client tries the next one. */
	private static final class UnsupportedSerializer extends WampTransportException {

		private static final long serialVersionUID = 1L;

		UnsupportedSerializer(String address) {
			super("RawSocket", address,
					"the router answered the RawSocket handshake with error 'serializer unsupported'", null);
		}

	}

	private final class Connection extends NettyConnection {

		private final NettyInbound in;

		private final Sinks.One<WampConnection> opened;

		private volatile int routerMaxMessageSize = 1 << 24;

		Connection(NettyInbound in, WampCodec codec, Sinks.One<WampConnection> opened) {
			super("RawSocket", RedactedUrls.redact(RawSocketTransport.this.uri), codec,
					RawSocketTransport.this.isSecure(), in);
			this.in = in;
			this.opened = opened;
			Channel ch = this.channel;
			if (ch != null) {
				int handshake = RawSocketHandshake
					.of(RawSocketTransport.this.lengthExponent, codec.rawSocketSerializerId())
					.value();
				ch.writeAndFlush(ch.alloc().buffer(4).writeInt(handshake));
			}
		}

		Mono<Void> receive() {
			return consume(this.in.receiveObject(), this::onObject).doOnError((failure) -> {
				// the frame decoder's errors arrive wrapped in Netty's DecoderException
				Throwable error = (failure.getCause() instanceof WampProtocolException) ? failure.getCause() : failure;
				closing((error.getMessage() != null) ? error.getMessage() : error.toString());
				if (error instanceof WampProtocolException protocolError) {
					fail(protocolError);
				}
				// a TLS failure before the RawSocket handshake completed
				this.opened.tryEmitError(error);
			}).doFinally((signal) -> {
				String reason = closeReason();
				this.opened.tryEmitError(new WampTransportException("RawSocket", this.address,
						"the router closed the connection during the RawSocket handshake"
								+ ((reason != null) ? ": " + reason : ""),
						null));
				closed();
			});
		}

		// Runs on the event loop.
		private void onObject(Object object) {
			if (object instanceof RawSocketHandshake handshake) {
				onHandshake(handshake);
			}
			else if (object instanceof RawSocketFrameDecoder.Frame frame) {
				onFrame(frame);
			}
		}

		private void onHandshake(RawSocketHandshake handshake) {
			if (!handshake.isWamp()) {
				refuse("the other side is not a WAMP RawSocket router: its handshake starts with octet "
						+ handshake.magicHex() + " instead of 0x7f");
				return;
			}
			if (handshake.isError()) {
				int code = handshake.errorCode();
				if (code == RawSocket.ERROR_SERIALIZER_UNSUPPORTED) {
					this.opened.tryEmitError(new UnsupportedSerializer(this.address));
				}
				else {
					refuse("the router answered the RawSocket handshake with error '" + RawSocket.handshakeError(code)
							+ "'");
				}
				closeNow();
				return;
			}
			if (handshake.serializer() != this.codec.rawSocketSerializerId()) {
				refuse("the router answered the RawSocket handshake with serializer " + handshake.serializer()
						+ " instead of the requested " + this.codec.rawSocketSerializerId() + " ("
						+ this.codec.subprotocol() + ")");
				return;
			}
			this.routerMaxMessageSize = handshake.maxLength();
			startPinging(RawSocketTransport.this.pingInterval);
			this.opened.tryEmitValue(this);
		}

		private void refuse(String problem) {
			closing(problem);
			this.opened.tryEmitError(new WampTransportException("RawSocket", this.address, problem, null));
			closeNow();
		}

		private void closeNow() {
			Channel ch = this.channel;
			if (ch != null) {
				ch.close();
			}
		}

		private void onFrame(RawSocketFrameDecoder.Frame frame) {
			if (frame.type() == RawSocket.PING) {
				Channel ch = this.channel;
				if (ch != null) {
					ByteBuf pong = ch.alloc().buffer(4 + frame.content().readableBytes());
					pong.writeInt(RawSocket.frameHeader(RawSocket.PONG, frame.content().readableBytes()));
					pong.writeBytes(frame.content(), frame.content().readerIndex(), frame.content().readableBytes());
					ch.writeAndFlush(pong);
				}
				return;
			}
			if (frame.type() == RawSocket.MESSAGE) {
				decode(frame.content());
			}
		}

		@Override
		Object pingFrame(Channel ch) {
			return ch.alloc().buffer(4).writeInt(RawSocket.frameHeader(RawSocket.PING, 0));
		}

		@Override
		int headerLength() {
			return 4;
		}

		@Override
		Object frame(ByteBuf payload) {
			int length = payload.readableBytes() - 4;
			if (length > this.routerMaxMessageSize) {
				throw new IllegalArgumentException("a message of " + length
						+ " bytes exceeds the router's RawSocket maximum of " + this.routerMaxMessageSize + " bytes");
			}
			payload.setInt(0, RawSocket.frameHeader(RawSocket.MESSAGE, length));
			return payload;
		}

		@Override
		void closeChannel(Channel ch) {
			// flush what was written (such as an ABORT or GOODBYE) before closing
			ch.writeAndFlush(ch.alloc().buffer(0)).addListener((f) -> ch.close());
		}

		@Override
		public String protocol() {
			return "rawsocket/" + this.codec.subprotocol();
		}

	}

	/**
	 * Builds a {@link RawSocketTransport}.
	 */
	public static final class Builder extends TransportBuilder<Builder> {

		private int maxMessageSize = 16 * 1024 * 1024;

		private Builder(String url) {
			super(url, "RawSocket");
			switch (scheme()) {
				case "tcp", "tcps" -> {
					if (this.uri.getHost() == null || this.uri.getPort() < 0) {
						throw new IllegalArgumentException(
								"a RawSocket URL needs a host and a port, such as tcp://localhost:8081, got '"
										+ RedactedUrls.redact(url) + "'");
					}
				}
				case "unix" -> {
					if (this.uri.getPath() == null || this.uri.getPath().isEmpty()) {
						throw new IllegalArgumentException(
								"a Unix socket URL needs a path, such as unix:///run/wamp.sock, got '"
										+ RedactedUrls.redact(url) + "'");
					}
				}
				default -> throw new IllegalArgumentException(
						"a RawSocket URL must start with tcp://, tcps:// or unix://, got '" + RedactedUrls.redact(url)
								+ "'");
			}
		}

		/**
		 * The largest message the client accepts (default 16 MiB); rounded up to a power
		 * of two between 512 bytes and 16 MiB, as the handshake can express.
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
		 * Build the transport.
		 * @return the transport
		 */
		public RawSocketTransport build() {
			return new RawSocketTransport(this);
		}

	}

}
