package io.wampspring.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wampspring.interop.support.Callers;
import io.wampspring.interop.support.CheckReport;
import io.wampspring.interop.support.CheckReport.Outcome;
import io.wampspring.interop.support.InteropEnvironment;
import io.wampspring.interop.support.SampleApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Autobahn|JS and Autobahn|Python against the running sample app (started in this JVM
 * with its embedded router on free ports): every {@code com.example.*} procedure with the
 * caller scripts' {@code --suite sample}, its events, each sample user with its
 * authentication method, each serializer the peer offers over WebSocket and RawSocket.
 */
class AutobahnAgainstSampleAppTests {

	/**
	 * Alice's Cryptosign seed: the sample's public key for alice is the well-known test
	 * key of the Bondy router's test suite (its {@code CT_DEFAULT_PRIVKEY} is this seed
	 * followed by the public key).
	 */
	static final String ALICE_SEED = "4ffddd896a530ce5ee8c86b83b0d31835490a97a9cd718cb2f09c9fd31c4a7d7";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** Every check of the sample suite. */
	private static final List<String> SAMPLE_CHECKS = List.of("join", "sample_add2", "sample_echo", "sample_multiple",
			"sample_circular", "sample_countdown", "sample_slow", "sample_cancel_slow", "sample_cancel_countdown",
			"sample_validation_error", "sample_notfound_error", "sample_authorization_error", "sample_service_error",
			"sample_unknown_error", "sample_timeout", "sample_whoami", "sample_publish", "sample_role");

	private static SampleApp sample;

	@BeforeAll
	static void startTheSample() {
		InteropEnvironment.requireNodeModules();
		sample = SampleApp.startEmbedded().awaitRegistered(TIMEOUT);
	}

	@AfterAll
	static void stopTheSample() {
		if (sample != null) {
			sample.close();
		}
	}

	// Each caller joins as each user once; together the rows cover every serializer on
	// both transports (Autobahn|JS RawSocket: JSON only).
	@ParameterizedTest(name = "{0} as {1} with {2} over {3}")
	@CsvSource({ "autobahn-js/caller.js, anonymous, json, websocket",
			"autobahn-js/caller.js, john.doe, msgpack, websocket", "autobahn-js/caller.js, joe, cbor, websocket",
			"autobahn-js/caller.js, alice, json, rawsocket", "autobahn-py/caller.py, alice, json, websocket",
			"autobahn-py/caller.py, anonymous, msgpack, websocket", "autobahn-py/caller.py, john.doe, cbor, websocket",
			"autobahn-py/caller.py, joe, json, rawsocket", "autobahn-py/caller.py, john.doe, msgpack, rawsocket",
			"autobahn-py/caller.py, anonymous, cbor, rawsocket" })
	void callersUseEverySampleProcedure(String caller, String user, String serializer, String transport) {
		long hellos = sample.events("com.example.onhello");
		long sums = sample.events("com.example.onadd");
		long slowCanceled = sample.canceled("com.example.slow");
		long countdownCanceled = sample.canceled("com.example.countdown");

		List<String> args = new ArrayList<>(connection(serializer, transport));
		args.addAll(credentials(user));
		args.addAll(List.of("--suite", "sample", "--expect-authrole", role(user)));
		CheckReport report = Callers.run(caller, args);

		assertThat(report.checks(Outcome.FAIL)).as(report.failureDescription()).isEmpty();
		assertThat(report.checks(Outcome.PASS)).containsExactlyElementsOf(SAMPLE_CHECKS);
		// The sample's own subscriptions and cancel handling saw the calls.
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(sample.events("com.example.onadd")).as("sums the sample received").isGreaterThan(sums);
			assertThat(sample.canceled("com.example.slow")).as("slow canceled").isGreaterThan(slowCanceled);
			assertThat(sample.canceled("com.example.countdown")).as("countdown canceled")
				.isGreaterThan(countdownCanceled);
		});
		// Only backend users may publish: the sample counted exactly their greeting.
		long expectedHellos = hellos + (role(user).equals("backend") ? 1 : 0);
		await().atMost(TIMEOUT).until(() -> sample.events("com.example.onhello") >= expectedHellos);
		assertThat(sample.events("com.example.onhello")).as("greetings the sample counted").isEqualTo(expectedHellos);
	}

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource({ "autobahn-js/caller.js, john.doe", "autobahn-js/caller.js, alice", "autobahn-py/caller.py, joe",
			"autobahn-py/caller.py, alice" })
	void wrongCredentialsAreRefused(String caller, String user) {
		List<String> args = new ArrayList<>(connection("json", "websocket"));
		args.addAll(credentials(user));
		int secret = args.indexOf("--secret");
		if (secret >= 0) {
			args.set(secret + 1, "wrong-secret");
		}
		else {
			args.set(args.indexOf("--private-key") + 1, "08".repeat(32));
		}
		Callers.assertRefused(caller, args);
	}

	private static List<String> connection(String serializer, String transport) {
		String url = transport.equals("rawsocket") ? sample.rawSocketUrl() : sample.webSocketUrl();
		return List.of("--url", url, "--realm", "realm1", "--serializer", serializer);
	}

	/** The sample's users (sample-app/README.md) and how each authenticates. */
	static List<String> credentials(String user) {
		return switch (user) {
			case "john.doe" -> List.of("--authmethod", "wampcra", "--authid", "john.doe", "--secret", "123456");
			case "joe" -> List.of("--authmethod", "ticket", "--authid", "joe", "--secret", "joe-secret");
			case "alice" -> List.of("--authmethod", "cryptosign", "--authid", "alice", "--private-key", ALICE_SEED);
			default -> List.of();
		};
	}

	private static String role(String user) {
		return switch (user) {
			case "john.doe", "alice" -> "backend";
			case "joe" -> "frontend";
			default -> "anonymous";
		};
	}

}
