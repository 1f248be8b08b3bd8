package io.wampspring.client.transport;

import java.nio.ByteOrder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.core.rawsocket.RawSocketHandshake;
import org.jspecify.annotations.Nullable;

/**
 * Splits a WAMP RawSocket byte stream: first the 4-octet handshake, then frames of a
 * 4-octet header (frame type and 24-bit length, checked by wamp-core's {@link RawSocket})
 * and a payload, split by Netty's length-field decoder. Rejects a frame with reserved
 * bits, an unknown type or a length above the maximum this side announced before its
 * payload is buffered, with a {@link WampProtocolException}.
 */
final class RawSocketFrameDecoder extends LengthFieldBasedFrameDecoder {

	private final int maxLength;

	private boolean handshakeDone;

	RawSocketFrameDecoder(int maxLength) {
		// The length is the three octets after the first; frames keep their header.
		super(maxLength + RawSocket.HEADER_LENGTH, 1, 3, 0, 0);
		this.maxLength = maxLength;
	}

	@Override
	protected @Nullable Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
		if (!this.handshakeDone) {
			if (in.readableBytes() < RawSocket.HEADER_LENGTH) {
				return null;
			}
			this.handshakeDone = true;
			return new RawSocketHandshake(in.readInt());
		}
		ByteBuf frame = (ByteBuf) super.decode(ctx, in);
		if (frame == null) {
			return null;
		}
		return new Frame(RawSocket.frameType(frame.readInt()), frame);
	}

	@Override
	protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
		int header = buf.getInt(offset - 1);
		RawSocket.checkFrameHeader(header, this.maxLength);
		return RawSocket.frameLength(header);
	}

	/**
	 * One frame; Reactor Netty releases its payload after it was handled.
	 */
	static final class Frame extends DefaultByteBufHolder {

		private final int type;

		Frame(int type, ByteBuf payload) {
			super(payload);
			this.type = type;
		}

		int type() {
			return this.type;
		}

	}

}
