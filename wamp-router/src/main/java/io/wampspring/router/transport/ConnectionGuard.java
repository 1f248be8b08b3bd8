package io.wampspring.router.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.wampspring.router.config.ConnectionLimit;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.realm.RouterCore;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds one socket connection in time and memory. It sits right after TLS, so it sees
 * every byte the client sends, and:
 * <ul>
 * <li>closes the connection when the WebSocket upgrade or RawSocket handshake does not
 * finish within {@link RouterLimits#openTimeout()} of the TCP accept;</li>
 * <li>once the transport is open, pings the client after
 * {@link RouterLimits#keepAliveInterval()} of silence (Netty's {@link IdleStateHandler})
 * and closes the connection when no byte arrives within
 * {@link RouterLimits#keepAliveTimeout()};</li>
 * <li>counts the bytes the connection holds for a message that has not completely arrived
 * (everything received and not yet reported {@link #consumed(long) consumed} by the
 * framing), in the connection and over all connections. A read that would take all
 * connections together past {@link RouterLimits#maxIncompleteMessageBytes()} is dropped
 * before the framing sees it and its connection closed; a connection that holds more than
 * the message size limit once the framing has taken the complete messages of a read is
 * closed too.</li>
 * </ul>
 * Every timer is a task on the channel's event loop; every expiry is logged once and
 * counted in the router's metrics. Runs on the connection's event loop only.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionGuard.class);

	private static final String NAME = "wamp-connection-guard";

	private static final String FLUSH = "wamp-flush-consolidation";

	private static final String IDLE = "wamp-keep-alive";

	/** The kind of a WebSocket connection, as its session's transport is named. */
	static final String WEBSOCKET = "websocket";

	/** The kind of a RawSocket connection, as its session's transport is named. */
	static final String RAWSOCKET = "rawsocket";

	// Room for a frame header: the limit is on the message, the bytes held include its
	// framing.
	private static final int FRAMING_SLACK = 64;

	private final RouterCore core;

	private final RouterLimits limits;

	private final String kind;

	private @Nullable ChannelHandlerContext ctx;

	private @Nullable ScheduledFuture<?> openDeadline;

	private @Nullable ScheduledFuture<?> answerDeadline;

	private @Nullable Supplier<Object> ping;

	private @Nullable RouterSession session;

	private boolean opened;

	private boolean discarding;

	private long held;

	private ConnectionGuard(RouterCore core, String kind) {
		this.core = core;
		this.limits = core.limits();
		this.kind = kind;
	}

	/**
	 * Put a guard on a new channel, right after its TLS handler if it has one.
	 * @param channel the accepted channel, before any byte was read
	 * @param core the router core
	 * @param kind {@link #WEBSOCKET} or {@link #RAWSOCKET}, for log lines
	 */
	static void install(Channel channel, RouterCore core, String kind) {
		ChannelPipeline pipeline = channel.pipeline();
		ConnectionGuard guard = new ConnectionGuard(core, kind);
		String tls = null;
		for (var entry : pipeline) {
			if (entry.getValue() instanceof SslHandler) {
				tls = entry.getKey();
			}
		}
		if (tls != null) {
			pipeline.addAfter(tls, NAME, guard);
		}
		else {
			pipeline.addFirst(NAME, guard);
		}
		// A routed message is written to another connection while this one reads: the
		// flushes of a read burst collapse into one per connection (after the burst, or
		// in a task right after the write), where a flush per message cost a system call
		// each. It sits next to TLS, so that TLS encrypts a burst at once.
		pipeline.addBefore(NAME, FLUSH,
				new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
	}

	/**
	 * The guard of a channel.
	 * @param channel the channel
	 * @return its guard
	 * @throws IllegalStateException when {@link #install} was not called for it
	 */
	static ConnectionGuard of(Channel channel) {
		ConnectionGuard guard = channel.pipeline().get(ConnectionGuard.class);
		if (guard == null) {
			throw new IllegalStateException("no connection guard on " + channel);
		}
		return guard;
	}

	/**
	 * The transport is open: stop the open timer and start the keep-alive.
	 * @param session the connection's session, told when the connection breaks a limit
	 * @param ping makes the transport's ping frame
	 */
	void opened(RouterSession session, Supplier<Object> ping) {
		this.opened = true;
		this.session = session;
		this.ping = ping;
		cancel(this.openDeadline);
		this.openDeadline = null;
		ChannelHandlerContext context = this.ctx;
		Duration interval = this.limits.keepAliveInterval();
		if (context != null && !interval.isZero() && context.pipeline().get(IDLE) == null) {
			context.pipeline()
				.addBefore(NAME, IDLE, new IdleStateHandler(interval.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
		}
	}

	/**
	 * Bytes the framing has turned into complete messages or frames (or discarded): they
	 * no longer count as held.
	 * @param bytes the bytes
	 */
	void consumed(long bytes) {
		long released = Math.min(bytes, this.held);
		if (released > 0) {
			this.held -= released;
			this.core.addIncompleteMessageBytes(-released);
		}
	}

	/**
	 * Everything received so far is accounted for (the HTTP upgrade request, for
	 * example).
	 */
	void consumedAll() {
		consumed(this.held);
	}

	/**
	 * Drop every byte that arrives from now on: the connection is closing.
	 */
	void discard() {
		this.discarding = true;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.ctx = ctx;
		if (ctx.channel().isActive()) {
			startOpenTimer(ctx);
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		startOpenTimer(ctx);
		super.channelActive(ctx);
	}

	private void startOpenTimer(ChannelHandlerContext ctx) {
		if (this.openDeadline != null || this.opened) {
			return;
		}
		Duration timeout = this.limits.openTimeout();
		this.openDeadline = ctx.executor().schedule(() -> {
			if (!this.opened && ctx.channel().isActive()) {
				HttpServerCodec http = ctx.pipeline().get(HttpServerCodec.class);
				if (http != null) {
					// Half a request is the client's fault, already logged here: the HTTP
					// decoder would report it once more when the connection closes.
					http.removeInboundHandler();
				}
				expired(ctx, ConnectionLimit.OPEN_TIMEOUT,
						(this.kind.equals(WEBSOCKET) ? "the WebSocket upgrade" : "the RawSocket handshake")
								+ " did not complete within " + timeout.toMillis() + " ms of accepting the connection");
			}
		}, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof ByteBuf bytes)) {
			ctx.fireChannelRead(msg);
			return;
		}
		if (this.discarding) {
			bytes.release();
			return;
		}
		// Any byte shows that the client is alive.
		cancel(this.answerDeadline);
		this.answerDeadline = null;
		int size = bytes.readableBytes();
		long total = this.core.addIncompleteMessageBytes(size);
		long budget = this.limits.maxIncompleteMessageBytes();
		if (total > budget) {
			// Checked before the bytes reach the framing, so that they are never held.
			this.core.addIncompleteMessageBytes(-size);
			bytes.release();
			discard();
			expired(ctx, ConnectionLimit.INCOMPLETE_MESSAGE_BYTES,
					"incomplete messages over all connections would take " + total + " bytes, more than the router's"
							+ " budget of " + budget + " bytes (this connection held " + this.held + ")");
			return;
		}
		this.held += size;
		ctx.fireChannelRead(msg);
		checkMessageSize(ctx);
	}

	// After the framing took what it could: what is left is one incomplete message.
	private void checkMessageSize(ChannelHandlerContext ctx) {
		if (this.discarding) {
			return;
		}
		long perConnection = (long) this.limits.maxMessageSize() + FRAMING_SLACK;
		RouterSession current = this.session;
		if (this.held > perConnection) {
			discard();
			String what = "a message of more than " + this.limits.maxMessageSize() + " bytes exceeds the limit of "
					+ this.limits.maxMessageSize() + " bytes";
			if (current != null && !current.isClosed()) {
				// The session logs, counts and sends ABORT protocol_violation.
				current.protocolError(what);
			}
			else {
				logger.info("Closed a {} connection from {}: {} bytes arrived {}", this.kind,
						ctx.channel().remoteAddress(), this.held,
						this.opened ? "after the session ended" : "before the transport opened");
				ctx.close();
			}
		}
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
		if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
			Supplier<Object> frame = this.ping;
			if (frame != null && this.answerDeadline == null && ctx.channel().isActive()) {
				ctx.channel().writeAndFlush(frame.get(), ctx.channel().voidPromise());
				Duration timeout = this.limits.keepAliveTimeout();
				this.answerDeadline = ctx.executor().schedule(() -> {
					if (ctx.channel().isActive()) {
						expired(ctx, ConnectionLimit.KEEP_ALIVE_TIMEOUT,
								"no answer within " + timeout.toMillis() + " ms to a ping sent after "
										+ this.limits.keepAliveInterval().toMillis() + " ms of silence");
					}
				}, timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			return;
		}
		super.userEventTriggered(ctx, evt);
	}

	private void expired(ChannelHandlerContext ctx, ConnectionLimit limit, String what) {
		logger.info("Closed a {} connection from {}: {} (limits.{})", this.kind, ctx.channel().remoteAddress(), what,
				limit.property());
		this.core.closedFor(limit);
		RouterSession current = this.session;
		if (current != null && !current.isClosed() && limit == ConnectionLimit.INCOMPLETE_MESSAGE_BYTES) {
			// Tell a live client why, then close as the session does.
			current.limitExceeded(what);
		}
		else {
			ctx.close();
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		release();
		super.channelInactive(ctx);
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		release();
	}

	private void release() {
		cancel(this.openDeadline);
		cancel(this.answerDeadline);
		this.openDeadline = null;
		this.answerDeadline = null;
		consumedAll();
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

}
