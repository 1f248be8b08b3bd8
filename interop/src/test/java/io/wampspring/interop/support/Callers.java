package io.wampspring.interop.support;

import java.time.Duration;
import java.util.List;

import io.wampspring.interop.support.CheckReport.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the peer scripts the way every interop test does: a Node.js or Python process by
 * the script's extension, a caller run to its end with its report checked for
 * consistency, and a caller that must be refused.
 */
public final class Callers {

	/** How long a caller may run. */
	public static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

	private Callers() {
	}

	/**
	 * A peer process for a script.
	 * @param script the script below {@code interop/}; {@code .py} runs with Python, else
	 * Node.js
	 * @param args its arguments
	 * @return the builder
	 */
	public static PeerProcess.Builder peer(String script, List<String> args) {
		PeerProcess.Builder builder = script.endsWith(".py") ? PeerProcess.python(script) : PeerProcess.node(script);
		return builder.args(args);
	}

	/**
	 * Run a caller script to its end and read its report; asserts that it reported checks
	 * and that its exit code is 0 exactly when no check failed.
	 * @param caller the caller script
	 * @param args its arguments
	 * @param more further arguments
	 * @return the report
	 */
	public static CheckReport run(String caller, List<String> args, String... more) {
		try (PeerProcess callerPeer = peer(caller, args).args(more).start()) {
			int exit = callerPeer.awaitExit(RUN_TIMEOUT);
			CheckReport report = CheckReport.parse(callerPeer.output());
			assertThat(report.outcomes())
				.as("checks reported by " + caller + ", output:\n" + String.join("\n", callerPeer.output()))
				.isNotEmpty();
			assertThat(exit == 0).as("exit code %d of %s (0 exactly when no check failed)", exit, caller)
				.isEqualTo(report.checks(Outcome.FAIL).isEmpty());
			return report;
		}
	}

	/**
	 * Assert that a caller cannot join: it exits with 2 after a {@code FAIL connect:}
	 * line.
	 * @param caller the caller script
	 * @param args its arguments (wrong credentials, for example)
	 */
	public static void assertRefused(String caller, List<String> args) {
		try (PeerProcess refused = peer(caller, args).start()) {
			assertThat(refused.awaitExit(RUN_TIMEOUT)).as("exit code of a caller that cannot join").isEqualTo(2);
			assertThat(refused.output()).anyMatch((line) -> line.startsWith("FAIL connect:"));
		}
	}

}
