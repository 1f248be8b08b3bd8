package io.wampspring.router.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.core.codec.WampCodec;

/**
 * Sends a session's messages as WebSocket frames, text or binary by the codec.
 */
final class WebSocketOutbound extends ChannelOutbound {

	private final AtomicBoolean closing = new AtomicBoolean();

	WebSocketOutbound(Channel channel, WampCodec codec, long maxOutboundBytes) {
		super(channel, codec, maxOutboundBytes);
	}

	@Override
	void write(ByteBuf buffer, int type) {
		this.channel.writeAndFlush(frame(buffer), this.channel.voidPromise());
	}

	@Override
	void write(byte[] encoded) {
		this.channel.writeAndFlush(frame(Unpooled.wrappedBuffer(encoded)), this.channel.voidPromise());
	}

	private WebSocketFrame frame(ByteBuf buffer) {
		return this.codec.isBinary() ? new BinaryWebSocketFrame(buffer) : new TextWebSocketFrame(buffer);
	}

	@Override
	public void close(String reason) {
		if (!this.channel.isActive() || !this.closing.compareAndSet(false, true)) {
			return;
		}
		String text = (reason.length() > 120) ? reason.substring(0, 120) : reason;
		// Send the close frame but keep reading (and discarding) for a moment: closing
		// the socket while the client's frames are still unread would reset the
		// connection, and the client could lose the ABORT or GOODBYE just sent. The
		// client answers the close frame and Reactor Netty closes then; the timer is the
		// fallback.
		this.channel.writeAndFlush(new CloseWebSocketFrame(1000, text));
		this.channel.eventLoop().schedule(() -> {
			this.channel.close();
		}, 1, TimeUnit.SECONDS);
	}

	@Override
	public String kind() {
		return ConnectionGuard.WEBSOCKET;
	}

}
