package io.wampspring.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.interop.support.Callers;
import io.wampspring.interop.support.CheckReport;
import io.wampspring.interop.support.CheckReport.Outcome;
import io.wampspring.interop.support.InteropEnvironment;
import io.wampspring.interop.support.PeerProcess;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.EventHistory;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autobahn|JS and Autobahn|Python clients through our embedded router, started in this
 * JVM: every check of the caller scripts (the extended ones too: shared and pattern
 * registrations, pubsub options, meta API, invalid URIs) with each serializer the peer
 * offers, over WebSocket and RawSocket, and every authentication method.
 */
class AutobahnThroughEmbeddedRouterTests {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

	/** Seed 0x07 * 32 and its Ed25519 public key, for Cryptosign. */
	private static final String CRYPTOSIGN_SEED = "07".repeat(32);

	private static final String CRYPTOSIGN_PUBLIC_KEY = "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";

	/**
	 * A fresh URI prefix per test, so that a callee still leaving never collides with the
	 * next.
	 */
	private static final AtomicInteger runs = new AtomicInteger();

	private static WampRouter router;

	@BeforeAll
	static void startRouter() {
		InteropEnvironment.requireNodeModules();
		router = WampRouter.builder()
			// Roles, so that the interop traffic goes through the authorizer too; callers
			// are disclosed by the role, since Autobahn|Python can ask neither
			// disclose_me nor disclose_caller.
			.realm(RealmConfig.builder("realm1")
				.role("anonymous",
						Permission.prefix("interop.", Action.values()).withDisclosure(true, false).withRetain(true),
						Permission.prefix("wamp.", Action.CALL, Action.SUBSCRIBE))
				.eventHistory(new EventHistory("interop..hist", MatchPolicy.WILDCARD, 50))
				.build())
			.realm(RealmConfig.builder("secure")
				.user("joe", "user", "joe-ticket")
				.user("ann", "user", "ann-secret")
				.user(new User("sal", "user", null).withSaltedPassword("sal-secret", "salt123", 1000, 32))
				.user(new User("kim", "device", null).withPublicKeys(CRYPTOSIGN_PUBLIC_KEY))
				.user(new User("scr", "user", null).withScramPassword(ScramVariant.AUTOBAHN, "scr-pass"))
				.build())
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
	}

	@AfterAll
	static void stopRouter() {
		if (router != null) {
			router.stop();
		}
	}

	@ParameterizedTest(name = "{0} ({2}) with {1} ({3}) over {4}")
	@CsvSource({ "autobahn-js/callee.js, autobahn-py/caller.py, json, json, websocket",
			"autobahn-py/callee.py, autobahn-js/caller.js, msgpack, json, websocket",
			"autobahn-js/callee.js, autobahn-py/caller.py, cbor, msgpack, websocket",
			"autobahn-py/callee.py, autobahn-js/caller.js, json, cbor, websocket",
			"autobahn-py/callee.py, autobahn-py/caller.py, cbor, msgpack, rawsocket",
			"autobahn-js/callee.js, autobahn-js/caller.js, json, json, rawsocket" })
	void everyCallerCheckPasses(String callee, String caller, String calleeSerializer, String callerSerializer,
			String transport) {
		String prefix = "interop.r" + runs.incrementAndGet();
		try (PeerProcess calleePeer = Callers.peer(callee, connection("realm1", calleeSerializer, transport))
			.args("--prefix", prefix)
			.start()) {
			calleePeer.awaitLine(PeerProcess.READY, READY_TIMEOUT);
			List<String> args = new ArrayList<>(connection("realm1", callerSerializer, transport));
			args.addAll(List.of("--prefix", prefix, "--extended", "1"));
			CheckReport report = Callers.run(caller, args);
			assertThat(report.checks(Outcome.FAIL)).as(report.failureDescription()).isEmpty();
			assertThat(report.checks(Outcome.SKIP)).as("skipped checks").isEmpty();
			assertThat(report.checks(Outcome.PASS)).contains("cancel", "disclose_caller", "pattern_prefix", "error_uri",
					"echo_single_list", "shared_registration", "pubsub_options", "meta_api");
			if (caller.endsWith(".py")) {
				// Autobahn|Python accepts a revoking UNREGISTERED; a testament is
				// published
				assertThat(report.checks(Outcome.PASS)).contains("revocation", "testament");
			}
			assertThat(calleePeer.isAlive()).as("callee still connected").isTrue();
		}
	}

	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource({ "autobahn-py/caller.py, json", "autobahn-py/caller.py, msgpack", "autobahn-py/caller.py, cbor",
			"autobahn-js/caller.js, json", "autobahn-js/caller.js, msgpack", "autobahn-js/caller.js, cbor" })
	void eventRetentionAndHistoryWork(String caller, String serializer) {
		List<String> args = new ArrayList<>(connection("realm1", serializer, "websocket"));
		args.addAll(
				List.of("--prefix", "interop.r" + runs.incrementAndGet(), "--only", "event_retention,event_history"));
		CheckReport report = Callers.run(caller, args);
		assertThat(report.checks(Outcome.PASS)).as(report.failureDescription())
			.containsExactlyInAnyOrder("event_retention", "event_history");
	}

	@ParameterizedTest(name = "{0} with {1}")
	@CsvSource({ "autobahn-js/caller.js, ticket", "autobahn-js/caller.js, wampcra", "autobahn-js/caller.js, salted",
			"autobahn-js/caller.js, cryptosign", "autobahn-py/caller.py, ticket", "autobahn-py/caller.py, wampcra",
			"autobahn-py/caller.py, salted", "autobahn-py/caller.py, cryptosign", "autobahn-py/caller.py, scram" })
	void callersAuthenticate(String caller, String method) {
		List<String> args = new ArrayList<>(connection("secure", "json", "websocket"));
		args.addAll(switch (method) {
			case "ticket" -> List.of("--authmethod", "ticket", "--authid", "joe", "--secret", "joe-ticket");
			case "wampcra" -> List.of("--authmethod", "wampcra", "--authid", "ann", "--secret", "ann-secret");
			case "salted" -> List.of("--authmethod", "wampcra", "--authid", "sal", "--secret", "sal-secret");
			case "scram" -> List.of("--authmethod", "scram", "--authid", "scr", "--secret", "scr-pass");
			default -> List.of("--authmethod", "cryptosign", "--authid", "kim", "--private-key", CRYPTOSIGN_SEED);
		});
		args.addAll(List.of("--only", "join,meta_session_count"));
		CheckReport report = Callers.run(caller, args);
		assertThat(report.checks(Outcome.PASS)).as(report.failureDescription())
			.containsExactly("join", "meta_session_count");

		List<String> wrong = new ArrayList<>(args);
		int secret = wrong.indexOf("--secret");
		if (secret >= 0) {
			wrong.set(secret + 1, "wrong-secret");
		}
		else {
			wrong.set(wrong.indexOf("--private-key") + 1, "08".repeat(32));
		}
		Callers.assertRefused(caller, wrong);
	}

	private static List<String> connection(String realm, String serializer, String transport) {
		String url = transport.equals("rawsocket") ? router.rawSocketUrl() : router.webSocketUrl();
		return List.of("--url", url, "--realm", realm, "--serializer", serializer);
	}

}
