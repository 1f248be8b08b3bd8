package io.wampspring.router.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContext;
import io.wampspring.router.realm.RouterCore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * The RawSocket listener over TCP, on Reactor Netty's event loops. Each connection gets a
 * {@link ConnectionGuard} (timeouts, keep-alive, incomplete-message budgets) and a
 * {@link RawSocketHandler} that does the handshake and the framing.
 */
public final class RawSocketListener {

	private static final Logger logger = LoggerFactory.getLogger(RawSocketListener.class);

	private final RouterCore core;

	private final SocketAddress address;

	private final @Nullable SslContext ssl;

	private @Nullable DisposableServer server;

	/**
	 * Create a listener.
	 * @param core the router core
	 * @param address where to bind: an {@link InetSocketAddress} (port 0 for an ephemeral
	 * one) or a {@link DomainSocketAddress} (a Unix socket, Linux with epoll)
	 * @param ssl TLS for TCP listeners, or null
	 */
	public RawSocketListener(RouterCore core, SocketAddress address, @Nullable SslContext ssl) {
		this.core = core;
		this.address = address;
		this.ssl = ssl;
	}

	/**
	 * Bind the server.
	 * @param timeout how long to wait for the bind
	 */
	public void start(Duration timeout) {
		TcpServer tcp = TcpServer.create().bindAddress(() -> this.address);
		if (this.ssl != null) {
			SslContext context = this.ssl;
			tcp = tcp.secure((spec) -> spec.sslContext(context));
		}
		this.server = tcp
			.doOnChannelInit((observer, channel, remote) -> ConnectionGuard.install(channel, this.core,
					ConnectionGuard.RAWSOCKET))
			.doOnConnection(
					(connection) -> connection.addHandlerLast("wamp-rawsocket", new RawSocketHandler(this.core)))
			// Subscribing to the inbound keeps reads flowing; the RawSocket handler
			// consumes every byte.
			.handle((in, out) -> in.receive().then())
			.bindNow(timeout);
		logger.info("WAMP RawSocket listener on {}", this.server.address());
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
		if (!(current.address() instanceof InetSocketAddress inet)) {
			throw new IllegalStateException("the RawSocket listener is bound to a Unix socket, not a port");
		}
		return inet.getPort();
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
