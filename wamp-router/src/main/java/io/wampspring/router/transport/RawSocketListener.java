package io.wampspring.router.transport;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.wampspring.router.realm.RouterCore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * The RawSocket listener over TCP, on Reactor Netty's event loops. Each connection gets a
 * {@link RawSocketHandler} that does the handshake and the framing.
 */
public final class RawSocketListener {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketListener.class);

	private final RouterCore core;

	private final String host;

	private final int port;

	private @Nullable DisposableServer server;

	/**
	 * Create a listener.
	 * @param core the router core
	 * @param host the host to bind
	 * @param port the port, 0 for an ephemeral one
	 */
	public RawSocketListener(RouterCore core, String host, int port) {
		this.core = core;
		this.host = host;
		this.port = port;
	}

	/**
	 * Bind the server.
	 * @param timeout how long to wait for the bind
	 */
	public void start(Duration timeout) {
		this.server = TcpServer.create()
			.host(this.host)
			.port(this.port)
			.doOnConnection((connection) -> connection.addHandlerLast("wamp-rawsocket", new RawSocketHandler(this.core)))
			// Subscribing to the inbound keeps reads flowing; the RawSocket handler consumes every byte.
			.handle((in, out) -> in.receive().then())
			.bindNow(timeout);
		logger.info("WAMP RawSocket listener on tcp://{}:{}", this.host, boundPort());
	}

	/**
	 * The port the server is bound to.
	 * @return the port
	 */
	public int boundPort() {
		DisposableServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("the RawSocket listener is not started");
		}
		return ((InetSocketAddress) current.address()).getPort();
	}

	/**
	 * Stop the server.
	 * @param timeout how long to wait
	 */
	public void stop(Duration timeout) {
		DisposableServer current = this.server;
		if (current != null) {
			current.disposeNow(timeout);
			this.server = null;
		}
	}

}
