package io.wampspring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.codec.WampCodec;

/**
 * Plain wamp-client sessions of the tests, closed together.
 */
final class TestClients implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<WampClient> clients = new ArrayList<>();

	/**
	 * A port that was free a moment ago. The service session's URL holds the router's
	 * WebSocket port, so that port must be known before the context starts (0 is resolved
	 * only once the router listens, after the session's options are built).
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WampClient anonymous(String url) {
		return anonymous(url, "realm1");
	}

	WampClient anonymous(String url, String realm) {
		return join(ClientOptions.builder(url, realm).build());
	}

	WampClient ticket(String url, String authid, String ticket) {
		return join(ClientOptions.builder(url, "realm1")
			.authid(authid)
			.authenticator(new TicketAuthenticator(ticket))
			.build());
	}

	WampClient anonymous(String url, WampCodec codec) {
		WampTransport transport = url.startsWith("ws") ? WebSocketTransport.builder(url).serializers(codec).build()
				: RawSocketTransport.builder(url).serializers(codec).build();
		return join(ClientOptions.builder(transport, "realm1").build());
	}

	private WampClient join(ClientOptions options) {
		WampClient client = WampClient.create(options);
		this.clients.add(client);
		client.connect().block(TIMEOUT);
		return client;
	}

	@Override
	public void close() {
		for (WampClient client : this.clients) {
			client.close().block(TIMEOUT);
		}
		this.clients.clear();
	}

}
