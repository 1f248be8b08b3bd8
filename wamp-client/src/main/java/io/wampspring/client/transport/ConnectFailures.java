package io.wampspring.client.transport;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.netty.NettyPipeline;

/**
 * Opening a connection, shared by the socket transports: wait for the transport's own
 * handshake up to the connect timeout, give up cleanly, and turn low-level failures
 * (refused connections, TLS alerts, certificate checks) into a
 * {@link WampTransportException} that names the address and says what happened.
 */
final class ConnectFailures {

	// TLS alerts by which a server says that it did not accept the client's certificate
	private static final Set<String> CLIENT_CERTIFICATE_ALERTS = Set.of("bad_certificate", "certificate_unknown",
			"certificate_required", "unknown_ca", "certificate_expired", "certificate_revoked", "access_denied",
			"unsupported_certificate");

	private ConnectFailures() {
	}

	/**
	 * Open a connection.
	 * @param transport {@code WebSocket} or {@code RawSocket}
	 * @param address the router address
	 * @param timeout the connect timeout
	 * @param secure whether TLS is used, for the messages
	 * @param start starts connecting, hands the channel it opens to the consumer, and
	 * emits the connection to the sink once usable
	 * @return the connection; when it fails, times out or is canceled, the channel it
	 * opened is closed, so that no socket outlives its attempt
	 */
	static Mono<WampConnection> open(String transport, String address, Duration timeout, boolean secure,
			BiFunction<Sinks.One<WampConnection>, Consumer<Channel>, Disposable> start) {
		return Mono.defer(() -> {
			Sinks.One<WampConnection> opened = Sinks.one();
			AtomicReference<@Nullable Channel> channel = new AtomicReference<>();
			AtomicBoolean delivered = new AtomicBoolean();
			Disposable handle = start.apply(opened, channel::set);
			Runnable giveUp = () -> {
				// operators such as flatMap cancel their source even after it emitted:
				// the connection then belongs to the caller and must stay open
				if (delivered.get()) {
					return;
				}
				Channel ch = channel.get();
				if (ch == null) {
					handle.dispose();
				}
				else {
					ch.eventLoop().execute(() -> closeAbandoned(ch, handle));
				}
			};
			return opened.asMono()
				.timeout(timeout,
						Mono.error(() -> new TimeoutException("no " + transport + " connection to " + address
								+ " within " + timeout.toMillis() + " ms")))
				.doOnNext((connection) -> delivered.set(true))
				.onErrorMap((error) -> describe(transport, address, secure, error))
				.doOnError((error) -> giveUp.run())
				// after the cancel reached the sink: a failure that closing the channel
				// emits then finds no subscriber (Reactor would log it as dropped, with a
				// stack trace)
				.doFinally((signal) -> {
					if (signal == SignalType.CANCEL) {
						giveUp.run();
					}
				});
		});
	}

	// Runs on the channel's event loop. Reactor Netty's HTTP client reports the close of
	// a connection whose WebSocket upgrade is still pending as an uncaught error, a WARN
	// with a stack trace ("Connection prematurely closed BEFORE opening handshake is
	// complete"), also when the close comes from disposing the attempt; the attempt is
	// over, so its handler need not hear of the close.
	private static void closeAbandoned(Channel ch, Disposable attempt) {
		if (ch.pipeline().get(NettyPipeline.ReactiveBridge) != null) {
			ch.pipeline().replace(NettyPipeline.ReactiveBridge, "wampAbandoned", new Abandoned());
		}
		attempt.dispose();
		ch.close();
	}

