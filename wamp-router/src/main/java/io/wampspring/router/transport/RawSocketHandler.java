package io.wampspring.router.transport;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.WampMessage;
import io.wampspring.router.realm.RouterCore;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RawSocket connection: the 4-byte handshake (0x7F, the client's maximum length exponent
 * and serializer, two reserved zero bytes), then length-prefixed frames (regular messages,
 * PING answered with PONG). Runs on the connection's event loop.
 */
final class RawSocketHandler extends ByteToMessageDecoder {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketHandler.class);

	private static final int MAGIC = 0x7F;

	private static final int ERROR_SERIALIZER_UNSUPPORTED = 1;

	private static final int ERROR_RESERVED_BITS = 3;

	private final RouterCore core;

	private final int maxLength;

	private final int maxLengthExponent;

	private @Nullable RouterSession session;

	private @Nullable WampCodec codec;

	private boolean discarding;

	RawSocketHandler(RouterCore core) {
		this.core = core;
		int exponent = 0;
		// The router announces 2^(9+n) bytes, the smallest power not below its message limit.
		while (exponent < 15 && (1 << (9 + exponent)) < core.limits().maxMessageSize()) {
			exponent++;
		}
		this.maxLengthExponent = exponent;
		this.maxLength = Math.min(core.limits().maxMessageSize(), 1 << (9 + exponent));
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (this.discarding) {
			in.skipBytes(in.readableBytes());
			return;
		}
		if (this.session == null) {
			handshake(ctx, in);
			return;
		}
		while (in.readableBytes() >= 4 && !this.discarding) {
			int start = in.readerIndex();
			int first = in.getUnsignedByte(start);
			int length = in.getUnsignedMedium(start + 1);
			int type = first & 0x07;
			if ((first & 0xF8) != 0 || type > 2) {
				fail("a RawSocket frame header used reserved bits or an unknown frame type " + type);
				return;
			}
			if (length > this.maxLength) {
				fail("a message of " + length + " bytes exceeds the limit of " + this.maxLength + " bytes");
				return;
			}
			if (in.readableBytes() < 4 + length) {
				return;
			}
			in.skipBytes(4);
			ByteBuf payload = in.readSlice(length);
			if (type == 1) {
				ByteBuf pong = ctx.alloc().ioBuffer(4 + length);
				pong.writeByte(2).writeMedium(length).writeBytes(payload);
				ctx.writeAndFlush(pong, ctx.voidPromise());
			}
			else if (type == 0) {
				onMessage(payload);
			}
		}
	}

	private void handshake(ChannelHandlerContext ctx, ByteBuf in) {
		if (in.readableBytes() < 4) {
			return;
		}
		int magic = in.readUnsignedByte();
		int second = in.readUnsignedByte();
		int reserved = in.readUnsignedShort();
		if (magic != MAGIC) {
			logger.info("Closed a RawSocket connection that did not start with 0x7F");
			this.discarding = true;
			ctx.close();
			return;
		}
		WampCodec selected = WampCodecs.byRawSocketId(second & 0x0F);
		int error = (selected == null) ? ERROR_SERIALIZER_UNSUPPORTED : (reserved != 0) ? ERROR_RESERVED_BITS : 0;
		if (error != 0) {
			this.discarding = true;
			ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] { (byte) MAGIC, (byte) (error << 4), 0, 0 }))
				.addListener(ChannelFutureListener.CLOSE);
			return;
		}
		int clientMax = 1 << (9 + (second >> 4));
		this.codec = selected;
		ctx.writeAndFlush(Unpooled.wrappedBuffer(
				new byte[] { (byte) MAGIC, (byte) ((this.maxLengthExponent << 4) | (second & 0x0F)), 0, 0 }));
		this.session = this.core.newSession(new RawSocketOutbound(ctx.channel(), selected, clientMax,
				this.core.limits().maxOutboundBytesPerSession()));
	}

	private void onMessage(ByteBuf payload) {
		RouterSession current = this.session;
		WampCodec currentCodec = this.codec;
		if (current == null || currentCodec == null || current.isClosed()) {
			return;
		}
		WampMessage message;
		try {
			message = currentCodec.decode(new ByteBufInputStream(payload));
		}
		catch (RuntimeException ex) {
			if (!current.undecodable(currentCodec.subprotocol(), ex)) {
				// The session is over: ignore whatever else the client sends.
				this.discarding = true;
			}
			return;
		}
		try {
			current.receive(message);
		}
		catch (RuntimeException ex) {
			logger.error("Router failure while handling a message of session {}", current.id(), ex);
			fail("the router failed to handle the message: " + ex.getMessage());
		}
	}

	private void fail(String what) {
		this.discarding = true;
		RouterSession current = this.session;
		if (current != null) {
			current.protocolError(what);
		}
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
		logger.debug("RawSocket connection failed: {}", cause.toString());
		ctx.close();
	}

}
