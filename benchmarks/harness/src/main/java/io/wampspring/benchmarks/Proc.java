package io.wampspring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A child process: its standard output is read line by line (and kept), its standard
 * error goes to a log file. Every wait has a deadline; {@link #close()} ends the process
 * and its children (SIGTERM, then SIGKILL after 3 s).
 */
final class Proc implements AutoCloseable {

	private static final String EOF = "\u0000EOF";

	private final String name;

	private final Process process;

	private final Path log;

	private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<String> output = new ArrayList<>();

	private Proc(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
		Thread reader = new Thread(this::read, "stdout-" + name);
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a process.
	 * @param name a name for messages
	 * @param command the command line
	 * @param env extra environment variables
	 * @param directory the working directory
	 * @param log where standard error goes
	 * @return the running process
	 */
	static Proc start(String name, List<String> command, Map<String, String> env, Path directory, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.PIPE);
		builder.environment().putAll(env);
		try {
			return new Proc(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", ex);
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (this.output) {
					this.output.add(line);
				}
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended; EOF below tells the waiting side
		}
		this.lines.add(EOF);
	}

	/**
	 * The process id, for {@code /proc}.
	 * @return the pid
	 */
	long pid() {
		return this.process.pid();
	}

	/**
	 * Wait for a line that starts with a prefix.
	 * @param prefix such as {@code READY}
	 * @param timeout the deadline
	 * @return the line
	 * @throws IllegalStateException when the process ends first or the deadline passes,
	 * with its output so far
	 */
	String awaitLine(String prefix, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			String line = (left > 0) ? this.lines.poll(left, TimeUnit.NANOSECONDS) : null;
			if (line == null) {
				throw failure("no line starting with '" + prefix + "' within " + timeout.toSeconds() + " s");
			}
			if (line.equals(EOF)) {
				this.lines.add(EOF);
				throw failure("it ended before printing a line starting with '" + prefix + "'");
			}
			if (line.startsWith(prefix)) {
				return line;
			}
			if (line.startsWith("FAIL")) {
				throw failure(line);
			}
		}
	}

	private IllegalStateException failure(String what) {
		List<String> copy;
		synchronized (this.output) {
			copy = List.copyOf(this.output);
		}
		List<String> tail = copy.subList(Math.max(0, copy.size() - 10), copy.size());
		return new IllegalStateException(this.name + ": " + what + "; exit code " + exitCode() + "; last output " + tail
				+ "; standard error in " + this.log);
	}

	private @Nullable Integer exitCode() {
		return this.process.isAlive() ? null : this.process.exitValue();
	}

	/**
	 * Wait for the process to end by itself.
	 * @param timeout the deadline
	 * @return whether it ended
	 */
	boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(3, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
				this.process.waitFor(3, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
