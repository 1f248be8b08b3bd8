package io.wampspring.benchmarks.probe;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: keeps a fixed number of operations in flight (a new one for every
 * one that completes), warms up, then measures for a fixed time and prints one line
 * {@code RESULT {...}} with the operations completed in the window, p50/p99 latency, the
 * CPU ticks of this process (and of any watched process) over the window, peak RSS and
 * the bytes allocated by all threads of this JVM over the window. The Node.js and Python
 * load scripts print the same line. With {@code -Dbench.jfr=file.jfr}, a JDK Flight
 * Recorder recording covers exactly the window (see {@link Profile}).
 */
public final class ClosedLoop {

	/**
	 * One asynchronous operation, such as a WAMP call.
	 */
	@FunctionalInterface
	public interface Operation {

		/**
		 * Start the operation; call {@code done} once when it completed.
		 * @param done to run on completion, with whether it succeeded
		 */
		void start(Completion done);

	}

	/**
	 * The completion callback of an {@link Operation}.
	 */
	@FunctionalInterface
	public interface Completion {

		/**
		 * The operation completed.
		 * @param error the failure, or null on success
		 */
		void complete(Throwable error);

	}

	private final Operation operation;

	// 1M samples (8 MB, part of the process's peak RSS for every JVM caller alike):
	// 200,000 calls/s for 5 s; beyond that the latency percentiles come from the first
	// million calls of the window
	private final Latencies latencies = new Latencies(1_000_000);

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private volatile boolean measuring;

	private volatile boolean stopping;

	private volatile Throwable firstError;

	private final CountDownLatch drained;

	private final int inFlight;

	/**
	 * A loop.
	 * @param operation what to run
	 * @param inFlight how many operations to keep in flight
	 */
	public ClosedLoop(Operation operation, int inFlight) {
		this.operation = operation;
		this.inFlight = inFlight;
		this.drained = new CountDownLatch(inFlight);
	}

	/**
	 * Run the loop and print its {@code RESULT} line.
	 * @param options the load options (warm-up, measure time, watched processes)
	 * @throws InterruptedException when interrupted
	 */
	public void run(LoadOptions options) throws InterruptedException {
		for (int i = 0; i < this.inFlight; i++) {
			next();
		}
		Thread.sleep(options.warmupMillis());
		check();
		Profile profile = Profile.start();
		Window window = Window.open(options.watch());
		this.latencies.reset();
		long before = this.completed.get();
		this.measuring = true;
		Thread.sleep(options.measureMillis());
		this.measuring = false;
		long ops = this.completed.get() - before;
		Window.Closed closed = window.close();
		profile.stop();
		this.stopping = true;
		// let the operations in flight finish, so that the peer sees a clean end; bounded
		this.drained.await(10, TimeUnit.SECONDS);
		check();
		long[] p = this.latencies.percentiles(0.5, 0.99);
		System.out.println(closed.resultLine(ops, p[0], p[1], this.failed.get()));
		System.out.flush();
	}

	private void check() {
		Throwable error = this.firstError;
		if (error != null && this.completed.get() == 0) {
			throw new IllegalStateException("every operation failed; the first: " + error, error);
		}
	}

	private void next() {
		if (this.stopping) {
			this.drained.countDown();
			return;
		}
		long start = System.nanoTime();
		this.operation.start((error) -> {
			long nanos = System.nanoTime() - start;
			if (error != null) {
				this.failed.incrementAndGet();
				if (this.firstError == null) {
					this.firstError = error;
				}
			}
			else {
				if (this.measuring) {
					this.latencies.record(nanos);
				}
				this.completed.incrementAndGet();
			}
			next();
		});
	}

	/**
	 * The measured window: time, CPU of this process and of watched processes,
	 * allocations.
	 */
	static final class Window {

		private final long startNanos;

		private final long selfTicks;

		private final String[] watch;

		private final long[] watchTicks;

		private final long allocated;

		private Window(String[] watch) {
			this.watch = watch;
			this.watchTicks = new long[watch.length];
			for (int i = 0; i < watch.length; i++) {
				this.watchTicks[i] = ProcFs.cpuTicks(watch[i]);
			}
			this.selfTicks = ProcFs.cpuTicks("self");
			this.allocated = allocatedBytes();
			this.startNanos = System.nanoTime();
		}

		static Window open(String[] watch) {
			return new Window(watch);
		}

		Closed close() {
			long nanos = System.nanoTime() - this.startNanos;
			long allocatedNow = allocatedBytes();
			long self = ProcFs.cpuTicks("self") - this.selfTicks;
			StringBuilder watched = new StringBuilder();
			for (int i = 0; i < this.watch.length; i++) {
				watched.append(i == 0 ? "" : ",")
					.append('"')
					.append(this.watch[i])
					.append("\":")
					.append(ProcFs.cpuTicks(this.watch[i]) - this.watchTicks[i]);
			}
			return new Closed(nanos, self, watched.toString(), allocatedNow - this.allocated);
		}

		/**
		 * Bytes allocated so far by the JVM's live threads (threads that ended are lost,
		 * so the window must not span thread churn; event loops and pools live on).
		 */
		static long allocatedBytes() {
			java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
			if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
				long total = 0;
				for (long bytes : sun.getThreadAllocatedBytes(bean.getAllThreadIds())) {
					total += Math.max(0, bytes);
				}
				return total;
			}
			return -1;
		}

		record Closed(long nanos, long selfTicks, String watched, long allocatedBytes) {

			String resultLine(long ops, long p50Nanos, long p99Nanos, long failed) {
				return String.format(Locale.ROOT,
						"RESULT {\"ops\":%d,\"failed\":%d,\"seconds\":%.4f,\"p50us\":%.1f,\"p99us\":%.1f,"
								+ "\"cpuTicks\":%d,\"watchTicks\":{%s},\"peakRssKb\":%d,\"allocBytes\":%d}",
						ops, failed, this.nanos / 1e9, p50Nanos / 1e3, p99Nanos / 1e3, this.selfTicks, this.watched,
						ProcFs.peakRssKb("self"), this.allocatedBytes);
			}

		}

	}

}
