package io.wampspring.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.WampEvent;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.interop.support.CheckReport;
import io.wampspring.interop.support.CheckReport.Outcome;
import io.wampspring.interop.support.FoxWampRouter;
import io.wampspring.interop.support.JavaCallee;
import io.wampspring.interop.support.PeerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our client (wamp-client only) against fox-wamp, a router we did not write: as caller of
 * an Autobahn|JS callee, as callee for the Autobahn callers, and across a restart of
 * fox-wamp. fox-wamp speaks JSON over WebSocket only, so that is the serializer here.
 */
class JavaClientThroughFoxWampTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final FoxWampRouter fox = FoxWampRouter.builder().realm("realm1").build();

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeClients() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
	}

	@Test
	void javaClientCallsAndSubscribesThroughFoxWampToAnAutobahnCallee() {
		WampClient client = connect(ClientOptions.builder(fox.url(), fox.realm()));
		try (PeerProcess callee = PeerProcess.node("autobahn-js/callee.js")
			.args("--url", fox.url(), "--realm", fox.realm(), "--serializer", "json")
			.start()) {
			callee.awaitLine(PeerProcess.READY, TIMEOUT);

			CallResult echoed = client
				.call("interop.echo", List.of("héllo ✓", 42L, 1.5, true), Map.of("k", "v"), CallOptions.defaults())
				.block(TIMEOUT);
			assertThat(echoed.args()).containsExactly("héllo ✓", 42L, 1.5, true);
			assertThat(echoed.kwargs()).containsEntry("k", "v");
			assertThat(client.call("interop.add2", List.of(2, 3)).block(TIMEOUT).args()).containsExactly(5L);

			List<CallResult> countdown = client
				.callProgressive("interop.countdown", List.of(3), Map.of(), CallOptions.defaults())
				.collectList()
				.block(TIMEOUT);
			assertThat(countdown).extracting((result) -> result.arg(0)).containsExactly(3L, 2L, 1L, 0L);

			StepVerifier.create(client.call("interop.error", List.of()))
				.expectError(WampException.class)
				.verify(TIMEOUT);
			StepVerifier.create(client.call("interop.does_not_exist", List.of()))
				.expectErrorSatisfies(
						(error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE))
				.verify(TIMEOUT);

			List<WampEvent> pongs = new CopyOnWriteArrayList<>();
			client.subscribe("interop.pong", SubscribeOptions.defaults(), pongs::add).block(TIMEOUT);
			client.publish("interop.ping", List.of("hi", 7), Map.of("k", "v"), PublishOptions.acknowledged())
				.block(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> pongs.size() == 1);
			assertThat(pongs.get(0).args()).containsExactly("hi", 7L);
			assertThat(pongs.get(0).kwargs()).containsEntry("k", "v");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "autobahn-js/caller.js", "autobahn-py/caller.py" })
	void autobahnCallersCheckOurCalleeThroughFoxWamp(String caller) {
		WampClient callee = connect(ClientOptions.builder(fox.url(), fox.realm()));
		JavaCallee.registerAll(callee, "interop").block(TIMEOUT);
		PeerProcess.Builder builder = caller.endsWith(".py") ? PeerProcess.python(caller) : PeerProcess.node(caller);
		try (PeerProcess peer = builder
			.args("--url", fox.url(), "--realm", fox.realm(), "--serializer", "json", "--skip",
					String.join(",", FoxWampRouter.UNSUPPORTED_CHECKS))
			.start()) {
			int exit = peer.awaitExit(TIMEOUT.multipliedBy(3));
			CheckReport report = CheckReport.parse(peer.output());
			assertThat(report.checks(Outcome.FAIL)).as(report.failureDescription()).isEmpty();
			assertThat(report.checks(Outcome.PASS)).contains("join", "echo_args", "echo_kwargs", "echo_unicode", "add2",
					"progressive", "error_any", "no_such_procedure", "pubsub_relay");
			assertThat(exit).isZero();
		}
	}

	@Test
	void javaClientAuthenticatesWithATicket() {
		try (FoxWampRouter secured = FoxWampRouter.builder().ticket("joe", "joe-ticket").build().start()) {
			WampClient joe = connect(ClientOptions.builder(secured.url(), secured.realm())
				.authid("joe")
				.authenticator(new TicketAuthenticator("joe-ticket")));
			assertThat(joe.sessionInfo().authid()).isEqualTo("joe");
			assertThat(joe.sessionInfo().authmethod()).isEqualTo("ticket");
			joe.close().block(TIMEOUT);
		}
	}

	@Test
	void javaClientRejoinsAndRestoresItsRegistrationsAfterFoxWampRestarts() {
		ReconnectOptions fast = ReconnectOptions.builder()
			.backoff(BackoffStrategy.fixed(Duration.ofMillis(200)))
			.maxRetries(-1)
			.build();
		WampClient callee = connect(ClientOptions.builder(fox.url(), fox.realm()).reconnect(fast));
		WampClient caller = connect(ClientOptions.builder(fox.url(), fox.realm()).reconnect(fast));
		JavaCallee.registerAll(callee, "restart").block(TIMEOUT);
		assertThat(caller.call("restart.add2", List.of(1, 2)).block(TIMEOUT).args()).containsExactly(3L);

		fox.restart();

		// Calls fail cleanly until both sessions are back with the registrations
		// restored.
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
			CallResult result = caller.call("restart.add2", List.of(20, 22)).block(TIMEOUT);
			return result != null && result.args().equals(List.of(42L));
		});
		List<WampEvent> pongs = new CopyOnWriteArrayList<>();
		caller.subscribe("restart.pong", SubscribeOptions.defaults(), pongs::add).block(TIMEOUT);
		caller.publish("restart.ping", List.of("again"), Map.of(), PublishOptions.acknowledged()).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> pongs.size() == 1);
	}

	private WampClient connect(ClientOptions.Builder options) {
		WampClient client = WampClient.create(options.build());
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

}
