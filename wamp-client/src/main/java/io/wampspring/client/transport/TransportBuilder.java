package io.wampspring.client.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import org.jspecify.annotations.Nullable;

/**
 * The settings every socket transport has: serializers, TLS, pings, connect timeout,
 * write buffer.
 *
 * @param <B> the concrete builder
 */
abstract class TransportBuilder<B extends TransportBuilder<B>> {

	/** The default write buffer high-water mark: 1 MiB. */
	static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 1024 * 1024;

	final URI uri;

	List<WampCodec> serializers = List.of(WampCodecs.JSON);

	@Nullable SslContext sslContext;

	TlsProvider tlsProvider = TlsProvider.JDK;

	Duration pingInterval = Duration.ZERO;

	Duration connectTimeout = Duration.ofSeconds(10);

	int writeBufferHighWaterMark = DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK;

	TransportBuilder(String url, String transport) {
		Objects.requireNonNull(url, "url");
		try {
			this.uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			// the reason and index only: the exception's own message repeats the URL,
			// password included
			throw new IllegalArgumentException("not a valid " + transport + " URL: '" + RedactedUrls.redact(url) + "' ("
					+ ex.getReason() + ((ex.getIndex() >= 0) ? " at index " + ex.getIndex() : "") + ")");
		}
	}

	/**
	 * The URL's scheme in lower case.
	 * @return the scheme, empty when there is none
	 */
	String scheme() {
		return (this.uri.getScheme() != null) ? this.uri.getScheme().toLowerCase(Locale.ROOT) : "";
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * The serializers to offer, in preference order (default JSON).
	 * @param serializers one or more codecs
	 * @return this builder
	 */
	public B serializers(WampCodec... serializers) {
		return serializers(List.of(serializers));
	}

	/**
	 * The serializers to offer, in preference order (default JSON).
	 * @param serializers one or more codecs, without duplicates
	 * @return this builder
	 */
	public B serializers(List<WampCodec> serializers) {
		if (serializers.isEmpty()) {
			throw new IllegalArgumentException("at least one serializer is needed (json, msgpack or cbor)");
		}
		if (serializers.stream().distinct().count() != serializers.size()) {
			throw new IllegalArgumentException("serializers must not repeat: " + serializers);
		}
		this.serializers = List.copyOf(serializers);
		return self();
	}

	/**
	 * The TLS context for {@code wss://} and {@code tcps://}: the trust (a custom trust
	 * store) and, for mutual TLS, the client certificate and key. Build it with Netty's
	 * {@code SslContextBuilder.forClient()}. Without one, the JDK's default trust is
	 * used. The router's host name is verified against its certificate either way.
	 * @param sslContext a client SslContext, or null for the default
	 * @return this builder
	 */
	public B sslContext(@Nullable SslContext sslContext) {
		if (sslContext != null && !sslContext.isClient()) {
			throw new IllegalArgumentException(
					"the SslContext must be a client context (SslContextBuilder.forClient())");
		}
		this.sslContext = sslContext;
		return self();
	}

	/**
	 * The TLS implementation of a transport that uses the default trust (no
	 * {@link #sslContext(SslContext)}); {@link TlsProvider#BOUNCY_CASTLE} provides the
	 * channel binding data cryptosign's {@code tls-unique} and {@code tls-exporter} need.
	 * A context passed to {@link #sslContext(SslContext)} keeps the provider it was built
	 * with (build it with
	 * {@link TlsProvider#configure(io.netty.handler.ssl.SslContextBuilder)}).
	 * @param tlsProvider the provider (default {@link TlsProvider#JDK})
	 * @return this builder
	 */
	public B tlsProvider(TlsProvider tlsProvider) {
		this.tlsProvider = Objects.requireNonNull(tlsProvider, "tlsProvider");
		return self();
	}

	/**
	 * The TLS context to use: the one given, or one of the chosen provider with the
	 * default trust, or null for Reactor Netty's default.
	 * @return the context
	 */
	@Nullable SslContext effectiveSslContext() {
		if (this.sslContext != null || this.tlsProvider == TlsProvider.JDK) {
			return this.sslContext;
		}
		try {
			return this.tlsProvider.configure(io.netty.handler.ssl.SslContextBuilder.forClient()).build();
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new IllegalStateException(
					"cannot create a TLS context with the " + this.tlsProvider + " provider: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Send a ping at this interval (default zero: no pings). A connection that receives
	 * nothing from the router, not even a pong, for two intervals is closed as lost, so
	 * that a silent network failure is noticed.
	 * @param pingInterval the interval, zero to disable
	 * @return this builder
	 */
	public B pingInterval(Duration pingInterval) {
		if (pingInterval.isNegative()) {
			throw new IllegalArgumentException("pingInterval must not be negative, got " + pingInterval);
		}
		this.pingInterval = pingInterval;
		return self();
	}

	/**
	 * The time allowed to connect and complete the TLS and transport handshakes (default
	 * 10 s).
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public B connectTimeout(Duration connectTimeout) {
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
		}
		this.connectTimeout = connectTimeout;
		return self();
	}

	/**
	 * How many bytes may wait to be written to the router before the connection counts as
	 * not writable (default 1 MiB); it is writable again below half of it. While it is
	 * not writable, new calls and publications fail at once with
	 * {@code wamp.error.unavailable} instead of queueing without bound. Netty's own
	 * default (64 KiB) is reached by a burst of about a thousand small calls from
	 * application threads before the event loop flushed them, although the router keeps
	 * up.
	 * @param bytes at least 1024
	 * @return this builder
	 */
	public B writeBufferHighWaterMark(int bytes) {
		if (bytes < 1024) {
			throw new IllegalArgumentException("writeBufferHighWaterMark must be at least 1024 bytes, got " + bytes);
		}
		this.writeBufferHighWaterMark = bytes;
		return self();
	}

	/**
	 * The write buffer water marks of a channel.
	 * @param high the high-water mark
	 * @return Netty's water marks: half of it, and it
	 */
	static WriteBufferWaterMark waterMark(int high) {
		return new WriteBufferWaterMark(high / 2, high);
	}

}
