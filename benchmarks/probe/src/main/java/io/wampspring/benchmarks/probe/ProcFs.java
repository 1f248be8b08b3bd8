package io.wampspring.benchmarks.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Readings from Linux's {@code /proc}: CPU time and peak resident memory of a process.
 * Both count every thread of the process (JIT compiler and GC threads included).
 */
public final class ProcFs {

	private ProcFs() {
	}

	/**
	 * User plus system CPU time of a process, in clock ticks ({@code utime + stime},
	 * fields 14 and 15 of {@code /proc/<pid>/stat}).
	 * @param pid the process id, or {@code "self"}
	 * @return the ticks so far
	 */
	public static long cpuTicks(String pid) {
		String stat = read(Path.of("/proc", pid, "stat"));
		// the command name (field 2) is in parentheses and may hold spaces: count after
		// it
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and
		// [12]
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/**
	 * Peak resident set size ({@code VmHWM} in {@code /proc/<pid>/status}).
	 * @param pid the process id, or {@code "self"}
	 * @return kilobytes, or -1 when the line is missing
	 */
	public static long peakRssKb(String pid) {
		for (String line : read(Path.of("/proc", pid, "status")).split("\n")) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.substring(6).replace("kB", "").trim());
			}
		}
		return -1;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + path + " (the benchmarks need Linux's /proc)", ex);
		}
	}

}
