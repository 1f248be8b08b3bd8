package io.wampspring.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The callers side by side: each caller is a process of its own that calls
 * {@code bench.echo} through the same router (our embedded router, WebSocket, JSON) and
 * the same plain callee, with a number of calls in flight. For each number in flight, the
 * callers run one after the other, and that round is repeated (A B C A B C), so drift of
 * the machine hits all alike.
 */
final class CallerSuite {

	static final String OURS = "wamp-client (WampClient)";

	static final String TEMPLATE = "wamp-client (WampTemplate)";

	/**
	 * A caller.
	 *
	 * @param label its name and version
	 * @param start starts it with a URL and the load options
	 */
	record Caller(String label, BiFunction<String, List<String>, Proc> start) {
	}

	private final Environment env;

	private final Settings settings;

	private final Results results;

	CallerSuite(Environment env, Settings settings, Results results) {
		this.env = env;
		this.settings = settings;
		this.results = results;
	}

	static String config(int inFlight) {
		return inFlight + " in flight";
	}

	List<Caller> callers() {
		List<Caller> callers = new ArrayList<>();
		String client = "io.wampspring.benchmarks.peers.ClientCaller";
		callers.add(new Caller(OURS, (url, args) -> this.env.ours("wamp-client", client, List.of(),
				concat(args, "--url", url, "--mode", "plain"))));
		callers.add(new Caller(TEMPLATE, (url, args) -> this.env.ours("wamp-template", client, List.of(),
				concat(args, "--url", url, "--mode", "template"))));
		callers.add(new Caller(jawampa(this.env), (url, args) -> this.env.jawampa("jawampa",
				"io.wampspring.benchmarks.jawampa.JawampaCaller", concat(args, "--url", url))));
		callers.add(new Caller(autobahnJs(this.env), (url, args) -> this.env.node("autobahn-js",
				this.env.script("js/caller-autobahn.js"), concat(args, "--url", url))));
		callers.add(new Caller("wampy " + this.env.wampyVersion() + " (npm)", (url, args) -> this.env.node("wampy",
				this.env.script("js/caller-wampy.js"), concat(args, "--url", url))));
		callers.add(new Caller("Autobahn|Python " + this.env.autobahnPythonVersion() + " (Debian)", (url,
				args) -> this.env.python("autobahn-py", this.env.script("py/caller.py"), concat(args, "--url", url))));
		return callers;
	}

	static String jawampa(Environment env) {
		return "jawampa " + env.jawampaVersion() + " (Maven Central)";
	}

	static String autobahnJs(Environment env) {
		return "Autobahn|JS " + env.autobahnJsVersion() + " (npm)";
	}

	void run(List<String> only) throws InterruptedException {
		List<Caller> callers = callers().stream()
			.filter((caller) -> only.isEmpty()
					|| only.stream().anyMatch((o) -> caller.label().toLowerCase().contains(o)))
			.toList();
		try (Proc router = this.env.ours("embedded-router+callee", "io.wampspring.benchmarks.peers.EmbeddedRouterMain",
				List.of(), List.of("--callee", "json"))) {
			String url = router.awaitLine("READY", Duration.ofSeconds(60)).split(" ")[1];
			for (int inFlight : this.settings.callerInFlight()) {
				for (int rep = 1; rep <= this.settings.repetitions(); rep++) {
					for (Caller caller : callers) {
						Sample sample = this.results.attempt(caller.label(), config(inFlight),
								() -> measure(caller, url, inFlight));
						if (sample == null) {
							continue;
						}
						this.results.add(caller.label(), config(inFlight), sample);
						BenchmarkMain.log(
								"callers %s, %s, round %d: %,.0f calls/s, p50 %.0f us, CPU %.3f s/10k, alloc %s",
								caller.label(), config(inFlight), rep, sample.opsPerSecond(), sample.p50us(),
								sample.cpuPer10k(),
								(sample.allocBytes() < 0) ? "-" : String.format("%,.0f B/call", sample.allocPerOp()));
					}
				}
			}
		}
	}

	private Sample measure(Caller caller, String url, int inFlight) throws InterruptedException {
		try (Proc load = caller.start().apply(url, this.settings.loadArgs(inFlight))) {
			String line = load.awaitLine("RESULT", this.settings.loadTimeout());
			load.awaitExit(Duration.ofSeconds(10));
			return Sample.parse(line, this.env.clockTicks(), -1);
		}
	}

	static List<String> concat(List<String> args, String... more) {
		List<String> all = new ArrayList<>(args);
		all.addAll(List.of(more));
		return all;
	}

}
