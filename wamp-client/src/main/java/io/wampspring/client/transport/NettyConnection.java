package io.wampspring.client.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.NettyInbound;

/**
 * What a WebSocket and a RawSocket connection share: the inbound sink fed on the event loop
 * by the shared codec, writing encoded messages, keep-alive pings with a silence limit, and
 * closing. Subclasses frame the payloads.
 */
abstract class NettyConnection implements WampConnection {

	private static final Logger logger = LoggerFactory.getLogger(NettyConnection.class);

	/** {@code WebSocket} or {@code RawSocket}, for messages. */
	final String transport;

	/** The router address, for messages. */
	final String address;

	final WampCodec codec;

	private final boolean secure;

	private final Sinks.Many<WampMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean open = new AtomicBoolean(true);

	volatile @Nullable Channel channel;

	private volatile boolean failed;

	private volatile @Nullable String closeReason;

	private @Nullable ScheduledFuture<?> pinger;

	// when the last frame (of any kind, pongs included) arrived; only touched on the event loop
	private long lastFrameNanos = System.nanoTime();

	NettyConnection(String transport, String address, WampCodec codec, boolean secure, NettyInbound in) {
		this.transport = transport;
		this.address = address;
		this.codec = codec;
		this.secure = secure;
		in.withConnection((c) -> this.channel = c.channel());
	}

	/**
	 * A keep-alive ping frame.
	 * @param ch the channel
	 * @return the frame to write
	 */
	abstract Object pingFrame(Channel ch);

	/**
	 * Frame an encoded message.
	 * @param payload the encoded message, after {@link #headerLength()} reserved bytes
	 * @return the frame to write
	 * @throws IllegalArgumentException if the message cannot be sent (too large)
	 */
	abstract Object frame(ByteBuf payload);

	/**
	 * Bytes reserved before the payload for the frame header.
	 * @return 0 by default
	 */
	int headerLength() {
		return 0;
	}

	/**
	 * Close the channel the transport's way (a close frame, or a flush).
	 * @param ch the open channel
	 */
	abstract void closeChannel(Channel ch);

	// Runs on the event loop. A router that sent nothing, not even a pong, for two ping
	// intervals is gone (a silent network failure): close, so that reconnect logic applies.
	void startPinging(Duration interval) {
		Channel ch = this.channel;
		long millis = interval.toMillis();
		if (ch != null && millis > 0) {
			this.pinger = ch.eventLoop().scheduleAtFixedRate(() -> ping(ch, millis), millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	private void ping(Channel ch, long intervalMillis) {
		if (!ch.isActive()) {
			return;
		}
		long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.lastFrameNanos);
		if (silentMillis > 2 * intervalMillis) {
			logger.warn("no frame (not even a pong) from {} for {} ms, closing the connection", this.address,
					silentMillis);
			this.closeReason = "no pong from the router for " + silentMillis + " ms";
			ch.close();
			return;
		}
		ch.writeAndFlush(pingFrame(ch));
	}

	/** Note that a frame arrived (any frame counts as liveness). */
	void frameArrived() {
		this.lastFrameNanos = System.nanoTime();
	}

	/**
	 * Decode a message frame and emit it; a frame that cannot be decoded ends the inbound
	 * Flux with a {@link WampProtocolException}, and later frames are ignored.
	 * @param content the payload
	 */
	void decode(ByteBuf content) {
		if (this.failed) {
			return;
		}
		WampMessage message;
		try {
			message = this.codec.decode(new ByteBufInputStream(content));
		}
		catch (WampProtocolException ex) {
			fail(ex);
			return;
		}
		catch (RuntimeException ex) {
			fail(new WampProtocolException(0,
					"could not decode a " + this.codec.subprotocol() + " frame: " + ex.getMessage(), ex));
			return;
		}
		this.inbound.tryEmitNext(message);
	}

	/**
	 * End the inbound Flux with a protocol error.
	 * @param error the error
	 */
	void fail(WampProtocolException error) {
		this.failed = true;
		this.inbound.tryEmitError(error);
	}

	/**
	 * Remember why the connection is closing, unless a reason is known already.
	 * @param reason the reason
	 */
	void closing(String reason) {
		if (this.closeReason == null) {
			this.closeReason = reason;
		}
	}

	@Nullable String closeReason() {
		return this.closeReason;
	}

	/** The connection is gone: stop pinging and end the inbound Flux. */
	void closed() {
		this.open.set(false);
		ScheduledFuture<?> p = this.pinger;
		if (p != null) {
			p.cancel(false);
		}
		String reason = this.closeReason;
		if (reason != null) {
			this.inbound.tryEmitError(new IOException(reason));
		}
		else {
			this.inbound.tryEmitComplete();
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
				sink.error(new IllegalStateException(this.transport + " connection to " + this.address + " is closed"));
				return;
			}
			Object frame;
			try {
				frame = encode(ch.alloc(), message);
			}
			catch (RuntimeException ex) {
				sink.error(ex);
				return;
			}
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

	private Object encode(ByteBufAllocator allocator, WampMessage message) {
		ByteBuf buffer = allocator.buffer();
		try {
			buffer.writeZero(headerLength());
			this.codec.encode(message, new ByteBufOutputStream(buffer));
			return frame(buffer);
		}
		catch (RuntimeException ex) {
			buffer.release();
			throw ex;
		}
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
			closeChannel(ch);
		});
	}

	@Override
	public boolean isOpen() {
		Channel ch = this.channel;
		return this.open.get() && ch != null && ch.isActive();
	}

	@Override
	public boolean isSecure() {
		return this.secure;
	}

}
