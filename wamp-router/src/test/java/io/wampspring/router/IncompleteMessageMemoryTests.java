package io.wampspring.router;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Result;
import io.wampspring.core.rawsocket.RawSocket;
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
 * The attack of issue 10 with the default limits: 60 connections (30 WebSocket, 30
 * RawSocket) each send half of a maximum-size message (8 MiB of 16 MiB) and stop. The
 * router holds at most its budget of incomplete messages (64 MiB), closes the connections
 * beyond it, and a healthy session goes on. Prints the router's accounting, Netty's
 * direct memory, the heap after GC and the process's RSS before and after.
 */
@Timeout(120)
class IncompleteMessageMemoryTests {

	private static final int CONNECTIONS = 60;

	private static final int HALF = 8 * 1024 * 1024;

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final RouterFixture fixture = RouterFixture.withLimits(
			RouterLimits.builder().helloTimeout(Duration.ofMinutes(1)).keepAliveInterval(Duration.ZERO).build());

	@Test
	void sixtyHalfSentMaximumMessagesStayWithinTheBudget() throws Exception {
		RouterLimits limits = fixture.router().core().limits();
		TestPeer healthy = fixture.connect();
		healthy.join("realm1");
		Memory before = Memory.measure();
		long closuresBefore = metrics().incompleteMessageClosures();
		byte[] half = new byte[HALF];
		List<AutoCloseable> connections = new ArrayList<>();
		int held = 0;
		try {
			for (int i = 0; i < CONNECTIONS; i++) {
				long heldBefore = metrics().incompleteMessageBytes();
				long refusedBefore = metrics().incompleteMessageClosures();
				try {
					if (i % 2 == 0) {
						RawWebSocket ws = new RawWebSocket(fixture.router().webSocketPort());
						connections.add(ws);
						ws.upgrade("/ws");
						ws.header(RawWebSocket.TEXT, true, limits.maxMessageSize());
						ws.write(half, half.length);
					}
					else {
						RawSocketClient raw = new RawSocketClient(fixture.router().rawSocketPort(), WampCodecs.JSON);
						connections.add(raw);
						raw.handshake();
						raw.header(RawSocket.MESSAGE, RawSocket.MAX_FRAME_LENGTH);
						raw.write(half, half.length);
					}
				}
				catch (IOException ex) {
					// The router closed the connection while the half message was being
					// written.
				}
				await().atMost(Duration.ofSeconds(20))
					.until(() -> metrics().incompleteMessageBytes() >= heldBefore + HALF
							|| metrics().incompleteMessageClosures() > refusedBefore);
				if (metrics().incompleteMessageClosures() == refusedBefore) {
					held++;
				}
				assertThat(metrics().incompleteMessageBytes()).isLessThanOrEqualTo(limits.maxIncompleteMessageBytes());
			}
			Memory during = Memory.measure();
			RouterMetrics metrics = metrics();
			System.out.printf("incomplete messages: %d connections, %d held, %d closed by the budget%n", CONNECTIONS,
					held, metrics.incompleteMessageClosures() - closuresBefore);
			System.out.printf("router accounting: %d MiB held (budget %d MiB)%n",
					metrics.incompleteMessageBytes() / MIB, limits.maxIncompleteMessageBytes() / MIB);
			System.out.printf("before: %s%nduring: %s%n", before, during);
			// Seven halves fit in 64 MiB with their frame headers; the other 53
			// connections are closed.
			assertThat(held).isEqualTo(7);
			assertThat(metrics.incompleteMessageClosures() - closuresBefore).isEqualTo(CONNECTIONS - held);
			assertThat(metrics.incompleteMessageBytes()).isLessThanOrEqualTo(limits.maxIncompleteMessageBytes());
			// Netty's buffers grew by what the router holds, not by 60 half messages (480
			// MiB).
			assertThat(during.direct - before.direct).isLessThan(limits.maxIncompleteMessageBytes() + 32 * MIB);
			assertThat(during.heap - before.heap).isLessThan(32 * MIB);
			healthy.call("wamp.session.count", Map.of());
			assertThat(healthy.expect(Result.class).args()).isNotEmpty();
		}
		finally {
			for (AutoCloseable connection : connections) {
				connection.close();
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> metrics().incompleteMessageBytes() == 0);
		System.out.printf("after closing: %s%n", Memory.measure());
	}

	private static RouterMetrics metrics() {
		return fixture.router().metrics();
	}

	/** Memory of this JVM (router and test clients). */
	record Memory(long heap, long direct, long rss) {

		static Memory measure() throws IOException {
			for (int i = 0; i < 3; i++) {
				System.gc();
			}
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			long direct = (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider)
					? provider.metric().usedDirectMemory() : -1;
			long rss = -1;
			Path status = Path.of("/proc/self/status");
			if (Files.isReadable(status)) {
				for (String line : Files.readAllLines(status)) {
					if (line.startsWith("VmRSS:")) {
						rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
					}
				}
			}
			return new Memory(heap, direct, rss);
		}

		@Override
		public String toString() {
			return "heap after GC " + this.heap / MIB + " MiB, Netty direct " + this.direct / MIB + " MiB, RSS "
					+ this.rss / MIB + " MiB";
		}

	}

}
