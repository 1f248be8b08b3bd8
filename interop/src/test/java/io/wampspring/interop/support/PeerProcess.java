package io.wampspring.interop.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A peer script (Node.js or Python) running as a child process.
 *
 * <p>
 * Its standard output and error are merged, logged line by line under the logger
 * {@code io.wampspring.interop.peer.<name>} and kept, so a test can wait for a line
 * ({@link #awaitLine(Pattern, Duration)}) or for the exit ({@link #awaitExit(Duration)})
 * and read the output afterwards ({@link #output()}). {@link #close()} ends the process
 * and its children: SIGTERM first, then SIGKILL after a grace period. A JVM shutdown hook
 * kills whatever is still running, so a crashed test run leaves no peers behind.
 *
 * <pre class="code">
 * try (PeerProcess callee = PeerProcess.node("autobahn-js/callee.js").args("--url", url).start()) {
 *     callee.awaitLine(PeerProcess.READY, Duration.ofSeconds(10));
 *     ...
 * }
 * </pre>
 */
public final class PeerProcess implements AutoCloseable {

	/** The line every long-running peer script prints once it is usable. */
	public static final Pattern READY = Pattern.compile("^READY\\b.*");

	private static final Duration GRACE = Duration.ofSeconds(3);

	private static final Set<PeerProcess> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(PeerProcess::kill), "interop-peer-reaper"));
	}

	private final String name;

	private final List<String> command;

	private final Process process;

	private final Logger logger;

	private final List<String> lines = new ArrayList<>();

	private boolean endOfOutput;

	private final Thread reader;

	private PeerProcess(String name, List<String> command, Process process) {
		this.name = name;
		this.command = command;
		this.process = process;
		this.logger = LoggerFactory.getLogger("io.wampspring.interop.peer." + name);
		this.reader = new Thread(this::pump, "interop-peer-" + name);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Prepares a Node.js script of the interop folder.
	 * @param script the path below {@code interop/}, e.g. {@code autobahn-js/callee.js}
	 * @return a builder to add arguments and start the process
	 */
	public static Builder node(String script) {
		InteropEnvironment.requireNodeModules();
		return new Builder(InteropEnvironment.node(), script);
	}

	/**
	 * Prepares a Python script of the interop folder, run by Debian's Python.
	 * @param script the path below {@code interop/}, e.g. {@code autobahn-py/caller.py}
	 * @return a builder to add arguments and start the process
	 */
	public static Builder python(String script) {
		return new Builder(InteropEnvironment.python(), script).env("PYTHONUNBUFFERED", "1")
			.env("PYTHONDONTWRITEBYTECODE", "1");
	}

	private void pump() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				this.logger.info("{}", line);
				synchronized (this.lines) {
					this.lines.add(line);
					this.lines.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// The stream closes when the process is killed: nothing more to read.
		}
		finally {
			synchronized (this.lines) {
				this.endOfOutput = true;
				this.lines.notifyAll();
			}
		}
	}

	/**
	 * Waits until the process prints a line that matches.
	 * @param pattern the pattern the whole line must match, e.g. {@link #READY}
	 * @param timeout how long to wait
	 * @return the first matching line (it may have been printed before this call)
	 * @throws IllegalStateException when the process ends or the time runs out first; the
	 * message holds the output so far
	 */
	public String awaitLine(Pattern pattern, Duration timeout) {
		return awaitLine((line) -> pattern.matcher(line).matches(), "a line matching " + pattern, timeout);
	}

	/**
	 * Waits until the process prints a line that satisfies a condition.
	 * @param condition the condition
	 * @param description what the condition looks for, for the error message
	 * @param timeout how long to wait
	 * @return the first line that satisfies the condition
	 * @throws IllegalStateException when the process ends or the time runs out first
	 */
	public String awaitLine(Predicate<String> condition, String description, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lines) {
			int checked = 0;
			while (true) {
				for (; checked < this.lines.size(); checked++) {
					if (condition.test(this.lines.get(checked))) {
						return this.lines.get(checked);
					}
				}
				if (this.endOfOutput) {
					throw new IllegalStateException(describe() + " ended (" + exitDescription() + ") before printing "
							+ description + "; its output:\n" + String.join("\n", this.lines));
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException(describe() + " printed no " + description + " within " + timeout
							+ "; its output:\n" + String.join("\n", this.lines));
				}
				waitOnLines(left);
			}
		}
	}

	/**
	 * Waits until the process exits and its output is read.
	 * @param timeout how long to wait
	 * @return the exit code
	 * @throws IllegalStateException when the process is still running after the timeout
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(describe() + " did not exit within " + timeout + "; its output:\n"
						+ String.join("\n", output()));
			}
			this.reader.join(GRACE.toMillis());
			RUNNING.remove(this);
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + describe(), ex);
		}
	}

	/**
	 * Returns the lines printed so far.
	 * @return a copy of the output lines
	 */
	public List<String> output() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/**
	 * Returns whether the process is still running.
	 * @return {@code true} while it runs
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Returns the operating system's process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Returns the name used in logs.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Ends the process and its children (SIGTERM, then SIGKILL after a grace period) and
	 * waits until its output is read.
	 */
	@Override
	public void close() {
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroy();
		children.forEach(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				this.logger.warn("{} did not stop on SIGTERM within {}: killing it", describe(), GRACE);
				this.process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
			}
			for (ProcessHandle child : children) {
				if (child.isAlive()) {
					child.destroyForcibly();
				}
			}
			this.reader.join(GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
		RUNNING.remove(this);
	}

	private void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
	}

	private void waitOnLines(long nanos) {
		try {
			TimeUnit.NANOSECONDS.timedWait(this.lines, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + describe(), ex);
		}
	}

	private String exitDescription() {
		try {
			if (this.process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				return "exit code " + this.process.exitValue();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "output closed, still running";
	}

	private String describe() {
		return "Peer '" + this.name + "' (" + String.join(" ", this.command) + ")";
	}

	/**
	 * Builds and starts a {@link PeerProcess}.
	 */
	public static final class Builder {

		private final List<String> command = new ArrayList<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private String name;

		private @Nullable Path directory;

		private Builder(String interpreter, String script) {
			this.command.add(interpreter);
			this.command.add(InteropEnvironment.script(script).toString());
			String file = Path.of(script).getFileName().toString();
			String parent = (Path.of(script).getParent() != null) ? Path.of(script).getParent().toString() + "-" : "";
			this.name = parent + file.replaceFirst("\\.[a-z]+$", "");
		}

		/**
		 * Adds command-line arguments.
		 * @param arguments the arguments
		 * @return this builder
		 */
		public Builder args(String... arguments) {
			this.command.addAll(List.of(arguments));
			return this;
		}

		/**
		 * Adds command-line arguments.
		 * @param arguments the arguments
		 * @return this builder
		 */
		public Builder args(List<String> arguments) {
			this.command.addAll(arguments);
			return this;
		}

		/**
		 * Sets an environment variable of the process.
		 * @param key the variable
		 * @param value its value
		 * @return this builder
		 */
		public Builder env(String key, String value) {
			this.environment.put(key, value);
			return this;
		}

		/**
		 * Sets the name used in logs (default: folder and script, e.g.
		 * {@code autobahn-js-callee}).
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets the working directory (default: the script's folder).
		 * @param directory the directory
		 * @return this builder
		 */
		public Builder directory(Path directory) {
			this.directory = directory;
			return this;
		}

		/**
		 * Starts the process.
		 * @return the running process
		 */
		public PeerProcess start() {
			Path script = Path.of(this.command.get(1));
			ProcessBuilder builder = new ProcessBuilder(this.command)
				.directory(((this.directory != null) ? this.directory : script.getParent()).toFile())
				.redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
			builder.environment().putAll(this.environment);
			try {
				PeerProcess peer = new PeerProcess(this.name, List.copyOf(this.command), builder.start());
				RUNNING.add(peer);
				return peer;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(
						"Cannot start " + String.join(" ", this.command)
								+ ": is the interpreter installed? (interop/run installs Node.js and Python packages)",
						ex);
			}
		}

	}

}
