package io.wampspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wampspring.benchmarks.Results.Summary;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown report: what ran where, the callers' and routers' tables (median and range
 * over the rounds, ratios of medians measured in the same run), the JMH tables, and each
 * target of issue 11 as met or missed by how much.
 */
final class Report {

	private final Environment env;

	private final Settings settings;

	private final Results results;

	private String date = "";

	private String loadBefore = "";

	private String loadAfter = "";

	private String command = "";

	Report(Environment env, Settings settings, Results results) {
		this.env = env;
		this.settings = settings;
		this.results = results;
	}

	void started(String date, String load, String command) {
		this.date = date;
		this.loadBefore = load;
		this.command = command;
	}

	void finished(String load) {
		this.loadAfter = load;
	}

	String render(List<String> suites, List<JmhSuite.Row> jmh) {
		StringBuilder md = new StringBuilder();
		md.append("Measured ").append(this.date).append(" with `").append(this.command).append("`.\n\n");
		for (String fact : this.env.machine()) {
			md.append("- ").append(fact).append('\n');
		}
		md.append("- Load average (1, 5, 15 min) before: ")
			.append(this.loadBefore)
			.append("; after: ")
			.append(this.loadAfter)
			.append('\n');
		md.append(String.format(Locale.ROOT,
				"- %d interleaved rounds; every load process warms up %.1f s, then measures %.1f s. "
						+ "Figures are medians, with the range over the rounds in parentheses.%n%n",
				this.settings.repetitions(), this.settings.warmupMillis() / 1e3, this.settings.measureMillis() / 1e3));
		if (suites.contains("callers")) {
			callers(md);
		}
		if (suites.contains("routers")) {
			routers(md);
		}
		if (!jmh.isEmpty()) {
			jmh(md, jmh);
		}
		if (suites.contains("callers") || suites.contains("routers")) {
			targets(md);
		}
		if (!this.results.failures().isEmpty()) {
			md.append("### Measurements that failed\n\n");
			for (String failure : this.results.failures()) {
				md.append("- ").append(failure).append('\n');
			}
			md.append('\n');
		}
		return md.toString();
	}

	// ---------------------------------------------------------------- callers

	private void callers(StringBuilder md) {
		md.append("### Callers\n\n");
		md.append("Each caller is a process of its own calling `bench.echo(\"hello\", 42)` through the embedded router "
				+ "(WebSocket, JSON) and the same plain callee (a codec and a socket, in the router's process). "
				+ "CPU is the caller process's user + system time over the window (`/proc/<pid>/stat`, all threads: "
				+ "JIT and GC included); peak RSS is `VmHWM`; allocations are the JVM's per-thread allocated bytes "
				+ "(`ThreadMXBean`) over the window divided by the calls.\n\n");
		for (int inFlight : this.settings.callerInFlight()) {
			String config = CallerSuite.config(inFlight);
			Double oursRate = this.results.median(CallerSuite.OURS, config, Sample::opsPerSecond);
			Double oursCpu = this.results.median(CallerSuite.OURS, config, Sample::cpuPer10k);
			md.append("#### ").append(inFlight).append(inFlight == 1 ? " call" : " calls").append(" in flight\n\n");
			md.append(
					"| caller | calls/s | p50 latency | p99 latency | CPU per 10k calls | peak RSS | allocated per call "
							+ "| calls/s vs wamp-client | CPU per call vs wamp-client |\n");
			md.append("|---|---|---|---|---|---|---|---|---|\n");
			for (String subject : subjects(config)) {
				Summary rate = this.results.summary(subject, config, Sample::opsPerSecond);
				Summary cpu = this.results.summary(subject, config, Sample::cpuPer10k);
				md.append("| ")
					.append(subject.replace("|", "\\|"))
					.append(" | ")
					.append(rate.format("%,.0f"))
					.append(" | ")
					.append(this.results.summary(subject, config, Sample::p50us).format("%,.0f"))
					.append(" us | ")
					.append(this.results.summary(subject, config, Sample::p99us).format("%,.0f"))
					.append(" us | ")
					.append(cpu.format("%.3f"))
					.append(" s | ")
					.append(this.results.summary(subject, config, (s) -> s.peakRssKb() / 1024.0).format("%,.0f"))
					.append(" MB | ")
					.append(alloc(this.results.summary(subject, config, Sample::allocPerOp)))
					.append(" | ")
					.append(ratio(rate, oursRate))
					.append(" | ")
					.append(ratio(cpu, oursCpu))
					.append(" |\n");
			}
			md.append('\n');
		}
	}

	private static String alloc(Summary summary) {
		return summary.present() ? summary.format("%,.0f") + " B" : "-";
	}

