package io.wampspring.router.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Sits right after Netty's WebSocket frame decoder and tells the {@link ConnectionGuard}
 * which received bytes are no longer held for an incomplete message: a control frame at
 * once, a data frame's header at once and its payload when the message's last fragment
 * arrived (until then the fragments wait in the aggregator).
 */
final class WebSocketFrameMeter extends ChannelInboundHandlerAdapter {

	private final ConnectionGuard guard;

	private long fragments;

	WebSocketFrameMeter(ConnectionGuard guard) {
		this.guard = guard;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof WebSocketFrame frame) {
			int payload = frame.content().readableBytes();
			boolean data = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
					|| frame instanceof ContinuationWebSocketFrame;
			if (!data) {
				this.guard.consumed(headerLength(payload) + payload);
			}
			else if (!frame.isFinalFragment()) {
				this.guard.consumed(headerLength(payload));
				this.fragments += payload;
			}
			else {
				this.guard.consumed(headerLength(payload) + payload + this.fragments);
				this.fragments = 0;
			}
		}
		ctx.fireChannelRead(msg);
	}

	/** A client's frame header: 2 octets, the extended length, the 4-octet mask. */
	private static int headerLength(int payload) {
		int extended = (payload < 126) ? 0 : (payload < 65536) ? 2 : 8;
		return 2 + extended + 4;
	}

}
