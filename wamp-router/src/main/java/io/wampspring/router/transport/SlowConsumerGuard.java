package io.wampspring.router.transport;

import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a client that reads too slowly: once more than the limit waits to be
 * written to it (Netty counts writes queued from other threads too), further messages are
 * dropped and the connection is closed, so that one slow subscriber cannot exhaust the
 * router's memory.
 */
final class SlowConsumerGuard {

	private static final Logger logger = LoggerFactory.getLogger(SlowConsumerGuard.class);

	private final Channel channel;

	private final long limit;

	private final AtomicBoolean tripped = new AtomicBoolean();

	SlowConsumerGuard(Channel channel, long limit) {
		this.channel = channel;
		this.limit = limit;
	}

	/**
	 * Whether the message may be written.
	 * @return false once the client is too far behind (the connection is then closing)
	 */
	boolean admit() {
		if (this.tripped.get()) {
			return false;
		}
		if (this.channel.isWritable()) {
			return true;
		}
		ChannelOutboundBuffer buffer = this.channel.unsafe().outboundBuffer();
		long pending = (buffer != null) ? buffer.totalPendingWriteBytes() : 0;
		if (pending <= this.limit) {
			return true;
		}
		if (this.tripped.compareAndSet(false, true)) {
			logger.warn("Disconnecting {}: the client reads too slowly ({} bytes waiting, limit {})",
					this.channel.remoteAddress(), pending, this.limit);
			this.channel.close();
		}
		return false;
	}

}
