package io.wampspring.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark suites and writes the Markdown report. {@code benchmarks/run} starts
 * it after installing the peers and building; see {@code benchmarks/README.md} for the
 * options: <pre>
 * --suites callers,routers,jmh   what to run (default: these three; also: profile)
 * --profile-modes plain          the ClientCaller modes the profile suite records (plain, template)
 * --repetitions 3                rounds of every subject, interleaved
 * --warmup-ms 3000 --measure-ms 5000
 * --only text,text               only callers/routers whose label contains one of these (lower case)
 * --jmh "args"                   JMH's own options (default: short runs of every benchmark)
 * --out DIR                      where report.md, jmh.json and the logs go (default benchmarks/target/benchmarks)
 * --quick                        1 round, 1 s warm-up, 1.5 s window, short JMH: a smoke test of the set-up
 * --dir benchmarks               the benchmarks directory (the run script passes it)
 * --command "text"               the command line to name in the report
 * </pre>
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Run.
	 * @param args the options
	 * @throws Exception when a suite cannot run (a peer missing, a process failing)
	 */
	public static void main(String[] args) throws Exception {
		try {
			run(args);
		}
		catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException ex) {
			// a peer missing or failing is an expected condition: its message says what
			// and where
			System.err.println("bench: failed: " + ex.getMessage());
			System.exit(1);
		}
	}

	private static void run(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		boolean quick = options.containsKey("quick");
		Path benchmarks = Path.of(options.getOrDefault("dir", "benchmarks"));
		Path out = Path.of(options.getOrDefault("out", benchmarks.resolve("target/benchmarks").toString()));
		Files.createDirectories(out);
		Settings settings = new Settings(Integer.parseInt(options.getOrDefault("repetitions", quick ? "1" : "3")),
				Long.parseLong(options.getOrDefault("warmup-ms", quick ? "1000" : "3000")),
				Long.parseLong(options.getOrDefault("measure-ms", quick ? "1500" : "5000")), List.of(256, 1), 256,
				List.of(256, 8));
		List<String> suites = Arrays.asList(options.getOrDefault("suites", "callers,routers,jmh").split(","));
		List<String> only = options.containsKey("only") ? Arrays.asList(options.get("only").toLowerCase().split(","))
				: List.of();
		String jmhArgs = options.getOrDefault("jmh",
				quick ? "-f 1 -wi 1 -w 500ms -i 1 -r 500ms" : "-f 1 -wi 3 -w 1s -i 5 -r 1s");

		Environment env = new Environment(benchmarks, out);
		Results results = new Results();
		Report report = new Report(env, settings, results);
		report.started(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
				Environment.loadAverage(), options.getOrDefault("command", "benchmarks/run " + String.join(" ", args)));
		if (suites.contains("callers")) {
			new CallerSuite(env, settings, results).run(only);
		}
		if (suites.contains("routers")) {
			new RouterSuite(env, settings, results).run(only);
		}
		List<JmhSuite.Row> jmh = List.of();
		if (suites.contains("jmh")) {
			jmh = new JmhSuite(env, out, new ArrayList<>(Arrays.asList(jmhArgs.trim().split("\\s+")))).run();
		}
		String profile = "";
		if (suites.contains("profile")) {
			profile = new ProfileSuite(env, settings, out)
				.run(Arrays.asList(options.getOrDefault("profile-modes", "plain").split(",")));
		}
		report.finished(Environment.loadAverage());
		String markdown = report.render(suites, jmh) + profile;
		Path file = out.resolve("report.md");
		Files.writeString(file, markdown);
		System.out.println();
		System.out.println(markdown);
		log("report written to %s", file.toAbsolutePath());
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
			}
			if (arg.equals("--quick")) {
				options.put("quick", "true");
			}
			else if (i + 1 < args.length) {
				options.put(arg.substring(2), args[++i]);
			}
			else {
				throw new IllegalArgumentException("missing value after " + arg);
			}
		}
		return options;
	}

	static void log(String format, Object... args) {
		System.out.println("bench: " + String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

}
