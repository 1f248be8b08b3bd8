package io.wampspring.client.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.auth.TlsChannelBinding;
import io.wampspring.core.codec.FrameDecoder;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.concurrent.Burst;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.NettyInbound;

/**
 * What a WebSocket and a RawSocket connection share: the inbound sink fed on the event
 * loop by the shared codec, writing encoded messages, keep-alive pings with a silence
 * limit, and closing. Subclasses frame the payloads.
 */
abstract class NettyConnection implements WampConnection {

	private static final Logger logger = LoggerFactory.getLogger(NettyConnection.class);

	/** {@code WebSocket} or {@code RawSocket}, for messages. */
	final String transport;

	/** The router address, for messages. */
	final String address;

	final WampCodec codec;

	// the codec's decoder for this connection (used on its event loop): it keeps its
	// parser between frames
	private final FrameDecoder frameDecoder;

	private final boolean secure;

	// the event loop emits one message at a time and the session consumes it at once;
	// reading stops (auto-read off) when the session's own high-water mark is reached
	private final Sinks.Many<WampMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

	private final Sinks.Many<WampProtocolException> unreadable = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean open = new AtomicBoolean(true);

	volatile @Nullable Channel channel;

	private volatile @Nullable FrameSubscriber<?> frames;

	private volatile boolean failed;

	// frames encoded off the event loop, waiting for it to write them
	private final Burst<OutboundFrame> outbound = new Burst<>();

	// their bytes, counted against the channel's high-water mark like written ones
	private final AtomicLong queuedBytes = new AtomicLong();

	private final Runnable writeOutbound = this::writeOutbound;

	private volatile @Nullable String closeReason;

