package io.wampspring.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The samples of a run, by subject (a caller or a router) and configuration, in the order
 * they were first measured; and their medians and spread.
 */
final class Results {

	/**
	 * What was measured.
	 *
	 * @param subject the caller or router
	 * @param config the configuration (in flight, workload, serializer, transport)
	 */
	record Key(String subject, String config) {
	}

	/**
	 * Median and spread of one figure over the repetitions.
	 *
	 * @param median the median
	 * @param min the smallest
	 * @param max the largest
	 * @param count how many repetitions
	 */
	record Summary(double median, double min, double max, int count) {

		static final Summary NONE = new Summary(Double.NaN, Double.NaN, Double.NaN, 0);

		static Summary of(double[] values) {
			double[] kept = Arrays.stream(values).filter((v) -> v >= 0 && !Double.isNaN(v)).sorted().toArray();
			if (kept.length == 0) {
				return NONE;
			}
			int n = kept.length;
			double median = (n % 2 == 1) ? kept[n / 2] : (kept[n / 2 - 1] + kept[n / 2]) / 2;
			return new Summary(median, kept[0], kept[n - 1], n);
		}

		boolean present() {
			return this.count > 0;
		}

		/**
		 * The median, and the range when there is more than one value:
		 * {@code 1,234 (1,200-1,300)}.
		 */
		String format(String pattern) {
			if (!present()) {
				return "-";
			}
			String median = String.format(Locale.ROOT, pattern, this.median);
			if (this.count == 1) {
				return median;
			}
			return median + " (" + String.format(Locale.ROOT, pattern, this.min) + "-"
					+ String.format(Locale.ROOT, pattern, this.max) + ")";
		}

	}

	/**
	 * A measurement that may fail.
	 */
	@FunctionalInterface
	interface Measurement {

		Sample measure() throws InterruptedException;

	}

	private final Map<Key, List<Sample>> samples = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	/**
	 * Run one measurement; a failure (a process that fails or misses its deadline) is
	 * logged and kept for the report, and the run goes on with the next measurement.
	 * @return the sample, or null when it failed
	 */
	@Nullable Sample attempt(String subject, String config, Measurement measurement) throws InterruptedException {
		try {
			return measurement.measure();
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			failed(subject, config, ex.getMessage());
			return null;
		}
	}

	synchronized void failed(String subject, String config, @Nullable String why) {
		String line = subject + ", " + config + ": " + why;
		this.failures.add(line);
		BenchmarkMain.log("FAILED %s", line);
	}

	synchronized List<String> failures() {
		return List.copyOf(this.failures);
	}

	synchronized void add(String subject, String config, Sample sample) {
		this.samples.computeIfAbsent(new Key(subject, config), (key) -> new ArrayList<>()).add(sample);
	}

	synchronized List<Key> keys() {
		return List.copyOf(this.samples.keySet());
	}

	synchronized List<Sample> get(String subject, String config) {
		return List.copyOf(this.samples.getOrDefault(new Key(subject, config), List.of()));
	}

	Summary summary(String subject, String config, ToDoubleFunction<Sample> figure) {
		return Summary.of(get(subject, config).stream().mapToDouble(figure).toArray());
	}

	/** The median of a figure, or null when nothing was measured. */
	@Nullable Double median(String subject, String config, ToDoubleFunction<Sample> figure) {
		Summary summary = summary(subject, config, figure);
		return summary.present() ? summary.median() : null;
	}

}
