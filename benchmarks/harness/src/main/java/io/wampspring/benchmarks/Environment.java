package io.wampspring.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where things are and how to start them: the JVM of this runner (our peers run on its
 * classpath), jawampa's classpath, Node.js with the interop suite's and the benchmarks'
 * npm packages, Debian's Python with Autobahn|Python; the peers' versions; the machine.
 */
final class Environment {

	private final Path benchmarks;

	private final Path interop;

	private final Path logs;

	private final String java;

	private final String classpath;

	private final String jawampaClasspath;

	private final AtomicInteger logCount = new AtomicInteger();

	private final long clockTicks;

	Environment(Path benchmarks, Path output) {
		this.benchmarks = benchmarks.toAbsolutePath().normalize();
		this.interop = this.benchmarks.resolveSibling("interop");
		this.logs = output.toAbsolutePath().resolve("logs");
		this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// absolute, since the processes run in the benchmarks directory
		this.classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
		Path jawampa = this.benchmarks.resolve("jawampa/target");
		this.jawampaClasspath = jawampa.resolve("classes") + ":" + read(jawampa.resolve("classpath.txt")).trim();
		this.clockTicks = Long.parseLong(run(List.of("getconf", "CLK_TCK")).trim());
		try {
			Files.createDirectories(this.logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long clockTicks() {
		return this.clockTicks;
	}

	Path logs() {
		return this.logs;
	}

	/** A process of our own on this runner's classpath. */
	Proc ours(String name, String mainClass, List<String> jvmArgs, List<String> args) {
		List<String> command = new ArrayList<>(List.of(this.java));
		command.addAll(jvmArgs);
		command.addAll(List.of("-cp", this.classpath, mainClass));
		command.addAll(args);
		return start(name, command, Map.of());
	}

	/** A jawampa process, on jawampa's own classpath. */
	Proc jawampa(String name, String mainClass, List<String> args) {
		List<String> command = new ArrayList<>(List.of(this.java, "-cp", this.jawampaClasspath, mainClass));
		command.addAll(args);
		return start(name, command, Map.of());
	}

	/** A Node.js script of the benchmarks ({@code js/...}) or of the interop suite. */
	Proc node(String name, Path script, List<String> args) {
		List<String> command = new ArrayList<>(List.of("node", script.toString()));
		command.addAll(args);
		return start(name, command, Map.of());
	}

	/** A Python script on Debian's Python (Autobahn|Python comes from Debian). */
	Proc python(String name, Path script, List<String> args) {
		List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
		command.addAll(args);
		return start(name, command, Map.of("PYTHONUNBUFFERED", "1"));
	}

	Path script(String relative) {
		return this.benchmarks.resolve(relative);
	}

	Path interopScript(String relative) {
		return this.interop.resolve(relative);
	}

	private Proc start(String name, List<String> command, Map<String, String> env) {
		Path log = this.logs.resolve(
				String.format("%03d-%s.log", this.logCount.incrementAndGet(), name.replaceAll("[^A-Za-z0-9.-]+", "_")));
		return Proc.start(name, command, env, this.benchmarks, log);
	}

	// ---------------------------------------------------------------- versions and
	// machine

	String autobahnJsVersion() {
		return npmVersion(this.interop, "autobahn");
	}

	String wampyVersion() {
		return npmVersion(this.benchmarks, "wampy");
	}

	String foxWampVersion() {
		return npmVersion(this.interop, "fox-wamp");
	}

	String autobahnPythonVersion() {
		return run(List.of("/usr/bin/python3", "-c", "import autobahn; print(autobahn.__version__)")).trim();
	}

	String jawampaVersion() {
		Matcher matcher = Pattern.compile("jawampa-netty/([^/]+)/").matcher(this.jawampaClasspath);
		return matcher.find() ? matcher.group(1) : "?";
	}

	/** One line per fact about the machine and the runtimes. */
	List<String> machine() {
		List<String> facts = new ArrayList<>();
		String cpu = read(Path.of("/proc/cpuinfo")).lines()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("?");
		String memory = read(Path.of("/proc/meminfo")).lines().findFirst().orElse("?").replaceAll("\\s+", " ");
		facts.add("CPU: " + Runtime.getRuntime().availableProcessors() + " x " + cpu + "; " + memory);
		facts.add("OS: " + run(List.of("uname", "-srm")).trim());
		facts.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ " (default JVM options for every JVM)");
		facts.add("Node.js: " + run(List.of("node", "--version")).trim() + "; Python: "
				+ run(List.of("/usr/bin/python3", "--version")).trim());
		return facts;
	}

	static String loadAverage() {
		return read(Path.of("/proc/loadavg")).trim();
	}

	private static String npmVersion(Path dir, String name) {
		Path file = dir.resolve("node_modules").resolve(name).resolve("package.json");
		return JsonMapper.builder().build().readTree(read(file)).path("version").asString();
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot read " + path + " (run benchmarks/run, which installs and builds it)", ex);
		}
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end within 30 s");
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
