package io.wampspring.router;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Subscribe;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that stops reading is disconnected once too much waits for it; the
 * publisher and the router go on.
 */
class SlowConsumerTests {

	@Test
	void disconnectsAClientThatStopsReading() throws Exception {
		WampRouter router = WampRouter.builder()
			.realm("realm1")
			.limits(new RouterLimits(64 * 1024, 100, 100, 100, 256 * 1024))
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
		try (Socket slow = new Socket(); TestPeer publisher = TestPeer.connect(router.webSocketUrl())) {
			slow.setReceiveBufferSize(4096);
			slow.connect(new InetSocketAddress("127.0.0.1", router.rawSocketPort()));
			DataOutputStream out = new DataOutputStream(slow.getOutputStream());
			DataInputStream in = new DataInputStream(slow.getInputStream());
			out.write(new byte[] { 0x7F, (byte) 0xF1, 0, 0 });
			for (var message : new io.wampspring.core.message.WampMessage[] { TestPeer.hello("realm1", Map.of()),
					new Subscribe(1, Map.of(), "com.slow.topic") }) {
				byte[] bytes = WampCodecs.JSON.encode(message);
				out.writeInt(bytes.length);
				out.write(bytes);
			}
			out.flush();
			in.readFully(new byte[4]);
			for (int i = 0; i < 2; i++) {
				in.readFully(new byte[in.readInt() & 0xFFFFFF]);
			}
			publisher.join("realm1");
			assertThat(router.metrics().sessions()).isEqualTo(2);
			String payload = "x".repeat(8 * 1024);
			// The slow client stops reading here.
			for (int i = 0; i < 4000 && router.metrics().sessions() == 2; i++) {
				publisher.publish("com.slow.topic", Map.of(), payload);
			}
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (router.metrics().sessions() != 1 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(router.metrics().sessions()).isEqualTo(1);
			publisher.publish("com.slow.topic", Map.of("acknowledge", true), "still here");
			assertThat(publisher.expect(Published.class)).isNotNull();
		}
		finally {
			router.stop();
		}
	}

}
