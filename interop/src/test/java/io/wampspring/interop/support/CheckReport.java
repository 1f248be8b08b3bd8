package io.wampspring.interop.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller script reported: one {@link Outcome} per check, read from its
 * {@code PASS name}, {@code FAIL name: reason} and {@code SKIP name} lines.
 *
 * @param outcomes the outcome of each check, in the order the script ran them
 * @param reasons the reason of each failed check
 */
public record CheckReport(Map<String, Outcome> outcomes, Map<String, String> reasons) {

	private static final Pattern LINE = Pattern.compile("^(PASS|FAIL|SKIP) ([A-Za-z0-9_]+)(?:: ?(.*))?$");

	/**
	 * Creates a report; copies the maps.
	 * @param outcomes the outcome of each check
	 * @param reasons the reason of each failed check
	 */
	public CheckReport {
		outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
		reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
	}

	/**
	 * Reads the report from a caller's output; other lines are ignored.
	 * @param lines the output lines
	 * @return the report
	 */
	public static CheckReport parse(List<String> lines) {
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		Map<String, String> reasons = new LinkedHashMap<>();
		for (String line : lines) {
			Matcher matcher = LINE.matcher(line);
			if (matcher.matches()) {
				Outcome outcome = Outcome.valueOf(matcher.group(1));
				outcomes.put(matcher.group(2), outcome);
				if (outcome == Outcome.FAIL) {
					reasons.put(matcher.group(2), (matcher.group(3) != null) ? matcher.group(3) : "");
				}
			}
		}
		return new CheckReport(outcomes, reasons);
	}

	/**
	 * Returns the checks with the given outcome.
	 * @param outcome the outcome
	 * @return the check names, in report order
	 */
	public List<String> checks(Outcome outcome) {
		return this.outcomes.entrySet().stream().filter((e) -> e.getValue() == outcome).map(Map.Entry::getKey).toList();
	}

	/**
	 * Returns the failed checks with their reasons, one per line, for assertion messages.
	 * @return the failures, or an empty string
	 */
	public String failureDescription() {
		StringBuilder text = new StringBuilder();
		this.reasons.forEach((name, reason) -> text.append(name).append(": ").append(reason).append('\n'));
		return text.toString();
	}

	/**
	 * The outcome of one check.
	 */
	public enum Outcome {

		/** The check passed. */
		PASS,

		/** The check failed. */
		FAIL,

		/** The check was not run. */
		SKIP

	}

}
