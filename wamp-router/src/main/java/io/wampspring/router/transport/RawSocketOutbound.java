package io.wampspring.router.transport;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.router.realm.Outbound;
import io.wampspring.router.realm.SharedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's messages as RawSocket frames: a 4-byte header (frame type 0 and a 24-bit
 * length) followed by the encoded message.
 */
final class RawSocketOutbound implements Outbound {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketOutbound.class);

	private final Channel channel;

	private final WampCodec codec;

	private final int clientMaxLength;

	private final SlowConsumerGuard guard;

	RawSocketOutbound(Channel channel, WampCodec codec, int clientMaxLength, long maxOutboundBytes) {
		this.channel = channel;
		this.codec = codec;
		this.clientMaxLength = clientMaxLength;
		this.guard = new SlowConsumerGuard(channel, maxOutboundBytes);
	}

	@Override
	public void send(WampMessage message) {
		if (!this.channel.isActive() || !this.guard.admit()) {
			return;
		}
		ByteBuf buffer = this.channel.alloc().ioBuffer(256);
		buffer.writeInt(0);
		try {
			this.codec.encode(message, new ByteBufOutputStream(buffer));
		}
		catch (RuntimeException ex) {
			buffer.release();
			logger.warn("Could not encode {} with {}: {}", WampMessageType.name(message.type()), this.codec.subprotocol(),
					ex.getMessage());
			return;
		}
		int length = buffer.readableBytes() - 4;
		if (length > this.clientMaxLength) {
			buffer.release();
			logger.warn("Dropped a {} of {} bytes: the RawSocket client accepts at most {} bytes",
					WampMessageType.name(message.type()), length, this.clientMaxLength);
			return;
		}
		buffer.setInt(0, length);
		this.channel.writeAndFlush(buffer, this.channel.voidPromise());
	}

	@Override
	public void send(SharedMessage message) {
		if (!this.channel.isActive() || !this.guard.admit()) {
			return;
		}
		byte[] bytes;
		try {
			bytes = message.encoded(this.codec);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not encode an event with {}: {}", this.codec.subprotocol(), ex.getMessage());
			return;
		}
		if (bytes.length > this.clientMaxLength) {
			logger.warn("Dropped an event of {} bytes: the RawSocket client accepts at most {} bytes", bytes.length,
					this.clientMaxLength);
			return;
		}
		ByteBuf header = this.channel.alloc().ioBuffer(4).writeInt(bytes.length);
		this.channel.writeAndFlush(Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(bytes)),
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
