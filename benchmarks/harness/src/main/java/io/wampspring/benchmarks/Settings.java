package io.wampspring.benchmarks;

import java.util.List;

/**
 * How long and how often to measure.
 *
 * @param repetitions how many times every subject is measured, interleaved (A B A B)
 * @param warmupMillis the warm-up of every load process before its window
 * @param measureMillis the measured window
 * @param callerInFlight the calls in flight of the caller suite, in order
 * @param rpcInFlight the calls in flight of the router suite's RPC load and of the echo
 * @param pubsubWindow publications in flight (not yet received by every subscriber) per
 * subscriber count: {@code [1 subscriber, 100 subscribers]}
 */
record Settings(int repetitions, long warmupMillis, long measureMillis, List<Integer> callerInFlight, int rpcInFlight,
		List<Integer> pubsubWindow) {

	List<String> loadArgs(int inFlight) {
		return List.of("--realm", "bench", "--in-flight", Integer.toString(inFlight), "--warmup-ms",
				Long.toString(this.warmupMillis), "--measure-ms", Long.toString(this.measureMillis));
	}

	java.time.Duration loadTimeout() {
		return java.time.Duration.ofMillis(this.warmupMillis + this.measureMillis + 90_000);
	}

}
