package io.wampspring.router.transport;

import java.nio.ByteOrder;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.codec.FrameDecoder;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.core.rawsocket.RawSocketHandshake;
import io.wampspring.router.realm.RouterCore;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RawSocket connection: the 4-byte handshake, then frames split by Netty's
 * length-field decoder, their headers checked by wamp-core's {@link RawSocket} before any
 * payload is buffered (regular messages go to the session, PING is answered with PONG).
 * Tells the connection's {@link ConnectionGuard} when the transport opens and which bytes
 * became frames. Runs on the connection's event loop.
 */
final class RawSocketHandler extends LengthFieldBasedFrameDecoder {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketHandler.class);

	private final RouterCore core;

	private final int maxLength;

	private final int maxLengthExponent;

	private @Nullable RouterSession session;

	private @Nullable WampCodec codec;

	// the codec's decoder for this connection: it keeps its parser between frames
	private @Nullable FrameDecoder frames;

	private boolean discarding;

	private @Nullable ConnectionGuard guard;

	RawSocketHandler(RouterCore core) {
		this(core, RawSocket.lengthExponent(core.limits().maxMessageSize()));
	}

	private RawSocketHandler(RouterCore core, int exponent) {
		super(maxLength(core, exponent) + RawSocket.HEADER_LENGTH, 1, 3, 0, 0);
		this.core = core;
		// The router announces 2^(9+n) bytes, the smallest power not below its message
		// limit.
		this.maxLengthExponent = exponent;
		this.maxLength = maxLength(core, exponent);
		// A message that arrives in many reads is held as those reads, not copied into
		// ever larger buffers.
		setCumulator(COMPOSITE_CUMULATOR);
	}

	private static int maxLength(RouterCore core, int exponent) {
		return Math.min(Math.min(core.limits().maxMessageSize(), RawSocket.maxLength(exponent)),
				RawSocket.MAX_FRAME_LENGTH);
	}

	@Override
	protected @Nullable Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
		if (this.discarding) {
			in.skipBytes(in.readableBytes());
			return null;
		}
		if (this.session == null) {
			handshake(ctx, in);
			return null;
		}
		ByteBuf frame = (ByteBuf) super.decode(ctx, in);
		if (frame != null) {
			try {
				onFrame(ctx, frame);
			}
			finally {
				frame.release();
			}
		}
		return null;
	}

	@Override
	protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
		int header = buf.getInt(offset - 1);
		RawSocket.checkFrameHeader(header, this.maxLength);
		return RawSocket.frameLength(header);
	}

	private void handshake(ChannelHandlerContext ctx, ByteBuf in) {
		if (in.readableBytes() < RawSocket.HEADER_LENGTH) {
			return;
		}
		RawSocketHandshake request = new RawSocketHandshake(in.readInt());
		ConnectionGuard guard = guard(ctx);
		guard.consumed(RawSocket.HEADER_LENGTH);
		if (!request.isWamp()) {
			logger.info("Closed a RawSocket connection from {} that started with {} instead of 0x7f",
					ctx.channel().remoteAddress(), request.magicHex());
			stop(guard);
			ctx.close();
			return;
		}
		WampCodec selected = WampCodecs.byRawSocketId(request.serializer());
		int error = (selected == null) ? RawSocket.ERROR_SERIALIZER_UNSUPPORTED
				: (request.reserved() != 0) ? RawSocket.ERROR_RESERVED_BITS : 0;
		if (selected == null || error != 0) {
			stop(guard);
			ctx.writeAndFlush(ctx.alloc().ioBuffer(4).writeInt(RawSocketHandshake.error(error).value()))
				.addListener(ChannelFutureListener.CLOSE);
			return;
		}
		this.codec = selected;
		this.frames = selected.frameDecoder();
		ctx.writeAndFlush(ctx.alloc()
			.ioBuffer(4)
			.writeInt(RawSocketHandshake.of(this.maxLengthExponent, request.serializer()).value()));
		RouterSession opened = this.core.newSession(new RawSocketOutbound(ctx.channel(), selected, request.maxLength(),
				this.core.limits().maxOutboundBytesPerSession()));
		this.session = opened;
		guard.opened(opened, () -> ctx.alloc().ioBuffer(4).writeInt(RawSocket.frameHeader(RawSocket.PING, 0)));
	}

	private void onFrame(ChannelHandlerContext ctx, ByteBuf frame) {
		int type = RawSocket.frameType(frame.readInt());
		guard(ctx).consumed(RawSocket.HEADER_LENGTH + frame.readableBytes());
		if (type == RawSocket.PING) {
			ByteBuf pong = ctx.alloc().ioBuffer(RawSocket.HEADER_LENGTH + frame.readableBytes());
			pong.writeInt(RawSocket.frameHeader(RawSocket.PONG, frame.readableBytes())).writeBytes(frame);
			ctx.writeAndFlush(pong, ctx.voidPromise());
		}
		else if (type == RawSocket.MESSAGE) {
			onMessage(ctx, frame);
		}
	}

	private void onMessage(ChannelHandlerContext ctx, ByteBuf payload) {
		RouterSession current = this.session;
		WampCodec currentCodec = this.codec;
		FrameDecoder currentFrames = this.frames;
		if (current == null || currentCodec == null || currentFrames == null || current.isClosed()) {
			return;
		}
		WampMessage message;
		try {
			message = currentFrames.decode(payload.nioBuffer());
		}
		catch (RuntimeException ex) {
			if (!current.undecodable(currentCodec.subprotocol(), ex)) {
				// The session is over: ignore whatever else the client sends.
				stop(guard(ctx));
			}
			return;
		}
		try {
			current.receive(message);
		}
		catch (RuntimeException ex) {
			logger.error("Router failure while handling a message of session {}", current.id(), ex);
			fail(ctx, "the router failed to handle the message: " + ex.getMessage());
		}
	}

	private void fail(ChannelHandlerContext ctx, String what) {
		stop(guard(ctx));
		RouterSession current = this.session;
		if (current != null) {
			current.protocolError(what);
		}
		else {
			ctx.close();
		}
	}

	private ConnectionGuard guard(ChannelHandlerContext ctx) {
		ConnectionGuard current = this.guard;
		if (current == null) {
			current = ConnectionGuard.of(ctx.channel());
			this.guard = current;
		}
		return current;
	}

	private void stop(ConnectionGuard guard) {
		this.discarding = true;
		guard.discard();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		RouterSession current = this.session;
		if (current != null) {
			current.transportClosed();
		}
		super.channelInactive(ctx);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		Throwable problem = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		if (problem instanceof WampProtocolException && !this.discarding) {
			// A frame header the framing refused: reserved bits, unknown type, too long.
			fail(ctx, problem.getMessage());
			return;
		}
		logger.debug("RawSocket connection failed: {}", cause.toString());
		ctx.close();
	}

}
