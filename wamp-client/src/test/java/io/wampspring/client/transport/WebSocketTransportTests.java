package io.wampspring.client.transport;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketTransportTests {

	@Test
	void connectTimesOutWhenTheServerNeverAnswersTheHandshake() throws Exception {
		// the kernel completes the TCP handshake from the backlog; nobody ever answers
		// the upgrade
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			WebSocketTransport transport = WebSocketTransport.builder("ws://127.0.0.1:" + silent.getLocalPort() + "/ws")
				.connectTimeout(Duration.ofMillis(300))
				.build();
			StepVerifier.create(transport.connect()).expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(TimeoutException.class);
				assertThat(error.getMessage()).contains("300 ms", "ws://127.0.0.1");
			}).verify(Duration.ofSeconds(5));
		}
	}

}
