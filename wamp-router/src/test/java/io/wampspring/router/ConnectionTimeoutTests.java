package io.wampspring.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.realm.RouterMetrics;
import io.wampspring.router.test.RawSocketClient;
import io.wampspring.router.test.RawWebSocket;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection that never finishes opening is closed within its timeout, over real
 * sockets: TCP without the WebSocket upgrade (or half of it), a WebSocket without HELLO,
 * TCP without the RawSocket handshake, a RawSocket without HELLO, a CHALLENGE never
 * answered. A session that opens in time is not disturbed by the timers.
 */
@Timeout(30)
class ConnectionTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	// Generous for a loaded machine; the timers themselves are 300 ms.
	private static final Duration CLOSED_WITHIN = Duration.ofSeconds(5);

	@RegisterExtension
	static final RouterFixture fixture = RouterFixture.withLimits(RouterLimits.builder()
		.openTimeout(TIMEOUT)
		.helloTimeout(TIMEOUT)
		.authenticateTimeout(TIMEOUT)
		.keepAliveInterval(Duration.ZERO)
		.build(), RealmConfig.builder("secure").user("joe", "user", "joe-secret").build());

	private static RouterMetrics metrics() {
		return fixture.router().metrics();
	}

	@Test
	void tcpWithoutWebSocketUpgradeIsClosed() throws Exception {
		long before = metrics().openTimeouts();
		long start = System.nanoTime();
		try (RawWebSocket silent = new RawWebSocket(fixture.router().webSocketPort())) {
			assertThat(silent.awaitClosed(CLOSED_WITHIN)).isTrue();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50));
		assertThat(metrics().openTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void halfAnUpgradeRequestIsClosed() throws Exception {
		long before = metrics().openTimeouts();
		try (RawWebSocket slow = new RawWebSocket(fixture.router().webSocketPort())) {
			// A slowloris client: the request headers never end.
			byte[] head = RawWebSocket.requestHead("/ws").getBytes(StandardCharsets.US_ASCII);
			slow.write(head, head.length);
			assertThat(slow.awaitClosed(CLOSED_WITHIN)).isTrue();
		}
		assertThat(metrics().openTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void webSocketWithoutHelloIsAborted() {
		long before = metrics().helloTimeouts();
		TestPeer silent = fixture.connect();
		Abort abort = silent.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.TIMEOUT);
		assertThat((String) abort.details().get("message"))
			.isEqualTo("no HELLO within 300 ms of the connection opening");
		assertThat(silent.awaitClosed()).isTrue();
		assertThat(metrics().helloTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void tcpWithoutRawSocketHandshakeIsClosed() throws Exception {
		long before = metrics().openTimeouts();
		try (RawSocketClient silent = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.JSON)) {
			// Half a handshake.
			silent.write(new byte[] { 0x7F, (byte) 0xF1 }, 2);
			assertThat(silent.awaitClosed(CLOSED_WITHIN)).isTrue();
		}
		assertThat(metrics().openTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void rawSocketWithoutHelloIsAborted() throws Exception {
		long before = metrics().helloTimeouts();
		try (RawSocketClient silent = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.MSGPACK)) {
			assertThat(silent.handshake().isError()).isFalse();
			Abort abort = (Abort) silent.receive();
			assertThat(abort.reason()).isEqualTo(WampUris.TIMEOUT);
			assertThat(silent.awaitClosed(CLOSED_WITHIN)).isTrue();
		}
		assertThat(metrics().helloTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void challengeNeverAnsweredIsAborted() {
		long before = metrics().authenticateTimeouts();
		TestPeer peer = fixture.connect();
		peer.send(TestPeer.hello("secure", Map.of("authid", "joe", "authmethods", List.of("ticket"))));
		peer.expect(Challenge.class);
		Abort abort = peer.expectAbort();
		assertThat(abort.reason()).isEqualTo(WampUris.TIMEOUT);
		assertThat((String) abort.details().get("message")).isEqualTo("no AUTHENTICATE within 300 ms of the CHALLENGE");
		assertThat(peer.awaitClosed()).isTrue();
		assertThat(metrics().authenticateTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void sessionsThatOpenInTimeAreLeftAlone() {
		TestPeer anonymous = fixture.connect();
		anonymous.join("realm1");
		TestPeer joe = fixture.connect();
		assertThat(joe.joinWithTicket("secure", "joe", "joe-secret"))
			.isInstanceOf(io.wampspring.core.message.Welcome.class);
		// Several times every timeout: the cancelled timers must not fire.
		await().during(TIMEOUT.multipliedBy(4))
			.atMost(CLOSED_WITHIN)
			.until(() -> !anonymous.isClosed() && !joe.isClosed());
		for (TestPeer peer : List.of(anonymous, joe)) {
			peer.call("wamp.session.count", Map.of());
			WampMessage answer = peer.next();
			assertThat(answer).isInstanceOf(Result.class);
		}
	}

}
