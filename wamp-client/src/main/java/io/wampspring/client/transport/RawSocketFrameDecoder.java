package io.wampspring.client.transport;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wampspring.core.WampProtocolException;

/**
 * Splits a WAMP RawSocket byte stream: first the 4-octet handshake, then frames of a
 * 4-octet header (3 bits of frame type, 24 bits of length) and a payload. Rejects frames
 * longer than the maximum this side announced.
 */
final class RawSocketFrameDecoder extends ByteToMessageDecoder {

	/** Frame type of a WAMP message. */
	static final int MESSAGE = 0;

	/** Frame type of a PING. */
	static final int PING = 1;

	/** Frame type of a PONG. */
	static final int PONG = 2;

	private final int maxLength;

	private boolean handshakeDone;

	RawSocketFrameDecoder(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (!this.handshakeDone) {
			if (in.readableBytes() < 4) {
				return;
			}
			this.handshakeDone = true;
			out.add(new Handshake(in.readInt()));
			return;
		}
		while (in.readableBytes() >= 4) {
			int header = in.getInt(in.readerIndex());
			int type = (header >>> 24) & 0xFF;
			int length = header & 0xFFFFFF;
			if (type > PONG) {
				throw new WampProtocolException("RawSocket frame of unknown type " + type);
			}
			if (length > this.maxLength) {
				throw new WampProtocolException(
						"RawSocket frame of " + length + " bytes exceeds the announced maximum of " + this.maxLength);
			}
			if (in.readableBytes() < 4 + length) {
				return;
			}
			in.skipBytes(4);
			out.add(new Frame(type, in.readRetainedSlice(length)));
		}
	}

	/**
	 * The peer's 4-octet handshake.
	 *
	 * @param value the octets as a big-endian int
	 */
	record Handshake(int value) {

		int magic() {
			return (this.value >>> 24) & 0xFF;
		}

		int high() {
			return (this.value >>> 20) & 0x0F;
		}

		int low() {
			return (this.value >>> 16) & 0x0F;
		}

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
