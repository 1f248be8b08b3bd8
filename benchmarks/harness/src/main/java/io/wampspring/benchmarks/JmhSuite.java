package io.wampspring.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JMH microbenchmarks ({@code io.wampspring.benchmarks.jmh}), run in a JVM of their
 * own with the GC profiler; their JSON result becomes two tables of the report.
 */
final class JmhSuite {

	/**
	 * One benchmark's result.
	 *
	 * @param benchmark the method, such as {@code CodecBenchmarks.encode}
	 * @param params its parameters
	 * @param score the primary score
	 * @param error the score's error (99.9%)
	 * @param unit the score's unit
	 * @param bytesPerOp allocated bytes per operation ({@code gc.alloc.rate.norm}), or -1
	 */
	record Row(String benchmark, Map<String, String> params, double score, double error, String unit,
			double bytesPerOp) {
	}

	private final Environment env;

	private final Path output;

	private final List<String> jmhArgs;

	JmhSuite(Environment env, Path output, List<String> jmhArgs) {
		this.env = env;
		this.output = output;
		this.jmhArgs = jmhArgs;
	}

	List<Row> run() throws InterruptedException {
		Path json = this.output.toAbsolutePath().resolve("jmh.json");
		List<String> args = new ArrayList<>(this.jmhArgs);
		args.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", json.toString()));
		BenchmarkMain.log("JMH: %s", String.join(" ", args));
		try (Proc jmh = this.env.ours("jmh", "org.openjdk.jmh.Main", List.of(), args)) {
			jmh.awaitLine("# Run complete", Duration.ofHours(2));
			jmh.awaitExit(Duration.ofMinutes(1));
		}
		return parse(json);
	}

	static List<Row> parse(Path json) {
		List<Row> rows = new ArrayList<>();
		for (JsonNode node : JsonMapper.builder().build().readTree(Environment.read(json))) {
			String benchmark = node.path("benchmark").asString();
			benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
			Map<String, String> params = new TreeMap<>();
			node.path("params")
				.properties()
				.forEach((entry) -> params.put(entry.getKey(), entry.getValue().asString()));
			JsonNode primary = node.path("primaryMetric");
			double bytes = -1;
			for (Map.Entry<String, JsonNode> secondary : node.path("secondaryMetrics").properties()) {
				if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
					bytes = number(secondary.getValue().path("score"));
				}
			}
			rows.add(new Row(benchmark, params, number(primary.path("score")), number(primary.path("scoreError")),
					primary.path("scoreUnit").asString(), bytes));
		}
		return rows;
	}

	/**
	 * A number, or NaN: JMH writes {@code "NaN"} as a string (an error from one
	 * iteration).
	 */
	private static double number(JsonNode node) {
		if (node.isNumber()) {
			return node.doubleValue();
		}
		try {
			return Double.parseDouble(node.asString());
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	static String format(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
	}

}
