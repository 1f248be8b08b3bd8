package io.wampspring.benchmarks.probe;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency samples in nanoseconds, written lock-free from any thread into a preallocated
 * array; samples beyond its capacity are dropped (and counted), so recording never
 * allocates.
 */
public final class Latencies {

	private final long[] samples;

	private final AtomicInteger next = new AtomicInteger();

	/**
	 * Samples with room for a number of values.
	 * @param capacity the most samples kept
	 */
	public Latencies(int capacity) {
		this.samples = new long[capacity];
	}

	/**
	 * Record one latency.
	 * @param nanos the latency
	 */
	public void record(long nanos) {
		int index = this.next.getAndIncrement();
		if (index < this.samples.length) {
			this.samples[index] = nanos;
		}
	}

	/**
	 * Forget the samples so far (the end of the warm-up).
	 */
	public void reset() {
		this.next.set(0);
	}

	/**
	 * Percentiles of the kept samples, sorted once.
	 * @param quantiles such as 0.5 and 0.99
	 * @return the values in nanoseconds, in the same order, or -1 each without samples
	 */
	public long[] percentiles(double... quantiles) {
		int count = Math.min(this.next.get(), this.samples.length);
		long[] sorted = Arrays.copyOf(this.samples, count);
		Arrays.sort(sorted);
		long[] values = new long[quantiles.length];
		for (int i = 0; i < quantiles.length; i++) {
			values[i] = (count == 0) ? -1 : sorted[Math.min(count - 1, (int) Math.floor(quantiles[i] * count))];
		}
		return values;
	}

}
