package io.wampspring.router;

import java.time.Duration;
import java.util.Map;

import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.router.config.RouterLimits;
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
 * The keep-alive over real sockets: after a silence the router pings (WebSocket ping,
 * RawSocket PING); a client that answers stays, one that does not is closed.
 */
@Timeout(30)
class KeepAliveTests {

	private static final Duration INTERVAL = Duration.ofMillis(300);

	private static final Duration CLOSED_WITHIN = Duration.ofSeconds(5);

	@RegisterExtension
	static final RouterFixture fixture = RouterFixture.withLimits(RouterLimits.builder()
		.keepAliveInterval(INTERVAL)
		.keepAliveTimeout(INTERVAL)
		// Only the keep-alive may close the connections of these tests.
		.helloTimeout(Duration.ofMinutes(1))
		.build());

	private static long keepAliveTimeouts() {
		return fixture.router().metrics().keepAliveTimeouts();
	}

	@Test
	void silentWebSocketIsPingedThenClosed() throws Exception {
		long before = keepAliveTimeouts();
		try (RawWebSocket silent = new RawWebSocket(fixture.router().webSocketPort())) {
			silent.upgrade("/ws");
			assertThat(silent.readFrame().opcode()).isEqualTo(RawWebSocket.PING);
			assertThat(silent.awaitClosed(CLOSED_WITHIN)).isTrue();
		}
		assertThat(keepAliveTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void webSocketThatAnswersPingsStays() {
		// Reactor Netty's client answers pings, as every WebSocket client must.
		TestPeer peer = fixture.connect();
		peer.join("realm1");
		long before = keepAliveTimeouts();
		await().during(INTERVAL.multipliedBy(6)).atMost(CLOSED_WITHIN).until(() -> !peer.isClosed());
		peer.call("wamp.session.count", Map.of());
		assertThat(peer.next()).isInstanceOf(Result.class);
		assertThat(keepAliveTimeouts()).isEqualTo(before);
	}

	@Test
	void silentRawSocketIsPingedThenClosed() throws Exception {
		long before = keepAliveTimeouts();
		try (RawSocketClient silent = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.JSON)) {
			silent.handshake();
			assertThat(RawSocket.frameType(silent.readHeader())).isEqualTo(RawSocket.PING);
			assertThat(silent.awaitClosed(CLOSED_WITHIN)).isTrue();
		}
		assertThat(keepAliveTimeouts()).isEqualTo(before + 1);
	}

	@Test
	void rawSocketThatAnswersPingsStays() throws Exception {
		long before = keepAliveTimeouts();
		try (RawSocketClient client = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.CBOR)) {
			client.handshake();
			int pings = 0;
			long end = System.nanoTime() + INTERVAL.multipliedBy(6).toNanos();
			while (System.nanoTime() < end) {
				int header = client.readHeader();
				assertThat(RawSocket.frameType(header)).isEqualTo(RawSocket.PING);
				byte[] payload = new byte[RawSocket.frameLength(header)];
				client.input().readFully(payload);
				client.header(RawSocket.PONG, payload.length);
				client.write(payload, payload.length);
				pings++;
			}
			assertThat(pings).isGreaterThanOrEqualTo(2);
			client.send(TestPeer.hello("realm1", Map.of()));
			assertThat(client.receive()).isInstanceOf(Welcome.class);
		}
		assertThat(keepAliveTimeouts()).isEqualTo(before);
	}

}