	private static String ratio(Summary value, @Nullable Double reference) {
		if (!value.present() || reference == null || reference == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.2fx", value.median() / reference);
	}

	private List<String> subjects(String config) {
		List<String> subjects = new ArrayList<>();
		for (Results.Key key : this.results.keys()) {
			if (key.config().equals(config) && !subjects.contains(key.subject())) {
				subjects.add(key.subject());
			}
		}
		return subjects;
	}

	// ---------------------------------------------------------------- routers

	private void routers(StringBuilder md) {
		md.append("### Routers\n\n");
		md.append("One load driver that is not ours drives every router: Autobahn|JS " + this.env.autobahnJsVersion()
				+ " in one Node.js process holding all sessions (`benchmarks/js/driver.js`). RPC: a callee session "
				+ "answers `bench.rpc` with its arguments and a caller session keeps " + this.settings.rpcInFlight()
				+ " calls in flight. Pub/sub: one publisher publishes `[\"hello\", 42]` and keeps at most "
				+ this.settings.pubsubWindow().get(0) + " (1 subscriber) or " + this.settings.pubsubWindow().get(1)
				+ " (100 subscribers) publications not yet received by every subscriber; the figure is events "
				+ "received per second. Echo: the driver sends the same CALL, serialized by Autobahn|JS, over a bare "
				+ "WebSocket to a plain Netty echo server and waits for it to come back. Router CPU is the router "
				+ "process's time over the window (`/proc/<pid>/stat`); driver CPU is the driver's. fox-wamp speaks "
				+ "WebSocket JSON only and jawampa WebSocket only; Autobahn|JS's RawSocket in Node.js speaks JSON only.\n\n");
		md.append("| workload | router | per second | router CPU per 10k | driver CPU per 10k | per second vs embedded "
				+ "| router CPU vs embedded |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		List<String> workloads = new ArrayList<>();
		for (Results.Key key : this.results.keys()) {
			if (!key.config().contains("in flight") && !workloads.contains(key.config())) {
				workloads.add(key.config());
			}
		}
		workloads.sort((a, b) -> Integer.compare(order(a), order(b)));
		for (String workload : workloads) {
			Double embeddedRate = this.results.median(RouterSuite.EMBEDDED, workload, Sample::opsPerSecond);
			Double embeddedCpu = this.results.median(RouterSuite.EMBEDDED, workload, Sample::watchedCpuPer10k);
			for (String subject : subjects(workload)) {
				Summary rate = this.results.summary(subject, workload, Sample::opsPerSecond);
				Summary cpu = this.results.summary(subject, workload, Sample::watchedCpuPer10k);
				md.append("| ")
					.append(workload)
					.append(" | ")
					.append(subject.replace("|", "\\|"))
					.append(" | ")
					.append(rate.format("%,.0f"))
					.append(" | ")
					.append(cpu.format("%.3f"))
					.append(" s | ")
					.append(this.results.summary(subject, workload, Sample::cpuPer10k).format("%.3f"))
					.append(" s | ")
					.append(ratio(rate, embeddedRate))
					.append(" | ")
					.append(ratio(cpu, embeddedCpu))
					.append(" |\n");
			}
		}
		md.append('\n');
	}

	private static int order(String workload) {
		int order = workload.startsWith("RPC") ? 0
				: workload.startsWith("echo") ? 1 : workload.contains("100 subscribers") ? 3 : 2;
		return order * 10 + (workload.contains("MessagePack") ? 1 : 0) + (workload.contains("RawSocket") ? 2 : 0);
	}

	// ---------------------------------------------------------------- JMH

	private static void jmh(StringBuilder md, List<JmhSuite.Row> rows) {
		md.append("### JMH microbenchmarks\n\n");
		md.append("`-prof gc`; time per operation (average, 99.9% error) and bytes allocated per operation "
				+ "(`gc.alloc.rate.norm`).\n\n");
		md.append("| benchmark | parameters | time per op | allocated per op |\n|---|---|---|---|\n");
		for (JmhSuite.Row row : rows) {
			StringBuilder params = new StringBuilder();
			for (Map.Entry<String, String> param : row.params().entrySet()) {
				params.append(params.isEmpty() ? "" : ", ").append(param.getKey()).append('=').append(param.getValue());
			}
			md.append("| ")
				.append(row.benchmark())
				.append(" | ")
				.append(params)
				.append(" | ")
				.append(Double.isNaN(row.error()) ? String.format(Locale.ROOT, "%,.1f %s", row.score(), row.unit())
						: String.format(Locale.ROOT, "%,.1f ± %,.1f %s", row.score(), row.error(), row.unit()))
				.append(" | ")
				.append(row.bytesPerOp() < 0 ? "-" : JmhSuite.format(row.bytesPerOp()) + " B")
				.append(" |\n");
		}
		md.append('\n');
	}

	// ---------------------------------------------------------------- targets

	private void targets(StringBuilder md) {
		md.append("### Issue 11 targets\n\n");
		md.append("| target | measured (medians of this run) | verdict |\n|---|---|---|\n");
		String many = CallerSuite.config(256);
		String one = CallerSuite.config(1);
		String jawampa = CallerSuite.jawampa(this.env);
		String autobahn = CallerSuite.autobahnJs(this.env);
		String ours = CallerSuite.OURS;
		// 256 in flight: CPU per call <= 0.8x the lower of jawampa and Autobahn|JS
		Double cpu = this.results.median(ours, many, Sample::cpuPer10k);
		Double peerCpu = min(this.results.median(jawampa, many, Sample::cpuPer10k),
				this.results.median(autobahn, many, Sample::cpuPer10k));
		row(md, "256 in flight: client CPU per call <= 0.8x the lower of jawampa and Autobahn|JS", cpu, peerCpu, 0.8,
				true, "%.3f s per 10k calls");
		Double rate = this.results.median(ours, many, Sample::opsPerSecond);
		Double peerRate = max(this.results.median(jawampa, many, Sample::opsPerSecond),
				this.results.median(autobahn, many, Sample::opsPerSecond));
		row(md, "256 in flight: calls/s >= 1.1x the higher of jawampa and Autobahn|JS", rate, peerRate, 1.1, false,
				"%,.0f calls/s");
		Double p50 = this.results.median(ours, one, Sample::p50us);
		Double fastest = null;
		for (String subject : subjects(one)) {
			if (!subject.startsWith("wamp-client")) {
				fastest = min(fastest, this.results.median(subject, one, Sample::p50us));
			}
		}
		row(md, "1 in flight: p50 latency <= the fastest peer client's", p50, fastest, 1.0, true, "%,.0f us");
		row(md, "1 in flight: client CPU per call <= 1x jawampa's", this.results.median(ours, one, Sample::cpuPer10k),
				this.results.median(jawampa, one, Sample::cpuPer10k), 1.0, true, "%.3f s per 10k calls");
		for (String config : List.of(many, one)) {
			for (String subject : List.of(ours, CallerSuite.TEMPLATE)) {
				row(md, "client allocations <= 2 KB per call (" + subject + ", " + config + ")",
						this.results.median(subject, config, Sample::allocPerOp), 2048.0, 1.0, true, "%,.0f B");
			}
		}
		String json = "RPC, JSON, WebSocket";
		String msgpack = "RPC, MessagePack, WebSocket";
		row(md, "router: MessagePack CPU per call <= JSON's (embedded router, RPC, WebSocket)",
				this.results.median(RouterSuite.EMBEDDED, msgpack, Sample::watchedCpuPer10k),
				this.results.median(RouterSuite.EMBEDDED, json, Sample::watchedCpuPer10k), 1.0, true,
				"%.3f s per 10k calls");
		row(md, "router: routed calls/s >= 0.7x the echo's round trips/s (same driver, JSON, WebSocket)",
				this.results.median(RouterSuite.EMBEDDED, json, Sample::opsPerSecond),
				this.results.median(RouterSuite.ECHO, "echo, JSON, WebSocket", Sample::opsPerSecond), 0.7, false,
				"%,.0f per s");
		md.append('\n');
		driverBound(md, json);
	}

	// What bounds the routed calls/s against the echo: the driver's own CPU per
	// operation,
	// from the same run.
	private void driverBound(StringBuilder md, String json) {
		Double routed = this.results.median(RouterSuite.EMBEDDED, json, Sample::cpuPer10k);
		Double echo = this.results.median(RouterSuite.ECHO, "echo, JSON, WebSocket", Sample::cpuPer10k);
		Double cores = this.results.median(RouterSuite.EMBEDDED, json,
				(sample) -> sample.cpuSeconds() / sample.seconds());
		if (routed == null || echo == null || cores == null || routed == 0) {
			return;
		}
		md.append(String.format(Locale.ROOT,
				"The router targets' load driver is one Node.js process (one core at most): during the routed JSON "
						+ "run it used %.2f cores, and it spends %.3f s of its own CPU per 10k routed calls (four "
						+ "messages through its session code) against %.3f s per 10k echo round trips, so with "
						+ "this driver routed calls/s can reach at most about %.2fx the echo's.%n%n",
				cores, routed, echo, echo / routed));
	}

	/**
	 * One target: {@code value <= factor x reference} (or {@code >=}), with the ratio and
	 * by how much it is missed.
	 */
	static void row(StringBuilder md, String target, @Nullable Double value, @Nullable Double reference, double factor,
			boolean atMost, String pattern) {
		md.append("| ").append(target.replace("|", "\\|")).append(" | ");
		if (value == null || reference == null || reference == 0) {
			md.append("not measured in this run | - |\n");
			return;
		}
		double ratio = value / reference;
		boolean met = atMost ? ratio <= factor : ratio >= factor;
		md.append(String.format(Locale.ROOT, pattern, value))
			.append(" vs ")
			.append(String.format(Locale.ROOT, pattern, reference))
			.append(String.format(Locale.ROOT, ": %.2fx (target %s %.2fx)", ratio, atMost ? "<=" : ">=", factor))
			.append(" | ");
		if (met) {
			md.append("met |\n");
		}
		else {
			double off = atMost ? (ratio / factor - 1) : (1 - ratio / factor);
			md.append(String.format(Locale.ROOT, "missed by %.0f%% |%n", off * 100));
		}
	}

	// without the conditional operator, which would unbox a null (a run without callers)
	private static @Nullable Double min(@Nullable Double a, @Nullable Double b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return Math.min(a, b);
	}

	private static @Nullable Double max(@Nullable Double a, @Nullable Double b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return Math.max(a, b);
	}

}