	NettyConnection(String transport, String address, WampCodec codec, boolean secure, NettyInbound in) {
		this.transport = transport;
		this.address = address;
		this.codec = codec;
		this.frameDecoder = codec.frameDecoder();
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

	// Runs on the event loop. Netty's idle handler sees every read, pongs included: after
	// one silent interval it pings, and a router that stays silent for a second interval
	// is gone (a silent network failure), so the connection closes and reconnect logic
	// applies.
	void startPinging(Duration interval) {
		Channel ch = this.channel;
		long millis = interval.toMillis();
		if (ch != null && millis > 0) {
			ch.pipeline().addFirst("wampKeepAlive", new KeepAlive(millis));
		}
	}

	private final class KeepAlive extends IdleStateHandler {

		private final long intervalMillis;

		KeepAlive(long intervalMillis) {
			super(intervalMillis, 0, 0, TimeUnit.MILLISECONDS);
			this.intervalMillis = intervalMillis;
		}

		@Override
		protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
			Channel ch = ctx.channel();
			if (event.isFirst()) {
				ch.writeAndFlush(pingFrame(ch));
				return;
			}
			logger.warn("no frame (not even a pong) from {} for {} ms, closing the connection",
					NettyConnection.this.address, 2 * this.intervalMillis);
			NettyConnection.this.closeReason = "no pong from the router for " + 2 * this.intervalMillis + " ms";
			ch.close();
		}

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
			message = this.frameDecoder.decode(content.nioBuffer());
		}
		catch (WampProtocolException ex) {
			if (ex.requestId() != 0 && !WampUris.PROTOCOL_VIOLATION.equals(ex.errorUri())) {
				// the frame and the message's structure were fine: only this message is
				// bad
				this.unreadable.tryEmitNext(ex);
				return;
			}
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

	/** The connection is gone: end the inbound Flux. */
	void closed() {
		this.open.set(false);
		this.unreadable.tryEmitComplete();
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
	public Flux<WampProtocolException> unreadable() {
		return this.unreadable.asFlux();
	}

	/**
	 * Consume the transport's frames with bounded demand, so that
	 * {@link #pauseReading(boolean)} stops reading: Reactor Netty reads from the socket
	 * only while there is demand, and the router then meets TCP flow control.
	 * @param <T> the frame type
	 * @param frames the frames
	 * @param onFrame what to do with each frame, on the event loop
	 * @return a Mono that completes or errors with the frames
	 */
	<T> Mono<Void> consume(Flux<T> frames, Consumer<T> onFrame) {
		FrameSubscriber<T> subscriber = new FrameSubscriber<>(onFrame);
		this.frames = subscriber;
		frames.subscribe(subscriber);
		return subscriber.done.asMono();
	}

	@Override
	public void pauseReading(boolean paused) {
		FrameSubscriber<?> subscriber = this.frames;
		if (subscriber != null) {
			subscriber.pause(paused);
		}
	}

	@Override
	public boolean isWritable() {
		Channel ch = this.channel;
		return ch != null && ch.isWritable() && this.queuedBytes.get() < ch.config().getWriteBufferHighWaterMark();
	}

	@Override
	public Mono<Void> send(WampMessage message) {
		return Mono.create((sink) -> send(message, sink::error, sink::success));
	}

	@Override
	public void send(WampMessage message, Consumer<Throwable> onFailure) {
		send(message, onFailure, null);
	}

	// Encodes on the sending thread; the event loop writes what waits in one burst and
	// flushes once, where a writeAndFlush per message cost a task, a wake-up and a system
	// call each. A sender on the event loop writes at once, after what waits.
	private void send(WampMessage message, Consumer<Throwable> onFailure, @Nullable Runnable onWritten) {
		Channel ch = this.channel;
		if (ch == null || !ch.isActive()) {
			onFailure
				.accept(new IllegalStateException(this.transport + " connection to " + this.address + " is closed"));
			return;
		}
		Object frame;
		try {
			frame = encode(ch.alloc(), message);
		}
		catch (RuntimeException ex) {
			onFailure.accept(ex);
			return;
		}
		OutboundFrame outboundFrame = new OutboundFrame(frame, onFailure, onWritten);
		this.queuedBytes.addAndGet(outboundFrame.bytes);
		if (this.outbound.add(outboundFrame)) {
			EventLoop loop = ch.eventLoop();
			if (loop.inEventLoop()) {
				writeOutbound();
				return;
			}
			try {
				loop.execute(this.writeOutbound);
			}
			catch (RejectedExecutionException ex) {
				// the event loop is shut down: so is the connection
				writeOutbound();
			}
		}
	}

	private void writeOutbound() {
		Channel ch = this.channel;
		int missed = 1;
		do {
			OutboundFrame frame = this.outbound.take();
			while (frame != null) {
				OutboundFrame next = frame.nextInBurst();
				frame.linkBurst(null);
				this.queuedBytes.addAndGet(-frame.bytes);
				if (ch != null) {
					// a write to a closed channel fails its promise and releases the
					// frame
					ch.write(frame.frame, ch.newPromise().addListener(frame));
				}
				else {
					ReferenceCountUtil.release(frame.frame);
					frame.onFailure.accept(new IllegalStateException(
							this.transport + " connection to " + this.address + " is closed"));
				}
				frame = next;
			}
			if (ch != null) {
				ch.flush();
			}
			missed = this.outbound.done(missed);
		}
		while (missed != 0);
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

	@Override
	public TlsChannelBinding.Result channelBinding(String type) {
		Channel ch = this.channel;
		SslHandler tls = (ch != null) ? ch.pipeline().get(SslHandler.class) : null;
		if (!this.secure || tls == null) {
			return TlsChannelBinding.Result.missing("the connection to " + this.address + " is not encrypted with TLS");
		}
		return TlsChannelBinding.read(tls.engine(), type);
	}

	/**
	 * An encoded message on its way to the socket, and who to tell how it went.
	 */
	private static final class OutboundFrame implements Burst.Linked<OutboundFrame>, ChannelFutureListener {

		final Object frame;

		final int bytes;

		final Consumer<Throwable> onFailure;

		private final @Nullable Runnable onWritten;

		private @Nullable OutboundFrame next;

		OutboundFrame(Object frame, Consumer<Throwable> onFailure, @Nullable Runnable onWritten) {
			this.frame = frame;
			this.bytes = (frame instanceof ByteBufHolder holder) ? holder.content().readableBytes()
					: (frame instanceof ByteBuf buffer) ? buffer.readableBytes() : 0;
			this.onFailure = onFailure;
			this.onWritten = onWritten;
		}

		@Override
		public @Nullable OutboundFrame nextInBurst() {
			return this.next;
		}

		@Override
		public void linkBurst(@Nullable OutboundFrame next) {
			this.next = next;
		}

		@Override
		public void operationComplete(ChannelFuture future) {
			if (future.isSuccess()) {
				if (this.onWritten != null) {
					this.onWritten.run();
				}
			}
			else {
				this.onFailure.accept(future.cause());
			}
		}

	}

	/**
	 * Requests frames in batches and holds the next batch back while reading is paused.
	 */
	private static final class FrameSubscriber<T> extends BaseSubscriber<T> {

		private static final int BATCH = 64;

		private final Consumer<T> onFrame;

		final Sinks.Empty<Void> done = Sinks.empty();

		// frames consumed since the last request; replenished at half a batch unless
		// paused
		private final AtomicInteger consumed = new AtomicInteger();

		private volatile boolean paused;

		FrameSubscriber(Consumer<T> onFrame) {
			this.onFrame = onFrame;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(BATCH);
		}

		@Override
		protected void hookOnNext(T frame) {
			this.onFrame.accept(frame);
			if (this.consumed.incrementAndGet() >= BATCH / 2 && !this.paused) {
				replenish();
			}
		}

		void pause(boolean pause) {
			this.paused = pause;
			if (!pause) {
				replenish();
			}
		}

		private void replenish() {
			int n = this.consumed.getAndSet(0);
			if (n > 0) {
				request(n);
			}
		}

		@Override
		protected void hookOnComplete() {
			this.done.tryEmitEmpty();
		}

		@Override
		protected void hookOnError(Throwable error) {
			this.done.tryEmitError(error);
		}

		@Override
		protected void hookOnCancel() {
			this.done.tryEmitEmpty();
		}

	}

}
