package io.wampspring.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wampspring.interop.support.Callers;
import io.wampspring.interop.support.CheckReport;
import io.wampspring.interop.support.CheckReport.Outcome;
import io.wampspring.interop.support.FoxWampRouter;
import io.wampspring.interop.support.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autobahn|JS and Autobahn|Python talking to each other through fox-wamp: proves the peer
 * scripts and the harness before our own client and router join in.
 */
class AutobahnThroughFoxWampTests {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

	/** Seed 0x07 * 32 and its Ed25519 public key, for Cryptosign. */
	private static final String CRYPTOSIGN_SEED = "07".repeat(32);

	private static final String CRYPTOSIGN_PUBLIC_KEY = "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";

	@RegisterExtension
	static final FoxWampRouter fox = FoxWampRouter.builder().realm("realm1").build();

	@ParameterizedTest(name = "{0} with {1}")
	@CsvSource({ "autobahn-js/callee.js, autobahn-py/caller.py", "autobahn-py/callee.py, autobahn-js/caller.js",
			"autobahn-js/callee.js, autobahn-js/caller.js", "autobahn-py/callee.py, autobahn-py/caller.py" })
	void callerChecksPassThroughFoxWamp(String callee, String caller) {
		try (PeerProcess calleePeer = Callers.peer(callee, connection(fox)).start()) {
			calleePeer.awaitLine(PeerProcess.READY, READY_TIMEOUT);
			CheckReport report = Callers.run(caller, connection(fox), "--skip",
					String.join(",", FoxWampRouter.UNSUPPORTED_CHECKS));
			assertThat(report.checks(Outcome.FAIL)).as(report.failureDescription()).isEmpty();
			assertThat(report.checks(Outcome.PASS)).contains("join", "echo_args", "echo_kwargs", "echo_unicode", "add2",
					"progressive", "error_any", "no_such_procedure", "pubsub_relay", "exclude_me",
					"meta_session_count");
		}
	}

	@Test
	void foxWampLacksTheFeaturesItIsExcusedFrom() {
		// If a fox-wamp upgrade adds one of them, this fails: then shorten
		// UNSUPPORTED_CHECKS.
		try (PeerProcess calleePeer = Callers.peer("autobahn-js/callee.js", connection(fox)).start()) {
			calleePeer.awaitLine(PeerProcess.READY, READY_TIMEOUT);
			CheckReport report = Callers.run("autobahn-js/caller.js", connection(fox), "--only",
					String.join(",", FoxWampRouter.UNSUPPORTED_CHECKS));
			assertThat(report.checks(Outcome.FAIL)).containsExactlyElementsOf(FoxWampRouter.UNSUPPORTED_CHECKS);
		}
	}

	@Test
	void restartKeepsThePortAndEndsTheSessions() {
		int port = fox.port();
		try (PeerProcess calleePeer = Callers.peer("autobahn-js/callee.js", connection(fox)).start()) {
			calleePeer.awaitLine(PeerProcess.READY, READY_TIMEOUT);
			fox.restart();
			assertThat(fox.port()).isEqualTo(port);
			// The callee script exits with 3 when its session is lost.
			assertThat(calleePeer.awaitExit(READY_TIMEOUT)).isEqualTo(3);
		}
		try (PeerProcess calleePeer = Callers.peer("autobahn-py/callee.py", connection(fox)).start()) {
			calleePeer.awaitLine(PeerProcess.READY, READY_TIMEOUT);
			CheckReport report = Callers.run("autobahn-js/caller.js", connection(fox), "--only", "join,echo_args");
			assertThat(report.checks(Outcome.PASS)).as(report.failureDescription())
				.containsExactly("join", "echo_args");
		}
	}

	@ParameterizedTest(name = "{0} with {1}")
	@CsvSource({ "autobahn-js/caller.js, ticket", "autobahn-js/caller.js, wampcra", "autobahn-js/caller.js, cryptosign",
			"autobahn-py/caller.py, ticket", "autobahn-py/caller.py, wampcra", "autobahn-py/caller.py, cryptosign" })
	void callersAuthenticate(String caller, String method) {
		try (FoxWampRouter secured = FoxWampRouter.builder()
			.ticket("joe", "joe-ticket")
			.wampcra("ann", "ann-secret")
			.cryptosign("kim", CRYPTOSIGN_PUBLIC_KEY)
			.build()
			.start()) {
			List<String> args = new ArrayList<>(connection(secured));
			args.addAll(switch (method) {
				case "ticket" -> List.of("--authmethod", "ticket", "--authid", "joe", "--secret", "joe-ticket");
				case "wampcra" -> List.of("--authmethod", "wampcra", "--authid", "ann", "--secret", "ann-secret");
				default -> List.of("--authmethod", "cryptosign", "--authid", "kim", "--private-key", CRYPTOSIGN_SEED);
			});
			args.addAll(List.of("--only", "join,meta_session_count"));
			CheckReport report = Callers.run(caller, args);
			assertThat(report.checks(Outcome.PASS)).as(report.failureDescription())
				.containsExactly("join", "meta_session_count");

			List<String> wrong = new ArrayList<>(args);
			wrong.set(wrong.indexOf("--authid") + 1, "nobody");
			Callers.assertRefused(caller, wrong);
		}
	}

	private static List<String> connection(FoxWampRouter router) {
		return List.of("--url", router.url(), "--realm", router.realm(), "--serializer", "json");
	}

}
