package io.wampspring.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.wampspring.benchmarks.jfr.JfrSummary;

/**
 * Profiles our client's hot path with JDK Flight Recorder: the caller of the caller suite
 * ({@code ClientCaller --mode plain}) through the embedded router and the plain callee,
 * once per number of calls in flight, recording exactly the measured window (the probe's
 * {@code bench.jfr}: CPU samples every 2 ms, allocation samples throttled to 20,000/s,
 * stacks 128 deep). Each recording is summarized into the report, allocations per call
 * from the calls in the window.
 */
final class ProfileSuite {

	private final Environment env;

	private final Settings settings;

	private final Path output;

	ProfileSuite(Environment env, Settings settings, Path output) {
		this.env = env;
		this.settings = settings;
		this.output = output.toAbsolutePath();
	}

	String run(List<String> modes) throws InterruptedException, IOException {
		StringBuilder md = new StringBuilder("### Profiles of the client (JFR)\n\n");
		try (Proc router = this.env.ours("embedded-router+callee", "io.wampspring.benchmarks.peers.EmbeddedRouterMain",
				List.of(), List.of("--callee", "json"))) {
			String url = router.awaitLine("READY", Duration.ofSeconds(60)).split(" ")[1];
			for (String mode : modes) {
				for (int inFlight : this.settings.callerInFlight()) {
					Path file = this.output.resolve("client-" + mode + "-" + inFlight + ".jfr");
					Sample sample;
					try (Proc caller = this.env.ours("profile-" + mode + "-" + inFlight,
							"io.wampspring.benchmarks.peers.ClientCaller",
							List.of("-Dbench.jfr=" + file, "-XX:FlightRecorderOptions=stackdepth=128"),
							CallerSuite.concat(this.settings.loadArgs(inFlight), "--url", url, "--mode", mode))) {
						String line = caller.awaitLine("RESULT", this.settings.loadTimeout());
						caller.awaitExit(Duration.ofSeconds(30));
						sample = Sample.parse(line, this.env.clockTicks(), -1);
					}
					BenchmarkMain.log("profile %s, %d in flight: %,.0f calls/s, recording %s", mode, inFlight,
							sample.opsPerSecond(), file);
					md.append(String.format(java.util.Locale.ROOT,
							"#### `ClientCaller --mode %s`, %d in flight: %,.0f calls/s, %.3f s CPU per 10k calls, "
									+ "%,.0f B allocated per call (ThreadMXBean)%n%n",
							mode, inFlight, sample.opsPerSecond(), sample.cpuPer10k(), sample.allocPerOp()));
					md.append("Recording: `").append(this.output.relativize(file)).append("`.\n\n");
					md.append(JfrSummary.summarize(file, sample.ops(), 20).replace("#### ", "##### "));
				}
			}
		}
		return md.toString();
	}

}