	/**
	 * Stands in for Reactor Netty's handler on a connection the client gave up: drops
	 * what still arrives, and the errors of closing it.
	 */
	private static final class Abandoned extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ReferenceCountUtil.release(msg);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			// the connection is being closed on purpose
		}

	}

	/**
	 * Explain a failure to connect.
	 * @param transport {@code WebSocket} or {@code RawSocket}
	 * @param address the router address
	 * @param secure whether TLS is used
	 * @param error the failure
	 * @return a {@link WampTransportException}, or the error itself when it already says
	 * enough (a timeout, a transport exception)
	 */
	static Throwable describe(String transport, String address, boolean secure, Throwable error) {
		if (error instanceof WampTransportException || error instanceof TimeoutException) {
			return error;
		}
		String problem = problem(transport, secure, error);
		return new WampTransportException(transport, address, problem, error);
	}

	private static String problem(String transport, boolean secure, Throwable error) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable t = error; t != null && chain.size() < 16; t = t.getCause()) {
			chain.add(t);
		}
		Throwable expired = find(chain, CertificateExpiredException.class);
		if (expired != null) {
			return "the router's TLS certificate has expired (" + expired.getMessage()
					+ "); the router needs a renewed certificate";
		}
		Throwable notYetValid = find(chain, CertificateNotYetValidException.class);
		if (notYetValid != null) {
			return "the router's TLS certificate is not valid yet (" + notYetValid.getMessage() + ")";
		}
		for (Throwable t : chain) {
			String message = String.valueOf(t.getMessage());
			if (t instanceof CertificateException
					&& (message.contains("No subject alternative") || message.contains("No name matching"))) {
				return "TLS hostname verification failed: the router's certificate is not issued for this host ("
						+ message + ")";
			}
		}
		for (Throwable t : chain) {
			if (t instanceof CertPathBuilderException
					|| String.valueOf(t.getMessage()).contains("PKIX path building")) {
				return "the router's TLS certificate is not trusted: no certificate authority of the client's trust "
						+ "store issued it; give the transport an SslContext whose trust manager trusts it";
			}
		}
		Throwable invalid = find(chain, CertPathValidatorException.class);
		if (invalid != null) {
			return "the router's TLS certificate failed validation (" + invalid.getMessage() + ")";
		}
		for (Throwable t : chain) {
			String message = String.valueOf(t.getMessage());
			int alert = message.indexOf("fatal alert: ");
			if (t instanceof SSLException && alert >= 0) {
				String name = message.substring(alert + "fatal alert: ".length()).strip().toLowerCase(Locale.ROOT);
				if (CLIENT_CERTIFICATE_ALERTS.contains(name)) {
					return "the router refused the TLS handshake with alert '" + name + "': it did not accept the "
							+ "client certificate (or requires one); check the key material of the transport's SslContext";
				}
				return "the router ended the TLS handshake with alert '" + name + "'";
			}
		}
		Throwable ssl = find(chain, SSLException.class);
		if (ssl != null) {
			return "the TLS handshake failed: " + ssl.getMessage();
		}
		Throwable refused = find(chain, ConnectException.class);
		if (refused != null) {
			return "connection refused (" + refused.getMessage() + "); is the router running and listening there?";
		}
		Throwable unknownHost = find(chain, UnknownHostException.class);
		if (unknownHost != null) {
			return "unknown host " + unknownHost.getMessage();
		}
		String message = (error.getMessage() != null) ? error.getMessage() : error.toString();
		if (secure && message.toLowerCase(Locale.ROOT).contains("closed")) {
			// with TLS 1.3 a router refuses a client certificate only after the client's
			// side of the handshake completed: the connection just closes
			return "the router closed the connection during the " + transport + " handshake (" + message
					+ "); over TLS this is how a router that refuses the client certificate (or needs one) answers";
		}
		return transport + " connection failed: " + message;
	}

	/**
	 * A handler that hands a TLS failure during connection set-up straight to the opening
	 * sink and closes the channel, so that the failure is reported once, as a
	 * {@link WampTransportException}, instead of also as a warning with a stack trace by
	 * Reactor Netty's HTTP client. Later errors pass on.
	 * @param opened the sink of the connection being opened
	 * @return a handler for one channel
	 */
	static ChannelHandler tlsFailureReporter(Sinks.One<WampConnection> opened) {
		return new ChannelInboundHandlerAdapter() {

			private boolean reported;

			@Override
			public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
				boolean tls = false;
				for (Throwable t = cause; t != null && !tls; t = t.getCause()) {
					tls = t instanceof SSLException;
				}
				// the SslHandler reports a handshake failure twice (bare, then wrapped)
				if (tls && (this.reported || opened.tryEmitError(cause).isSuccess())) {
					this.reported = true;
					ctx.close();
					return;
				}
				ctx.fireExceptionCaught(cause);
			}

		};
	}

	private static @Nullable Throwable find(List<Throwable> chain, Class<? extends Throwable> type) {
		for (Throwable t : chain) {
			if (type.isInstance(t)) {
				return t;
			}
		}
		return null;
	}

}
