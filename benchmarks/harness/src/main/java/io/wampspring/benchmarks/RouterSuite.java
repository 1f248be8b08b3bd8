package io.wampspring.benchmarks;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The routers side by side, driven by the same load driver that is not ours (Autobahn|JS,
 * {@code js/driver.js}, one Node.js process holding every session): RPC (callee and
 * caller sessions), pub/sub with 1 and 100 subscribers, JSON and MessagePack, WebSocket
 * and RawSocket where the router offers them; plus the physical reference, a plain Netty
 * WebSocket echo with the same driver. The router's CPU over the window comes from
 * {@code /proc/<pid>/stat}. Each round starts every router once, warms it up with one
 * unmeasured RPC run, and runs its workloads; the rounds repeat (A B C A B C).
 */
final class RouterSuite {

	static final String EMBEDDED = "wamp-router (embedded)";

	static final String ECHO = "Netty WebSocket echo (reference)";

	/**
	 * A workload of the driver.
	 *
	 * @param mode rpc, pubsub or echo
	 * @param subscribers subscribers of pub/sub
	 * @param serializer json or msgpack
	 * @param rawSocket whether over RawSocket rather than WebSocket
	 */
	record Workload(String mode, int subscribers, String serializer, boolean rawSocket) {

		String label() {
			String what = switch (this.mode) {
				case "rpc" -> "RPC";
				case "echo" -> "echo";
				default -> "pub/sub, " + this.subscribers + ((this.subscribers == 1) ? " subscriber" : " subscribers");
			};
			return what + ", " + (this.serializer.equals("json") ? "JSON" : "MessagePack") + ", "
					+ (this.rawSocket ? "RawSocket" : "WebSocket");
		}

		String unit() {
			return switch (this.mode) {
				case "rpc" -> "calls";
				case "echo" -> "round trips";
				default -> "events";
			};
		}

	}

	/**
	 * A router under test.
	 *
	 * @param label its name and version
	 * @param start starts it; it prints {@code READY <ws url> [<raw url>]}
	 * @param workloads what it can be driven with
	 */
	record Router(String label, Supplier<Proc> start, List<Workload> workloads) {
	}

	private final Environment env;

	private final Settings settings;

	private final Results results;

	RouterSuite(Environment env, Settings settings, Results results) {
		this.env = env;
		this.settings = settings;
		this.results = results;
	}

	static List<Workload> workloads(List<String> serializers, boolean rawSocket) {
		List<Workload> workloads = new ArrayList<>();
		for (String mode : List.of("rpc", "pubsub1", "pubsub100")) {
			for (String serializer : serializers) {
				for (boolean raw : rawSocket ? List.of(false, true) : List.of(false)) {
					// Autobahn|JS's RawSocket transport in Node.js speaks JSON only
					if (raw && !serializer.equals("json")) {
						continue;
					}
					int subscribers = mode.equals("pubsub100") ? 100 : 1;
					workloads
						.add(new Workload(mode.startsWith("pubsub") ? "pubsub" : mode, subscribers, serializer, raw));
				}
			}
		}
		return workloads;
	}

	List<Router> routers() {
		List<Router> routers = new ArrayList<>();
		routers
			.add(new Router(
					EMBEDDED, () -> this.env.ours("embedded-router",
							"io.wampspring.benchmarks.peers.EmbeddedRouterMain", List.of(), List.of()),
					workloads(List.of("json", "msgpack"), true)));
		routers.add(
				new Router("fox-wamp " + this.env.foxWampVersion() + " (npm)",
						() -> this.env.node("fox-wamp", this.env.interopScript("fox-wamp/start.js"),
								List.of("--port", "0", "--realm", "bench", "--raw")),
						workloads(List.of("json"), false)));
		routers
			.add(new Router(CallerSuite.jawampa(this.env),
					() -> this.env.jawampa("jawampa-router", "io.wampspring.benchmarks.jawampa.JawampaRouter",
							List.of(Integer.toString(freePort()), "bench")),
					workloads(List.of("json", "msgpack"), false)));
		routers.add(new Router(ECHO,
				() -> this.env.ours("netty-echo", "io.wampspring.benchmarks.peers.NettyEchoMain", List.of(), List.of()),
				List.of(new Workload("echo", 0, "json", false), new Workload("echo", 0, "msgpack", false))));
		return routers;
	}

	void run(List<String> only) throws InterruptedException {
		List<Router> routers = routers().stream()
			.filter((router) -> only.isEmpty()
					|| only.stream().anyMatch((o) -> router.label().toLowerCase().contains(o)))
			.toList();
		for (int rep = 1; rep <= this.settings.repetitions(); rep++) {
			for (Router router : routers) {
				try (Proc process = router.start().get()) {
					String[] ready;
					try {
						ready = process.awaitLine("READY", Duration.ofSeconds(60)).split(" ");
					}
					catch (IllegalStateException ex) {
						// this router is out of this round; the others go on
						this.results.failed(router.label(), "start", ex.getMessage());
						continue;
					}
					// a fresh JVM (or V8) compiles as it goes: one unmeasured run of the
					// first workload (RPC, JSON, WebSocket; echo for the echo), so that
					// the first measured workload does not pay for the warm-up of the
					// others
					Workload first = router.workloads().get(0);
					this.results.attempt(router.label(), "warm-up", () -> drive(ready[1], first, process.pid()));
					for (Workload workload : router.workloads()) {
						String url = workload.rawSocket() ? ready[2] : ready[1];
						Sample sample = this.results.attempt(router.label(), workload.label(),
								() -> drive(url, workload, process.pid()));
						if (sample == null) {
							continue;
						}
						this.results.add(router.label(), workload.label(), sample);
						BenchmarkMain.log(
								"routers %s, %s, round %d: %,.0f %s/s, router CPU %.3f s/10k, driver CPU %.3f s/10k",
								router.label(), workload.label(), rep, sample.opsPerSecond(), workload.unit(),
								sample.watchedCpuPer10k(), sample.cpuPer10k());
					}
				}
			}
		}
	}

	private Sample drive(String url, Workload workload, long routerPid) throws InterruptedException {
		int inFlight = switch (workload.mode()) {
			case "pubsub" -> this.settings.pubsubWindow().get((workload.subscribers() == 1) ? 0 : 1);
			default -> this.settings.rpcInFlight();
		};
		List<String> args = CallerSuite.concat(this.settings.loadArgs(inFlight), "--url", url, "--serializer",
				workload.serializer(), "--mode", workload.mode(), "--subscribers",
				Integer.toString(workload.subscribers()), "--watch", Long.toString(routerPid));
		try (Proc driver = this.env.node("driver-" + workload.mode(), this.env.script("js/driver.js"), args)) {
			String line = driver.awaitLine("RESULT", this.settings.loadTimeout());
			driver.awaitExit(Duration.ofSeconds(10));
			return Sample.parse(line, this.env.clockTicks(), routerPid);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("no free port", ex);
		}
	}

}
