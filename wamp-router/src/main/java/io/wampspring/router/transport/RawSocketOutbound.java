package io.wampspring.router.transport;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's messages as RawSocket frames: a 4-byte header (frame type 0 and a 24-bit
 * length) followed by the encoded message. A message longer than the client accepts is
 * dropped with a warning.
 */
final class RawSocketOutbound extends ChannelOutbound {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketOutbound.class);

	private final int clientMaxLength;

	RawSocketOutbound(Channel channel, WampCodec codec, int clientMaxLength, long maxOutboundBytes) {
		super(channel, codec, maxOutboundBytes);
		this.clientMaxLength = clientMaxLength;
	}

	@Override
	int headerLength() {
		return 4;
	}

	@Override
	void write(ByteBuf buffer, int type) {
		int length = buffer.readableBytes() - 4;
		if (length > this.clientMaxLength) {
			buffer.release();
			logger.warn("Dropped a {} of {} bytes: the RawSocket client accepts at most {} bytes",
					WampMessageType.name(type), length, this.clientMaxLength);
			return;
		}
		buffer.setInt(0, length);
		this.channel.writeAndFlush(buffer, this.channel.voidPromise());
	}

	@Override
	void write(byte[] encoded) {
		if (encoded.length > this.clientMaxLength) {
			logger.warn("Dropped an event of {} bytes: the RawSocket client accepts at most {} bytes", encoded.length,
					this.clientMaxLength);
			return;
		}
		ByteBuf header = this.channel.alloc().ioBuffer(4).writeInt(encoded.length);
		this.channel.writeAndFlush(Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(encoded)),
				this.channel.voidPromise());
	}

	@Override
	public void close(String reason) {
		if (!this.channel.isActive()) {
			return;
		}
		// Half-close after the last message and keep reading (and discarding) for a moment:
		// closing with unread input would reset the connection and the client could lose the
		// ABORT or GOODBYE just sent.
		this.channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((future) -> {
			if (this.channel instanceof DuplexChannel duplex) {
				duplex.shutdownOutput();
			}
			else {
				this.channel.close();
			}
		});
		this.channel.eventLoop().schedule(() -> {
			this.channel.close();
		}, 1, TimeUnit.SECONDS);
	}

	@Override
	public String kind() {
		return "rawsocket";
	}

}
