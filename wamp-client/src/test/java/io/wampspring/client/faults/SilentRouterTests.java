package io.wampspring.client.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.LogCapture;
import io.wampspring.client.support.SilentRouter;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WampTransports;
import io.wampspring.client.transport.WebSocketTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A router that accepts the socket and then stays silent is given up within the join
 * timeout (or, before the RawSocket handshake or the WebSocket upgrade, the connect
 * timeout) and retried, and every socket the client opened is closed when its attempt
 * fails: counted at the router's side.
 */
@Timeout(30)
class SilentRouterTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration GIVE_UP = Duration.ofMillis(200);

	private static final int ATTEMPTS = 3;

	private final List<SessionStateEvent> retries = new CopyOnWriteArrayList<>();

	private SilentRouter router;

	private WampClient client;

	private Disposable events;

	@AfterEach
	void stop() {
		if (this.events != null) {
			this.events.dispose();
		}
		if (this.client != null) {
			this.client.close().block(WAIT);
		}
		if (this.router != null) {
			this.router.close();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET_NO_WELCOME", "RAWSOCKET_NO_WELCOME" })
	void aRouterThatNeverAnswersHelloIsGivenUpWithinTheJoinTimeoutAndRetried(SilentRouter.Mode mode) {
		this.router = new SilentRouter(mode);
		List<String> logs = retryAgainstTheSilentRouter(WampTransports.forUrl(this.router.url()));

		assertThat(this.retries).allSatisfy((event) -> assertThat(event.reason())
			.contains("did not answer HELLO within 200 ms", this.router.url()));
		assertThat(logs).anySatisfy((line) -> assertThat(line)
			.contains("the router at " + this.router.url() + " did not answer HELLO within 200 ms"));
	}

	@ParameterizedTest
	@EnumSource(names = { "RAWSOCKET_NO_HANDSHAKE", "WEBSOCKET_NO_UPGRADE" })
	void aRouterThatNeverAnswersTheTransportHandshakeIsGivenUpWithinTheConnectTimeout(SilentRouter.Mode mode) {
		this.router = new SilentRouter(mode);
		boolean rawSocket = mode == SilentRouter.Mode.RAWSOCKET_NO_HANDSHAKE;
		retryAgainstTheSilentRouter(
				rawSocket ? RawSocketTransport.builder(this.router.url()).connectTimeout(GIVE_UP).build()
						: WebSocketTransport.builder(this.router.url()).connectTimeout(GIVE_UP).build());

		assertThat(this.retries).allSatisfy((event) -> assertThat(event.reason()).contains("no "
				+ (rawSocket ? "RawSocket" : "WebSocket") + " connection to " + this.router.url() + " within 200 ms"));
	}

	// Connect, see three attempts fail and their sockets closed, close: the log lines.
	private List<String> retryAgainstTheSilentRouter(WampTransport transport) {
		try (LogCapture logs = LogCapture.start()) {
			retryAndClose(transport);
			assertThat(logs.errorsAndStackTraces()).isEmpty();
			return logs.lines();
		}
	}

	private void retryAndClose(WampTransport transport) {
		this.client = WampClient.create(ClientOptions.builder(transport, "realm1")
			.limits(ClientLimits.defaults().mutate().joinTimeout(GIVE_UP).build())
			.reconnect(ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(50))).build())
			.build());
		this.events = this.client.stateEvents()
			.filter((event) -> event.state() == SessionState.RECONNECTING)
			.subscribe(this.retries::add);
		this.client.connect().subscribe(null, (error) -> {
		});

		await().atMost(WAIT).until(() -> this.retries.size() >= ATTEMPTS && this.router.lifetimes().size() >= ATTEMPTS);
		// each attempt's socket was closed when the attempt gave up, before the next one
		// opened
		assertThat(this.router.maxOpen()).isEqualTo(1);
		assertThat(this.router.lifetimes())
			.allSatisfy((millis) -> assertThat(millis).isLessThan(GIVE_UP.toMillis() + 1_000));
		assertThat(this.client.state()).isIn(SessionState.CONNECTING, SessionState.RECONNECTING);

		this.client.close().block(WAIT);
		await().atMost(WAIT).until(() -> this.router.open() == 0);
	}

}
