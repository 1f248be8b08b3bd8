package io.wampspring.client.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;

/**
 * Counts a repeated condition (a refused invocation, a dropped event) and says when a log
 * line is due: at the first occurrence, then at most once per interval (10 s), with the
 * count since the last line. A flood of thousands a second costs one line per interval
 * instead of one per message. Shared by the client's session and the Spring layer's
 * handler adapters. Thread safe.
 */
public final class RateLimitedLog {

	private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Logger logger;

	private final LongAdder total = new LongAdder();

	private final AtomicLong sinceLastLine = new AtomicLong();

	private final AtomicLong lastLineNanos = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

	/**
	 * Create a counter that logs to a logger.
	 * @param logger the logger of {@link #warn(String, Object...)}
	 */
	public RateLimitedLog(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Count one occurrence.
	 * @return the occurrences to report in a line now (this one included), or 0 when no
	 * line is due
	 */
	public long occurred() {
		this.total.increment();
		this.sinceLastLine.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLineNanos.get();
		if (now - last >= INTERVAL_NANOS && this.lastLineNanos.compareAndSet(last, now)) {
			return this.sinceLastLine.getAndSet(0);
		}
		return 0;
	}

	/**
	 * Count one occurrence and log a WARN line if one is due.
	 * @param what what happened, with {@code {}} placeholders for the arguments
	 * @param args the arguments; the count since the last line is appended as the last
	 * one
	 */
	public void warn(String what, Object... args) {
		long count = occurred();
		if (count > 0) {
			Object[] withCount = new Object[args.length + 1];
			System.arraycopy(args, 0, withCount, 0, args.length);
			withCount[args.length] = count;
			this.logger.warn(what + " ({} times since the last such line)", withCount);
		}
	}

	/**
	 * Count occurrences that were logged elsewhere.
	 * @param n how many
	 */
	public void count(long n) {
		this.total.add(n);
	}

	/**
	 * How many times the condition occurred.
	 * @return the total count
	 */
	public long count() {
		return this.total.sum();
	}

}
