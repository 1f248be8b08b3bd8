package io.wampspring.client.transport;

import java.io.Serial;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;

/**
 * A connection to a router could not be opened: the TCP connection, the TLS handshake, or
 * the WebSocket or RawSocket handshake failed. The message starts with the address and
 * says what happened, such as
 * {@code "tcps://127.0.0.1:8081: the router's TLS certificate has
 * expired ..."}; {@link #getUri()} is {@link WampUris#NOT_CONNECTED}.
 */
public class WampTransportException extends WampException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The transport, WebSocket or RawSocket. */
	private final String transport;

	/** The address that was connected to. */
	private final String address;

	/**
	 * Create an exception.
	 * @param transport the transport, {@code WebSocket} or {@code RawSocket}
	 * @param address the router address
	 * @param problem what happened
	 * @param cause the underlying error, if any
	 */
	public WampTransportException(String transport, String address, String problem, @Nullable Throwable cause) {
		super(WampUris.NOT_CONNECTED, List.of(address + ": " + problem), Map.of(), Map.of(), address + ": " + problem,
				cause);
		this.transport = transport;
		this.address = address;
	}

	/**
	 * The transport.
	 * @return {@code WebSocket} or {@code RawSocket}
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The router address.
	 * @return such as {@code wss://host:443/ws}
	 */
	public String getAddress() {
		return this.address;
	}

}
