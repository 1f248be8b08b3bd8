package io.wampspring.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.PublishOptions;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.peer.WampPeers;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shutdown order with Spring Boot's graceful web server shutdown: the procedures are
 * unregistered first, then the HTTP requests in flight drain, and only then do the WAMP
 * sessions leave, so that a request still draining can use WAMP.
 */
class GracefulShutdownTests {

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CompletableFuture<Void> gate = new CompletableFuture<>();

	@Test
	void anHttpRequestDrainingAtShutdownStillPublishesThroughWamp() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.initializers((ApplicationContextInitializer<GenericApplicationContext>) (app) -> app
				.registerBean("drainingRoute", RouterFunction.class, () -> drainingRoute(app)))
			.run("--server.port=0", "--server.shutdown=graceful", "--spring.lifecycle.timeout-per-shutdown-phase=20s",
					"--wamp.embedded-router.port=" + TestClients.freePort(),
					"--wamp.embedded-router.raw-socket-port=0");
		Thread closing = new Thread(context::close, "closing-context");
		try {
			WampPeers peers = context.getBean(WampPeers.class);
			await().atMost(TestClients.TIMEOUT).until(() -> peers.defaultPeer().isJoined());
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			CompletableFuture<HttpResponse<String>> response = http
				.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/drain"))
					.timeout(TestClients.TIMEOUT.multipliedBy(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(this.entered.await(TestClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

			closing.start();
			WampEndpointRegistry registry = context.getBean(WampEndpointRegistry.class);
			// the drain has begun once the server stops accepting connections
			await().atMost(TestClients.TIMEOUT).until(() -> !registry.isRunning() && !accepts(port));
			this.gate.complete(null);

			HttpResponse<String> answer = response.get(TestClients.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).startsWith("published ");
			closing.join(TestClients.TIMEOUT.multipliedBy(2).toMillis());
			assertThat(closing.isAlive()).isFalse();
			assertThat(peers.defaultPeer().isRunning()).isFalse();
		}
		finally {
			this.gate.complete(null);
			if (!closing.isAlive()) {
				context.close();
			}
		}
	}

	/**
	 * Holds the request until the test opens the gate, then publishes with
	 * acknowledgement.
	 */
	private RouterFunction<ServerResponse> drainingRoute(GenericApplicationContext app) {
		return RouterFunctions.route().GET("/drain", (request) -> {
			this.entered.countDown();
			WampOperations wamp = app.getBean(WampOperations.class);
			return Mono.fromFuture(this.gate)
				.then(wamp.publish("com.example.onhello", List.of("draining"), Map.of(),
						PublishOptions.builder().acknowledge(true).build()))
				.flatMap((publication) -> ServerResponse.ok().bodyValue("published " + publication));
		}).build();
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
