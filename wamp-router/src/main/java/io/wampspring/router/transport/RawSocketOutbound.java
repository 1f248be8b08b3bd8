package io.wampspring.router.transport;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.router.realm.UnencodableMessageException;

/**
 * Sends a session's messages as RawSocket frames: a 4-byte header (frame type 0 and a
 * 24-bit length) followed by the encoded message. A message longer than the client
 * accepts is not sent: an {@link UnencodableMessageException} tells the router to answer
 * its sender.
 */
final class RawSocketOutbound extends ChannelOutbound {

	private final int clientMaxLength;

	RawSocketOutbound(Channel channel, WampCodec codec, int clientMaxLength, long maxOutboundBytes) {
		super(channel, codec, maxOutboundBytes);
		this.clientMaxLength = Math.min(clientMaxLength, RawSocket.MAX_FRAME_LENGTH);
	}

	@Override
	int headerLength() {
		return RawSocket.HEADER_LENGTH;
	}

	@Override
	void write(ByteBuf buffer, int type) {
		int length = buffer.readableBytes() - RawSocket.HEADER_LENGTH;
		if (length > this.clientMaxLength) {
			buffer.release();
			throw tooLong(type, length);
		}
		buffer.setInt(0, RawSocket.frameHeader(RawSocket.MESSAGE, length));
		this.channel.writeAndFlush(buffer, this.channel.voidPromise());
	}

	@Override
	void write(byte[] encoded) {
		if (encoded.length > this.clientMaxLength) {
			throw tooLong(WampMessageType.EVENT, encoded.length);
		}
		ByteBuf header = this.channel.alloc()
			.ioBuffer(RawSocket.HEADER_LENGTH)
			.writeInt(RawSocket.frameHeader(RawSocket.MESSAGE, encoded.length));
		this.channel.writeAndFlush(Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(encoded)),
				this.channel.voidPromise());
	}

	private UnencodableMessageException tooLong(int type, int length) {
		return new UnencodableMessageException(type, "RawSocket " + this.codec.subprotocol(),
				"it is " + length + " bytes long and the client accepts at most " + this.clientMaxLength);
	}

	@Override
	public void close(String reason) {
		if (!this.channel.isActive()) {
			return;
		}
		// Half-close after the last message and keep reading (and discarding) for a
		// moment: closing with unread input would reset the connection and the client
		// could lose the ABORT or GOODBYE just sent.
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
		return ConnectionGuard.RAWSOCKET;
	}

}
