package io.wampspring.router.transport;

import java.net.SocketAddress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.ssl.SslHandler;
import io.wampspring.core.auth.TlsChannelBinding;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;
import io.wampspring.router.realm.Outbound;
import io.wampspring.router.realm.SharedMessage;
import io.wampspring.router.realm.UnencodableMessageException;
import org.jspecify.annotations.Nullable;

/**
 * What the socket transports share: encode on the calling thread (into a pooled buffer,
 * or once per codec for a shared message), drop writes to a closed channel or to a client
 * that reads too slowly, refuse a message the codec cannot encode with an
 * {@link UnencodableMessageException}, and hand the bytes to the transport's framing.
 * Netty passes writes from other threads to the channel's event loop in order.
 */
abstract class ChannelOutbound implements Outbound {

	protected final Channel channel;

	protected final WampCodec codec;

	private final SlowConsumerGuard guard;

	ChannelOutbound(Channel channel, WampCodec codec, long maxOutboundBytes) {
		this.channel = channel;
		this.codec = codec;
		this.guard = new SlowConsumerGuard(channel, maxOutboundBytes);
	}

	@Override
	public final void send(WampMessage message) {
		if (!this.channel.isActive() || !this.guard.admit()) {
			return;
		}
		ByteBuf buffer = this.channel.alloc().ioBuffer(256);
		buffer.writeZero(headerLength());
		try {
			this.codec.encode(message, new ByteBufOutputStream(buffer));
		}
		catch (RuntimeException ex) {
			buffer.release();
			throw new UnencodableMessageException(message.type(), this.codec.subprotocol(), problem(ex));
		}
		write(buffer, message.type());
	}

	@Override
	public final void send(SharedMessage message) {
		if (!this.channel.isActive() || !this.guard.admit()) {
			return;
		}
		byte[] bytes;
		try {
			bytes = message.encoded(this.codec);
		}
		catch (RuntimeException ex) {
			throw new UnencodableMessageException(message.message().type(), this.codec.subprotocol(), problem(ex));
		}
		write(bytes);
	}

	private static String problem(RuntimeException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
	}

	@Override
	public long pendingBytes() {
		// read from any thread: Netty keeps the total in a volatile field
		ChannelOutboundBuffer buffer = this.channel.unsafe().outboundBuffer();
		return (buffer != null) ? buffer.totalPendingWriteBytes() : 0;
	}

	@Override
	public TlsChannelBinding.Result channelBinding(String type) {
		SslHandler tls = this.channel.pipeline().get(SslHandler.class);
		if (tls == null) {
			return TlsChannelBinding.Result.missing("the connection is not encrypted with TLS");
		}
		return TlsChannelBinding.read(tls.engine(), type);
	}

	@Override
	public @Nullable String remoteAddress() {
		SocketAddress address = this.channel.remoteAddress();
		return (address != null) ? address.toString() : null;
	}

	/**
	 * Bytes the framing needs in front of the encoded message.
	 * @return 0 by default
	 */
	int headerLength() {
		return 0;
	}

	/**
	 * Frame and write one encoded message.
	 * @param buffer {@link #headerLength()} zero bytes, then the encoded message;
	 * released by the write or here
	 * @param type the message type, for logs
	 */
	abstract void write(ByteBuf buffer, int type);

	/**
	 * Frame and write a message encoded once for many sessions.
	 * @param encoded the encoded message, not to be modified
	 */
	abstract void write(byte[] encoded);

}
