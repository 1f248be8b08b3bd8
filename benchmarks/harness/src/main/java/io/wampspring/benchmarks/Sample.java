package io.wampspring.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One measured window of one load process, parsed from its {@code RESULT} line.
 *
 * @param ops operations completed in the window (calls, events received or round trips)
 * @param failed operations that failed (over the whole run)
 * @param seconds the window's length
 * @param p50us median latency in microseconds, or -1 where not measured
 * @param p99us 99th percentile latency in microseconds, or -1
 * @param cpuSeconds CPU time of the load process over the window
 * @param watchedCpuSeconds CPU time of the watched process (the router), or -1
 * @param peakRssKb peak resident memory of the load process
 * @param allocBytes bytes allocated by the load process's JVM over the window, or -1
 */
record Sample(long ops, long failed, double seconds, double p50us, double p99us, double cpuSeconds,
		double watchedCpuSeconds, long peakRssKb, long allocBytes) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Parse a {@code RESULT} line.
	 * @param line the line
	 * @param clockTicks the kernel's clock ticks per second ({@code getconf CLK_TCK})
	 * @param watched the pid whose CPU is the watched CPU, or -1
	 * @return the sample
	 */
	static Sample parse(String line, long clockTicks, long watched) {
		JsonNode node = JSON.readTree(line.substring("RESULT ".length()));
		JsonNode watch = node.path("watchTicks").path(Long.toString(watched));
		return new Sample(node.path("ops").asLong(), node.path("failed").asLong(), node.path("seconds").asDouble(),
				node.path("p50us").asDouble(-1), node.path("p99us").asDouble(-1),
				node.path("cpuTicks").asDouble() / clockTicks,
				watch.isMissingNode() ? -1 : watch.asDouble() / clockTicks, node.path("peakRssKb").asLong(-1),
				node.path("allocBytes").asLong(-1));
	}

	double opsPerSecond() {
		return this.ops / this.seconds;
	}

	/** CPU seconds of the load process per 10,000 operations. */
	double cpuPer10k() {
		return this.cpuSeconds / this.ops * 10_000;
	}

	/** CPU seconds of the watched process per 10,000 operations, or -1. */
	double watchedCpuPer10k() {
		return (this.watchedCpuSeconds < 0) ? -1 : this.watchedCpuSeconds / this.ops * 10_000;
	}

	/** Bytes allocated per operation, or -1. */
	double allocPerOp() {
		return (this.allocBytes < 0) ? -1 : (double) this.allocBytes / this.ops;
	}

}
