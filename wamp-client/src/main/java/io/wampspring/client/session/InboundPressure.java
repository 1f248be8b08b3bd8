package io.wampspring.client.session;

import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.ClientLimits;
import io.wampspring.client.transport.WampConnection;

/**
 * Inbound backpressure of one session: counts the invocations running or queued and the
 * events queued for handlers; at the high-water mark the connection stops reading (the
 * router then meets TCP flow control), below the low-water mark it reads again.
 * Invocations beyond {@link ClientLimits#maxQueuedInvocations()} (those already read when
 * reading stopped) are refused. Thread safe: counted on the I/O thread, released on
 * handler threads. Internal API.
 */
public final class InboundPressure {

	private final WampConnection connection;

	private final int high;

	private final int low;

	private final int maxInvocations;

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger invocations = new AtomicInteger();

	// guarded by this; crossing a mark is rare, so a monitor there costs nothing per
	// message
	private boolean paused;

	InboundPressure(WampConnection connection, ClientLimits limits) {
		this.connection = connection;
		this.high = limits.inboundHighWaterMark();
		this.low = limits.inboundLowWaterMark();
		this.maxInvocations = limits.maxQueuedInvocations();
	}

	/**
	 * Count an invocation that is about to run or wait for a handler.
	 * @return false when too many are running or queued: refuse it
	 */
	boolean tryAcquireInvocation() {
		if (this.invocations.incrementAndGet() > this.maxInvocations) {
			this.invocations.decrementAndGet();
			return false;
		}
		acquired();
		return true;
	}

	/** An invocation finished. */
	void releaseInvocation() {
		this.invocations.decrementAndGet();
		release();
	}

	/** Count an event queued for a handler. */
	public void acquire() {
		acquired();
	}

	/** An event was handled (or dropped). */
	public void release() {
		if (this.queued.decrementAndGet() == this.low) {
			synchronized (this) {
				if (this.paused && this.queued.get() <= this.low) {
					this.paused = false;
					this.connection.pauseReading(false);
				}
			}
		}
	}

	private void acquired() {
		if (this.queued.incrementAndGet() == this.high) {
			synchronized (this) {
				if (!this.paused && this.queued.get() >= this.high) {
					this.paused = true;
					this.connection.pauseReading(true);
				}
			}
		}
	}

}
