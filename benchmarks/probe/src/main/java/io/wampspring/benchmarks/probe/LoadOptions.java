package io.wampspring.benchmarks.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line options every load process takes, the same in Java, Node.js and
 * Python: {@code --url}, {@code --realm}, {@code --serializer} (json, msgpack, cbor),
 * {@code --in-flight}, {@code --warmup-ms}, {@code --measure-ms}, {@code --watch}
 * (process ids, comma separated, whose CPU ticks over the window are reported too), plus
 * free {@code --name value} pairs for the process's own use.
 *
 * @param url the router's URL
 * @param realm the realm
 * @param serializer the serializer's name
 * @param inFlight operations kept in flight
 * @param warmupMillis warm-up before the window
 * @param measureMillis the measured window
 * @param watch process ids to report CPU for
 * @param extra other options by name (without dashes)
 */
public record LoadOptions(String url, String realm, String serializer, int inFlight, long warmupMillis,
		long measureMillis, String[] watch, Map<String, String> extra) {

	/**
	 * Parse a command line.
	 * @param args the arguments, {@code --name value} pairs
	 * @return the options
	 * @throws IllegalArgumentException for a name without a value
	 */
	public static LoadOptions parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
			}
			values.put(args[i].substring(2), args[++i]);
		}
		String url = values.remove("url");
		if (url == null) {
			throw new IllegalArgumentException("--url is required");
		}
		String realm = values.getOrDefault("realm", "bench");
		String serializer = values.getOrDefault("serializer", "json");
		int inFlight = Integer.parseInt(values.getOrDefault("in-flight", "1"));
		long warmup = Long.parseLong(values.getOrDefault("warmup-ms", "2000"));
		long measure = Long.parseLong(values.getOrDefault("measure-ms", "3000"));
		List<String> watch = new ArrayList<>();
		for (String pid : values.getOrDefault("watch", "").split(",")) {
			if (!pid.isBlank()) {
				watch.add(pid.trim());
			}
		}
		values.keySet().removeAll(List.of("realm", "serializer", "in-flight", "warmup-ms", "measure-ms", "watch"));
		return new LoadOptions(url, realm, serializer, inFlight, warmup, measure, watch.toArray(String[]::new), values);
	}

	/**
	 * An extra option.
	 * @param name its name, without dashes
	 * @param defaultValue the value when it is missing
	 * @return the value
	 */
	public String extra(String name, String defaultValue) {
		return this.extra.getOrDefault(name, defaultValue);
	}

}
