package io.wampspring.client.transport;

import java.util.Locale;

/**
 * Picks a transport from a router URL with default settings.
 */
public final class WampTransports {

	private WampTransports() {
	}

	/**
	 * A transport for a URL: {@code ws://} and {@code wss://} give a
	 * {@link WebSocketTransport}; {@code tcp://}, {@code tcps://} and {@code unix://}
	 * give a {@link RawSocketTransport}. Both with JSON and default settings; use their
	 * builders for anything else.
	 * @param url the router URL
	 * @return the transport
	 * @throws IllegalArgumentException for another scheme
	 */
	public static WampTransport forUrl(String url) {
		int colon = url.indexOf(':');
		String scheme = (colon > 0) ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
		return switch (scheme) {
			case "ws", "wss" -> WebSocketTransport.builder(url).build();
			case "tcp", "tcps", "unix" -> RawSocketTransport.builder(url).build();
			default -> throw new IllegalArgumentException(
					"a router URL must start with ws://, wss://, tcp://, tcps:// or unix://, got '"
							+ RedactedUrls.redact(url) + "'");
		};
	}

}
