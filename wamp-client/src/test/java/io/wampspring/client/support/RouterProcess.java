package io.wampspring.client.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.WampRouter;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * The embedded router in a JVM of its own, so that a test can kill it the hard way
 * ({@code kill -9}: no GOODBYE, no FIN from an orderly close, nothing flushed) and start
 * it again on the same port. The child runs {@link #main(String[])} with the test's class
 * path, writes its WebSocket port to a file once it listens, and halts when the test JVM
 * ends, so that no router outlives the build.
 */
public final class RouterProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private final Path directory;

	private @Nullable Process process;

	private int port;

	private int starts;

	/**
	 * A router process that is not started yet.
	 * @param directory where the child writes its port and its log
	 */
	public RouterProcess(Path directory) {
		this.directory = directory;
	}

	/**
	 * Start the child on an ephemeral port, or on the port of the previous start, and
	 * wait until it listens.
	 * @return this
	 * @throws IOException when the child cannot be started
	 */
	public RouterProcess start() throws IOException {
		this.starts++;
		Path ready = this.directory.resolve("router-" + this.starts + ".port");
		Path log = this.directory.resolve("router-" + this.starts + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// a small heap and the C1 compiler only: the child starts faster
		Process started = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), RouterProcess.class.getName(), String.valueOf(this.port),
				ready.toString(), String.valueOf(ProcessHandle.current().pid())))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.process = started;
		await().atMost(START_TIMEOUT).until(() -> Files.exists(ready) || !started.isAlive());
		if (!Files.exists(ready)) {
			throw new IllegalStateException(
					"the router process ended with " + started.exitValue() + ":\n" + Files.readString(log));
		}
		this.port = Integer.parseInt(Files.readString(ready).strip());
		return this;
	}

	/**
	 * Kill the child with SIGKILL ({@link Process#destroyForcibly()} on Unix) and wait
	 * until it is gone.
	 * @throws InterruptedException when interrupted while waiting
	 */
	public void kill() throws InterruptedException {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly();
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the router process did not die within 10 s of SIGKILL");
			}
			this.process = null;
		}
	}

	/**
	 * The WebSocket URL of the router.
	 * @return {@code ws://127.0.0.1:port/ws}
	 */
	public String url() {
		return "ws://127.0.0.1:" + this.port + "/ws";
	}

	@Override
	public void close() {
		try {
			kill();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The child: start the router on the given port (0 for any) and announce the port.
	 * @param args the port, the file to write the bound port to, the pid of the test JVM
	 * @throws Exception when the router cannot start
	 */
	public static void main(String[] args) throws Exception {
		ProcessHandle.of(Long.parseLong(args[2]))
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(2)),
					() -> Runtime.getRuntime().halt(2));
		WampRouter router = WampRouter.builder()
			.realm("realm1")
			.webSocket("127.0.0.1", Integer.parseInt(args[0]), "/ws")
			.build()
			.start();
		Path ready = Path.of(args[1]);
		Path written = ready.resolveSibling(ready.getFileName() + ".tmp");
		Files.writeString(written, String.valueOf(router.webSocketPort()));
		Files.move(written, ready, StandardCopyOption.ATOMIC_MOVE);
		// serve until killed
		Thread.currentThread().join();
	}

}
