package io.wampspring.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.interop.support.Callers;
import io.wampspring.interop.support.CheckReport;
import io.wampspring.interop.support.CheckReport.Outcome;
import io.wampspring.interop.support.FoxWampRouter;
import io.wampspring.interop.support.SampleApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app in its {@code external} profile (WAMP_URL / WAMP_REALM) against
 * fox-wamp, a router we did not write: Autobahn callers use the sample's procedures
 * through fox-wamp, and again after fox-wamp restarts (the sample's session rejoins and
 * registers again).
 */
class SampleAppThroughFoxWampTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * The sample checks fox-wamp 0.7.28 can pass: not cancel (ignored), not the error
	 * URIs (every callee error becomes {@code wamp.error.callee_failure}), not whoami (no
	 * caller disclosure), not the role rules (fox-wamp has no authorization); see
	 * interop/README.md.
	 */
	private static final List<String> CHECKS = List.of("join", "sample_add2", "sample_echo", "sample_multiple",
			"sample_circular", "sample_countdown", "sample_slow");

	@RegisterExtension
	static final FoxWampRouter fox = FoxWampRouter.builder().realm("realm1").build();

	@Test
	void callersUseTheSampleThroughFoxWampBeforeAndAfterItRestarts() {
		try (SampleApp sample = SampleApp.startExternal(fox.url(), fox.realm())) {
			WampClient probe = WampClient.create(ClientOptions.builder(fox.url(), fox.realm())
				.reconnect(ReconnectOptions.builder()
					.backoff(BackoffStrategy.fixed(Duration.ofMillis(200)))
					.maxRetries(-1)
					.build())
				.build());
			try {
				probe.connect().block(TIMEOUT);
				awaitTheSample(probe);
				assertPasses("autobahn-js/caller.js");

				fox.restart();

				// The sample's session rejoins with its backoff and registers everything
				// again.
				awaitTheSample(probe);
				assertPasses("autobahn-py/caller.py");
				assertPasses("autobahn-js/caller.js");
			}
			finally {
				probe.close().block(TIMEOUT);
			}
		}
	}

	// Until the sample's session is (back) at fox-wamp with its registrations: before
	// that the call fails (no such procedure, or the probe itself is still reconnecting).
	private static void awaitTheSample(WampClient probe) {
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			CallResult result = probe.call("com.example.echo", List.of("ping"), Map.of(), CallOptions.defaults())
				.block(Duration.ofSeconds(2));
			return result != null && result.args().equals(List.of("ping"));
		});
	}

	private static void assertPasses(String caller) {
		CheckReport report = Callers.run(caller, List.of("--url", fox.url(), "--realm", fox.realm(), "--serializer",
				"json", "--suite", "sample", "--only", String.join(",", CHECKS)));
		assertThat(report.checks(Outcome.FAIL)).as(report.failureDescription()).isEmpty();
		assertThat(report.checks(Outcome.PASS)).containsExactlyElementsOf(CHECKS);
	}

}
