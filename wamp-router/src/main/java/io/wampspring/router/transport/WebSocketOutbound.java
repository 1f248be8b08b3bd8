package io.wampspring.router.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.router.realm.Outbound;
import io.wampspring.router.realm.SharedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Sends a session's messages as WebSocket frames: encodes on the calling thread into a
 * pooled buffer and writes it to the channel (Netty hands writes from other threads to the
 * channel's event loop in order).
 */
final class WebSocketOutbound implements Outbound {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketOutbound.class);

	private final Channel channel;

	private final WampCodec codec;

	private final WebsocketOutbound out;

	WebSocketOutbound(Channel channel, WampCodec codec, WebsocketOutbound out) {
		this.channel = channel;
		this.codec = codec;
		this.out = out;
	}

	@Override
	public void send(WampMessage message) {
		if (!this.channel.isActive()) {
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
		if (!this.channel.isActive()) {
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
		if (!this.channel.isActive()) {
			return;
		}
		String text = (reason.length() > 120) ? reason.substring(0, 120) : reason;
		this.out.sendClose(1000, text).subscribe(null, (ex) -> this.channel.close());
	}

	@Override
	public String kind() {
		return "websocket";
	}

}
