package io.wampspring.client.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.wampspring.core.auth.TlsChannelBinding;

/**
 * Which TLS implementation a transport uses. Only the Bouncy Castle JSSE provider exposes
 * the channel binding data that cryptosign's {@code tls-unique} (TLS 1.2) and
 * {@code tls-exporter} (TLS 1.3) need.
 */
public enum TlsProvider {

	/**
	 * Netty's default: OpenSSL when netty-tcnative is present, else the JDK's TLS
	 * (SunJSSE). No channel binding data.
	 */
	JDK,

	/**
	 * The Bouncy Castle JSSE provider ({@code org.bouncycastle:bctls-jdk18on}, an
	 * optional dependency) through Netty's JDK SslProvider: exposes {@code tls-unique}
	 * and {@code tls-exporter}.
	 */
	BOUNCY_CASTLE;

	/**
	 * Make a Netty context builder use this provider.
	 * @param builder a builder from {@code SslContextBuilder.forClient()} or
	 * {@code forServer(..)}
	 * @return the same builder
	 * @throws IllegalStateException for {@link #BOUNCY_CASTLE} when {@code bctls-jdk18on}
	 * is not on the class path
	 */
	public SslContextBuilder configure(SslContextBuilder builder) {
		if (this == BOUNCY_CASTLE) {
			builder.sslProvider(SslProvider.JDK).sslContextProvider(TlsChannelBinding.bouncyCastleJsseProvider());
		}
		return builder;
	}

	/**
	 * A server context builder with this provider, for a router's TLS listener (such as
	 * {@code WampRouter.builder().tls(..)}). With {@link #BOUNCY_CASTLE} the key manager
	 * is Bouncy Castle's too: it cannot choose a certificate through the JDK's default
	 * key manager.
	 * @param key the private key
	 * @param chain the certificate chain, the server's own first
	 * @return the builder, to add trust, protocols or client authentication
	 * @throws IllegalStateException when the key cannot be used or {@code bctls} is
	 * missing
	 */
	public SslContextBuilder forServer(PrivateKey key, X509Certificate... chain) {
		if (this == JDK) {
			return SslContextBuilder.forServer(key, chain);
		}
		try {
			char[] password = "wamp".toCharArray();
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("router", key, password, chain);
			KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX",
					TlsChannelBinding.bouncyCastleJsseProvider());
			keys.init(store, password);
			return configure(SslContextBuilder.forServer(keys));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(
					"cannot use the key and certificate with the Bouncy Castle JSSE provider: " + ex.getMessage(), ex);
		}
	}

}
