package io.wampspring.client.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.router.WampRouter;
import reactor.core.publisher.Flux;

/**
 * The clients of one test, closed together after it, and the embedded router most tests
 * talk to.
 */
public final class Clients implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	/**
	 * An embedded router with the open realm {@code realm1} on a WebSocket port of
	 * 127.0.0.1 chosen by the OS, started.
	 * @return the router
	 */
	public static WampRouter embeddedRouter() {
		return WampRouter.builder().realm("realm1").webSocket("127.0.0.1", 0, "/ws").build().start();
	}

	/**
	 * Create a client that {@link #close()} closes.
	 * @param options the options
	 * @return the client, not connected
	 */
	public WampClient create(ClientOptions options) {
		WampClient client = WampClient.create(options);
		this.clients.add(client);
		return client;
	}

	/**
	 * Create a client and wait until it joined.
	 * @param options the options
	 * @return the joined client
	 */
	public WampClient connect(ClientOptions options) {
		WampClient client = create(options);
		client.connect().block(WAIT);
		return client;
	}

	/**
	 * Close every client, at the same time.
	 */
	@Override
	public void close() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(WAIT);
		this.clients.clear();
	}

}
