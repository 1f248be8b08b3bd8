package io.wampspring.router.realm;

import io.wampspring.core.auth.TlsChannelBinding;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link RouterSession} reaches its client: the transport's side of a session.
 * Implementations are thread safe, never block, and keep the order of messages sent from
 * one thread.
 */
public interface Outbound {

	/**
	 * Send a message.
	 * @param message the message
	 * @throws UnencodableMessageException when the client's serializer cannot encode the
	 * message (nothing was sent)
	 */
	void send(WampMessage message);

	/**
	 * Send a message that goes to many sessions; a serializing transport encodes it once
	 * per codec.
	 * @param message the shared message
	 * @throws UnencodableMessageException when the client's serializer cannot encode the
	 * message (nothing was sent)
	 */
	default void send(SharedMessage message) {
		send(message.message());
	}

	/**
	 * Close the transport after the messages already sent.
	 * @param reason a readable reason, for logs and close frames
	 */
	void close(String reason);

	/**
	 * Bytes sent to the client but not yet written to its connection: how far a client
	 * that reads slowly is behind.
	 * @return the bytes waiting, 0 when the transport does not hold any (in process)
	 */
	default long pendingBytes() {
		return 0;
	}

	/**
	 * The TLS channel binding data of the client's connection, for cryptosign's channel
	 * binding.
	 * @param type {@code tls-unique} or {@code tls-exporter}
	 * @return the data, or why there is none (by default: not TLS)
	 */
	default TlsChannelBinding.Result channelBinding(String type) {
		return TlsChannelBinding.Result.missing("the connection is not encrypted with TLS");
	}

	/**
	 * A short name of the transport, shown in the meta API.
	 * @return such as {@code websocket}
	 */
	String kind();

	/**
	 * The client's address, for log lines.
	 * @return such as {@code /127.0.0.1:50712}, or null when there is none (in process)
	 */
	default @Nullable String remoteAddress() {
		return null;
	}

}
