package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Result;
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
 * The bytes held for messages that have not completely arrived, over real sockets: one
 * connection may hold at most one message (WebSocket fragments included), all connections
 * together at most their budget; the connection that would pass it is closed and the
 * others go on.
 */
@Timeout(60)
class IncompleteMessageTests {

	private static final int MAX_MESSAGE = 64 * 1024;

	private static final long BUDGET = 256 * 1024;

	private static final int HALF = 40 * 1024;

	private static final Duration WAIT = Duration.ofSeconds(5);

	@RegisterExtension
	static final RouterFixture fixture = RouterFixture.withLimits(RouterLimits.builder()
		.maxMessageSize(MAX_MESSAGE)
		.maxIncompleteMessageBytes(BUDGET)
		.helloTimeout(Duration.ofMinutes(1))
		.keepAliveInterval(Duration.ZERO)
		.build());

	private static long held() {
		return fixture.router().metrics().incompleteMessageBytes();
	}

	@Test
	void aWebSocketFrameAboveTheLimitIsRefusedAsItArrives() throws Exception {
		try (RawWebSocket big = new RawWebSocket(fixture.router().webSocketPort())) {
			big.upgrade("/ws");
			// The header announces less than Netty's own limit; the guard stops at ours.
			big.header(RawWebSocket.TEXT, true, MAX_MESSAGE + HALF);
			byte[] chunk = new byte[HALF];
			big.write(chunk, chunk.length);
			big.write(chunk, chunk.length);
			String abort = big.readFrame().text();
			assertThat(abort).contains(WampUris.PROTOCOL_VIOLATION).contains("exceeds the limit of 65536 bytes");
			assertThat(big.awaitClosed(WAIT)).isTrue();
		}
		await().atMost(WAIT).until(() -> held() == 0);
	}

	@Test
	void webSocketFragmentsCountUntilTheLastOne() throws Exception {
		try (RawWebSocket fragments = new RawWebSocket(fixture.router().webSocketPort())) {
			fragments.upgrade("/ws");
			byte[] chunk = new byte[HALF];
			// Each fragment is complete; together they pass the limit.
			fragments.header(RawWebSocket.TEXT, false, chunk.length);
			fragments.write(chunk, chunk.length);
			await().atMost(WAIT).until(() -> held() >= HALF);
			fragments.header(RawWebSocket.CONTINUATION, false, chunk.length);
			fragments.write(chunk, chunk.length);
			assertThat(fragments.readFrame().text()).contains("exceeds the limit of 65536 bytes");
			assertThat(fragments.awaitClosed(WAIT)).isTrue();
		}
		await().atMost(WAIT).until(() -> held() == 0);
	}

	@Test
	void connectionsThatWouldPassTheRouterBudgetAreClosedAndTheOthersGoOn() throws Exception {
		long closuresBefore = fixture.router().metrics().incompleteMessageClosures();
		TestPeer healthy = fixture.connect();
		healthy.join("realm1");
		List<AutoCloseable> connections = new ArrayList<>();
		List<Integer> refused = new ArrayList<>();
		byte[] half = new byte[HALF];
		try {
			for (int i = 0; i < 8; i++) {
				long before = held();
				if (i % 2 == 0) {
					RawWebSocket ws = new RawWebSocket(fixture.router().webSocketPort());
					connections.add(ws);
					ws.upgrade("/ws");
					ws.header(RawWebSocket.TEXT, true, MAX_MESSAGE - 100);
					ws.write(half, half.length);
				}
				else {
					RawSocketClient raw = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.JSON);
					connections.add(raw);
					raw.handshake();
					raw.header(RawSocket.MESSAGE, MAX_MESSAGE - 100);
					raw.write(half, half.length);
				}
				// Either the router holds this connection's half message, or it closed
				// the connection.
				int index = i;
				await().atMost(WAIT)
					.until(() -> held() >= before + HALF
							|| fixture.router().metrics().incompleteMessageClosures() > closuresBefore
									+ refused.size());
				if (fixture.router().metrics().incompleteMessageClosures() > closuresBefore + refused.size()) {
					refused.add(index);
				}
				assertThat(held()).isLessThanOrEqualTo(BUDGET);
			}
			// Six halves (about 240 KiB) fit in 256 KiB; the seventh and eighth do not.
			assertThat(refused).containsExactly(6, 7);
			RawSocketClient seventh = (RawSocketClient) connections.get(7);
			Abort abort = (Abort) seventh.receive();
			assertThat(abort.reason()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
			assertThat((String) abort.details().get("message")).contains("budget of 262144 bytes");
			assertThat(seventh.awaitClosed(WAIT)).isTrue();
			// The other sessions go on.
			healthy.call("wamp.session.count", Map.of());
			assertThat(healthy.expect(Result.class).args()).isNotEmpty();
			assertThat(fixture.router().metrics().incompleteMessageClosures()).isEqualTo(closuresBefore + 2);
		}
		finally {
			for (AutoCloseable connection : connections) {
				connection.close();
			}
		}
		await().atMost(WAIT).until(() -> held() == 0);
	}

}
