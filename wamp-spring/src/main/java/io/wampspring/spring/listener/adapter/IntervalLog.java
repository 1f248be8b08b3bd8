package io.wampspring.spring.listener.adapter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts occurrences of one condition (in total, for meters and tests) and says when a log
 * line is due: at the first occurrence, then at most once per interval, with the count since
 * the last line. Keeps a flood (thousands of refused invocations a second) from becoming a
 * flood of log lines.
 */
final class IntervalLog {

	/** The shortest time between two lines about the same condition. */
	static final Duration INTERVAL = Duration.ofSeconds(10);

	private final long intervalNanos;

	private final AtomicLong lastLine;

	private final AtomicLong unreported = new AtomicLong();

	private final LongAdder total = new LongAdder();

	IntervalLog(Duration interval) {
		this.intervalNanos = interval.toNanos();
		this.lastLine = new AtomicLong(System.nanoTime() - this.intervalNanos);
	}

	/**
	 * Count one occurrence.
	 * @return the occurrences to report in a line now (this one included), or 0 when no line
	 * is due
	 */
	long occurred() {
		this.total.increment();
		this.unreported.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLine.get();
		if (now - last >= this.intervalNanos && this.lastLine.compareAndSet(last, now)) {
			return this.unreported.getAndSet(0);
		}
		return 0;
	}

	/**
	 * How many times the condition occurred.
	 * @return the count since this log was created
	 */
	long total() {
		return this.total.sum();
	}

}
