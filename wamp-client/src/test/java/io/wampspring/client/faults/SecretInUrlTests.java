package io.wampspring.client.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.Clients;
import io.wampspring.client.support.LogCapture;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.client.support.SilentRouter;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WampTransports;
import io.wampspring.client.transport.WebSocketTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router URL with a password ({@code ws://user:s3cret@host/ws}) through every path that
 * names the router: joined, refused, silent, over TLS to a plain socket, RawSocket, URLs
 * that do not parse. The password appears in no log line (debug included, Reactor Netty's
 * too), no state event, no exception (message, cause or stack trace) and no
 * {@code toString()} of the client, its options or its transport; the user name does, so
 * the address stays recognizable.
 */
@Timeout(60)
class SecretInUrlTests {

	private static final String SECRET = "s3cret";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Clients clients = new Clients();

	private final List<SessionStateEvent> events = new CopyOnWriteArrayList<>();

	private final List<Disposable> listening = new CopyOnWriteArrayList<>();

	// everything else that may show the URL: exceptions and toString()s
	private final List<String> shown = new ArrayList<>();

	private LogCapture logs;

	@BeforeEach
	void capture() {
		this.logs = LogCapture.startWithDebug("reactor.netty");
	}

	@AfterEach
	void stop() {
		this.clients.close();
		this.listening.forEach(Disposable::dispose);
		this.logs.close();
	}

	@Test
	void thePasswordOfARouterUrlIsShownNowhere() throws IOException {
		try (ScriptedRouter router = new ScriptedRouter().start()) {
			String url = withUser(router.url());
			WampClient client = client(WampTransports.forUrl(url));
			client.connect().block(WAIT);
			show(client.call("com.example.missing").onErrorResume((error) -> {
				show(error);
				return Mono.empty();
			}).block(WAIT));
			show(client, client.options(), client.options().transport(), client.sessionInfo());
			show(client.options().transport().describe());
		}
		try (SilentRouter silent = new SilentRouter(SilentRouter.Mode.WEBSOCKET_NO_WELCOME)) {
			failToConnect(WampTransports.forUrl(withUser(silent.url())));
			failToConnect(WebSocketTransport.builder(withUser(silent.url()).replace("ws://", "wss://")).build());
		}
		try (SilentRouter silent = new SilentRouter(SilentRouter.Mode.RAWSOCKET_NO_HANDSHAKE)) {
			failToConnect(
					RawSocketTransport.builder(withUser(silent.url())).connectTimeout(Duration.ofMillis(200)).build());
		}
		failToConnect(WampTransports.forUrl("ws://user:" + SECRET + "@127.0.0.1:" + freePort() + "/ws"));
		failToConnect(WampTransports.forUrl("tcp://user:" + SECRET + "@127.0.0.1:" + freePort()));
		for (String bad : List.of("ws://user:" + SECRET + "@bad host/ws", "ftp://user:" + SECRET + "@host/ws",
				"tcp://user:" + SECRET + "@host", "ws://user:" + SECRET + "@[::1/ws")) {
			try {
				show(WampTransports.forUrl(bad));
			}
			catch (IllegalArgumentException ex) {
				show(ex);
			}
		}

		assertThat(this.shown).as("exceptions and toString()").isNotEmpty().noneMatch((text) -> text.contains(SECRET));
		assertThat(this.shown).anyMatch((text) -> text.contains("user:***@127.0.0.1"));
		assertThat(this.events).isNotEmpty().allSatisfy((event) -> {
			assertThat(String.valueOf(event.reason())).doesNotContain(SECRET);
			assertThat(text(event.error())).doesNotContain(SECRET);
			assertThat(event.toString()).doesNotContain(SECRET);
		});
		List<String> lines = this.logs.lines();
		assertThat(lines).anyMatch((line) -> line.contains("connecting to ws://user:***@127.0.0.1"));
		// Reactor Netty's debug lines were captured as well
		assertThat(lines).anyMatch((line) -> line.startsWith("DEBUG reactor.netty"));
		assertThat(lines).noneMatch((line) -> line.contains(SECRET));
	}

	private WampClient client(WampTransport transport) {
		WampClient client = this.clients.create(ClientOptions.builder(transport, "realm1")
			.limits(ClientLimits.defaults().mutate().joinTimeout(Duration.ofMillis(150)).build())
			.reconnect(ReconnectOptions.builder()
				.maxRetries(1)
				.backoff(BackoffStrategy.fixed(Duration.ofMillis(10)))
				.build())
			.build());
		this.listening.add(client.stateEvents().subscribe(this.events::add));
		return client;
	}

	// connect, fail (after one retry), remember the failure
	private void failToConnect(WampTransport transport) {
		WampClient client = client(transport);
		Throwable failure = client.connect()
			.map((info) -> (Throwable) new AssertionError("joined " + info))
			.onErrorResume(Mono::just)
			.block(WAIT);
		assertThat(failure).isNotInstanceOf(AssertionError.class);
		show(failure);
		show(client, client.options(), transport);
	}

	private void show(Object... things) {
		for (Object thing : things) {
			this.shown.add((thing instanceof Throwable error) ? text(error) : String.valueOf(thing));
		}
	}

	// a failure as a stack trace shows it: every message, cause and suppressed exception
	private static String text(Throwable error) {
		if (error == null) {
			return "";
		}
		StringWriter trace = new StringWriter();
		error.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	private static String withUser(String url) {
		return url.replace("://", "://user:" + SECRET + "@");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
