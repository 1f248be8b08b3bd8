package io.wampspring.client.transport;

import java.util.function.Consumer;

import io.wampspring.core.auth.TlsChannelBinding;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One open connection to a router.
 * <p>
 * {@link #inbound()} may be subscribed to once; it emits the messages in the order they
 * arrived (on the transport's I/O thread), completes when the connection closes, and
 * errors with {@link io.wampspring.core.WampProtocolException} when the router sent
 * something that could not be decoded (the caller then aborts and closes).
 * {@link #send(WampMessage)} may be called from any thread.
 */
public interface WampConnection {

	/**
	 * The messages from the router.
	 * @return a Flux for a single subscriber
	 */
	Flux<WampMessage> inbound();

	/**
	 * Messages whose framing and structure were readable but one of whose values the
	 * serializer could not map (a {@link io.wampspring.core.WampProtocolException} with a
	 * {@link io.wampspring.core.WampProtocolException#requestId()} and an error URI other
	 * than {@code wamp.error.protocol_violation}). Only that message is bad: the session
	 * answers it (an INVOCATION with ERROR, a RESULT fails its call) and goes on. Emitted
	 * on the I/O thread, in order with {@link #inbound()}.
	 * @return a Flux for a single subscriber; empty by default
	 */
	default Flux<io.wampspring.core.WampProtocolException> unreadable() {
		return Flux.empty();
	}

	/**
	 * Stop or resume reading from the router (inbound backpressure: the router then sees
	 * TCP flow control). Idempotent; no-op by default.
	 * @param paused true to stop reading, false to resume
	 */
	default void pauseReading(boolean paused) {
	}

	/**
	 * Whether the connection accepts writes without queueing beyond its write buffer's
	 * high-water mark.
	 * @return true by default
	 */
	default boolean isWritable() {
		return true;
	}

	/**
	 * Write a message.
	 * @param message the message
	 * @return a Mono that completes when the message was written to the transport, or
	 * errors when it could not be (closed connection, or a payload the serializer cannot
	 * write)
	 */
	Mono<Void> send(WampMessage message);

	/**
	 * Write a message without a Mono: the hot path of calls. Messages sent from one
	 * thread are written in the order they were sent, by either form of {@code send}.
	 * @param message the message
	 * @param onFailure told, on any thread, when the message could not be written (closed
	 * connection, or a payload the serializer cannot write)
	 */
	default void send(WampMessage message, Consumer<Throwable> onFailure) {
		send(message).subscribe(null, onFailure);
	}

	/**
	 * Close the connection. Idempotent.
	 * @return a Mono that completes when the connection is closed
	 */
	Mono<Void> close();

	/**
	 * Whether the connection is still open.
	 * @return true when open
	 */
	boolean isOpen();

	/**
	 * The serializer in use, for logs.
	 * @return such as {@code wamp.2.json}, or {@code in-process}
	 */
	String protocol();

	/**
	 * Whether the connection is encrypted with TLS, for authenticators that bind to the
	 * channel.
	 * @return false by default
	 */
	default boolean isSecure() {
		return false;
	}

	/**
	 * The RFC 5929 {@code tls-unique} channel binding data of a TLS connection.
	 * @return the data, or null when unavailable (see {@link #channelBinding(String)})
	 */
	default byte @Nullable [] tlsUnique() {
		return channelBinding(TlsChannelBinding.TLS_UNIQUE).data();
	}

	/**
	 * The channel binding data of a TLS connection: {@code tls-unique} (TLS 1.2) or
	 * {@code tls-exporter} (TLS 1.3). The built-in transports read it from a TLS
	 * connection of the Bouncy Castle JSSE provider ({@link TlsProvider#BOUNCY_CASTLE});
	 * Java's own provider does not expose it.
	 * @param type {@code tls-unique} or {@code tls-exporter}
	 * @return the data, or why there is none
	 */
	default TlsChannelBinding.Result channelBinding(String type) {
		return TlsChannelBinding.Result.missing("the connection is not encrypted with TLS");
	}

}
