package io.wampspring.benchmarks.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a recording: CPU samples ({@code jdk.ExecutionSample}) by the method on top
 * of the stack (self), by every method on the stack (inclusive, each method once per
 * sample) and by thread; sampled allocations ({@code jdk.ObjectAllocationSample},
 * weighted by the bytes each sample stands for) by allocated class, by allocating method
 * and by the nearest frame of this project's code on the stack (CPU samples too: which
 * library call led to the work). Arguments:
 * {@code file.jfr [calls in the recording] [rows]}; with the number of calls, allocations
 * are also given per call.
 */
public final class JfrSummary {

	private final Map<String, Long> selfCpu = new HashMap<>();

	private final Map<String, Long> inclusiveCpu = new HashMap<>();

	private final Map<String, Long> threadCpu = new HashMap<>();

	private final Map<String, Long> allocByClass = new HashMap<>();

	private final Map<String, Long> allocBySite = new HashMap<>();

	private final Map<String, Long> allocByOurFrame = new HashMap<>();

	private final Map<String, Long> cpuByOurFrame = new HashMap<>();

	private final Map<String, Long> inclusiveOurCpu = new HashMap<>();

	private long cpuSamples;

	private long allocBytes;

	private JfrSummary() {
	}

	/**
	 * Print the summary of a recording.
	 * @param args the file, optionally the calls in it and the rows per table
	 * @throws IOException when the file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		long calls = (args.length > 1) ? Long.parseLong(args[1]) : 0;
		int rows = (args.length > 2) ? Integer.parseInt(args[2]) : 25;
		System.out.print(summarize(Path.of(args[0]), calls, rows));
	}

	/**
	 * Summarize a recording.
	 * @param file the recording
	 * @param calls the calls made while it recorded, or 0
	 * @param rows rows per table
	 * @return the summary, as Markdown
	 * @throws IOException when the file cannot be read
	 */
	public static String summarize(Path file, long calls, int rows) throws IOException {
		JfrSummary summary = new JfrSummary();
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample")) {
				summary.cpu(event);
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				summary.allocation(event);
			}
		}
		return summary.render(calls, rows);
	}

	private void cpu(RecordedEvent event) {
		this.cpuSamples++;
		RecordedStackTrace stack = event.getStackTrace();
		String thread = event.getThread("sampledThread") != null ? event.getThread("sampledThread").getJavaName() : "?";
		this.threadCpu.merge(threadGroup(thread), 1L, Long::sum);
		if (stack == null || stack.getFrames().isEmpty()) {
			return;
		}
		List<RecordedFrame> frames = stack.getFrames();
		this.selfCpu.merge(name(frames.get(0)), 1L, Long::sum);
		Set<String> seen = new HashSet<>();
		boolean attributed = false;
		for (RecordedFrame frame : frames) {
			String name = name(frame);
			if (seen.add(name)) {
				this.inclusiveCpu.merge(name, 1L, Long::sum);
				if (isOurs(frame)) {
					this.inclusiveOurCpu.merge(name, 1L, Long::sum);
				}
			}
			if (!attributed && isOurs(frame)) {
				this.cpuByOurFrame.merge(name + ":" + frame.getLineNumber(), 1L, Long::sum);
				attributed = true;
			}
		}
		if (!attributed) {
			this.cpuByOurFrame.merge("(no frame of this project: " + name(frames.get(frames.size() - 1)) + ")", 1L,
					Long::sum);
		}
	}

	/** The library's code, not the benchmark's own loop. */
	private static boolean isOurs(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.startsWith("io.wampspring.") && !type.startsWith("io.wampspring.benchmarks.");
	}

	private void allocation(RecordedEvent event) {
		long weight = event.getLong("weight");
		this.allocBytes += weight;
		this.allocByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
		RecordedStackTrace stack = event.getStackTrace();
		if (stack == null || stack.getFrames().isEmpty()) {
			return;
		}
		List<RecordedFrame> frames = stack.getFrames();
		this.allocBySite.merge(name(frames.get(0)) + " <- " + ((frames.size() > 1) ? name(frames.get(1)) : ""), weight,
				Long::sum);
		String ours = "(no frame of this project: " + name(frames.get(frames.size() - 1)) + ")";
		for (RecordedFrame frame : frames) {
			if (isOurs(frame)) {
				ours = name(frame) + ":" + frame.getLineNumber();
				break;
			}
		}
		this.allocByOurFrame.merge(ours, weight, Long::sum);
	}

	private static String threadGroup(String thread) {
		// reactor-http-nio-1 and -2 are one pool: group by the name without the trailing
		// number
		return thread.replaceAll("-?\\d+$", "-N");
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
	}

	private String render(long calls, int rows) {
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "CPU samples: %,d; sampled allocations stand for %,.1f MB%s.%n%n",
				this.cpuSamples, this.allocBytes / 1e6, (calls > 0) ? String.format(Locale.ROOT,
						" (%,.0f B per call over %,d calls)", (double) this.allocBytes / calls, calls) : ""));
		table(md, "CPU by thread", "thread", this.threadCpu, this.cpuSamples, rows, "samples", 0);
		table(md, "CPU, self (method on top of the stack)", "method", this.selfCpu, this.cpuSamples, rows, "samples",
				0);
		table(md, "CPU by the nearest frame of this project's code (the library call that led to it)", "frame",
				this.cpuByOurFrame, this.cpuSamples, rows, "samples", 0);
		table(md, "CPU, inclusive, this project's methods (anywhere on the stack)", "method", this.inclusiveOurCpu,
				this.cpuSamples, rows, "samples", 0);
		table(md, "CPU, inclusive, any method", "method", this.inclusiveCpu, this.cpuSamples, rows, "samples", 0);
		table(md, "Allocations by class", "class", this.allocByClass, this.allocBytes, rows, "bytes", calls);
		table(md, "Allocations by site (allocating method <- its caller)", "site", this.allocBySite, this.allocBytes,
				rows, "bytes", calls);
		table(md, "Allocations by the nearest frame of this project's code", "frame", this.allocByOurFrame,
				this.allocBytes, rows, "bytes", calls);
		return md.toString();
	}

	private static void table(StringBuilder md, String title, String what, Map<String, Long> counts, long total,
			int rows, String unit, long calls) {
		md.append("#### ").append(title).append("\n\n| ").append(what).append(" | ").append(unit).append(" | share |");
		md.append((calls > 0) ? " per call |\n|---|---|---|---|\n" : "\n|---|---|---|\n");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(rows)
			.forEach((entry) -> {
				md.append("| `")
					.append(entry.getKey())
					.append("` | ")
					.append(String.format(Locale.ROOT, "%,d", entry.getValue()))
					.append(" | ")
					.append(String.format(Locale.ROOT, "%.1f%%", 100.0 * entry.getValue() / Math.max(1, total)));
				if (calls > 0) {
					md.append(String.format(Locale.ROOT, " | %,.0f B", (double) entry.getValue() / calls));
				}
				md.append(" |\n");
			});
		md.append('\n');
	}

}
