package io.wampspring.client.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Counts a repeated condition (a refused invocation, a dropped event) and logs it at most
 * once per interval with the count since the last line, so that a flood costs one log line
 * per interval instead of one per message.
 */
public final class RateLimitedLog {

	private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Logger logger;

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong sinceLastLine = new AtomicLong();

	private final AtomicLong lastLineNanos = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

	/**
	 * Create a counter that logs to a logger.
	 * @param logger the logger
	 */
	public RateLimitedLog(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Count one occurrence and log a WARN line if the interval passed since the last one.
	 * @param what what happened, with {@code {}} placeholders for the arguments
	 * @param args the arguments; the count since the last line is appended as the last one
	 */
	public void warn(String what, Object... args) {
		this.total.incrementAndGet();
		this.sinceLastLine.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLineNanos.get();
		if (now - last >= INTERVAL_NANOS && this.lastLineNanos.compareAndSet(last, now)) {
			Object[] withCount = new Object[args.length + 1];
			System.arraycopy(args, 0, withCount, 0, args.length);
			withCount[args.length] = this.sinceLastLine.getAndSet(0);
			this.logger.warn(what + " ({} times since the last such line)", withCount);
		}
	}

	/**
	 * Count occurrences that were logged elsewhere.
	 * @param n how many
	 */
	public void count(long n) {
		this.total.addAndGet(n);
	}

	/**
	 * How many times the condition occurred.
	 * @return the total count
	 */
	public long count() {
		return this.total.get();
	}

}
