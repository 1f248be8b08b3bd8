package io.wampspring.router.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.router.realm.Outbound;
import io.wampspring.router.realm.SharedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's messages as WebSocket frames: encodes on the calling thread into a
 * pooled buffer and writes it to the channel (Netty hands writes from other threads to the
 * channel's event loop in order).
 */
final class WebSocketOutbound implements Outbound {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketOutbound.class);

	private final Channel channel;

	private final WampCodec codec;

	private final AtomicBoolean closing = new AtomicBoolean();

	private final SlowConsumerGuard guard;

	WebSocketOutbound(Channel channel, WampCodec codec, long maxOutboundBytes) {
		this.channel = channel;
		this.codec = codec;
		this.guard = new SlowConsumerGuard(channel, maxOutboundBytes);
	}

	@Override
	public void send(WampMessage message) {
		if (!this.channel.isActive() || !this.guard.admit()) {
			return;
		}
		ByteBuf buffer = this.channel.alloc().ioBuffer(256);
		try {
			this.codec.encode(message, new ByteBufOutputStream(buffer));
		}
		catch (RuntimeException ex) {
			buffer.release();
			logger.warn("Could not encode {} with {}: {}", WampMessageType.name(message.type()), this.codec.subprotocol(),
					ex.getMessage());
			return;
		}
		this.channel.writeAndFlush(frame(buffer), this.channel.voidPromise());
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
		this.channel.writeAndFlush(frame(Unpooled.wrappedBuffer(bytes)), this.channel.voidPromise());
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
		// Send the close frame but keep reading (and discarding) for a moment: closing the
		// socket while the client's frames are still unread would reset the connection, and
		// the client could lose the ABORT or GOODBYE just sent. The client answers the close
		// frame and Reactor Netty closes then; the timer is the fallback.
		this.channel.writeAndFlush(new CloseWebSocketFrame(1000, text));
		this.channel.eventLoop().schedule(() -> {
			this.channel.close();
		}, 1, TimeUnit.SECONDS);
	}

	@Override
	public String kind() {
		return "websocket";
	}

}
