package io.wampspring.boot.autoconfigure;

import java.util.Arrays;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wampspring.client.transport.TlsProvider;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * Turns a Spring Boot {@link SslBundle} into a Netty client {@link SslContext}: the
 * bundle's trust material, its key material (a client certificate for mutual TLS), and
 * its ciphers and protocols, on the chosen TLS provider.
 */
final class WampSslContexts {

	private WampSslContexts() {
	}

	static SslContext forClient(SslBundle bundle, TlsProvider provider) throws SSLException {
		SslManagerBundle managers = bundle.getManagers();
		SslContextBuilder builder = provider.configure(SslContextBuilder.forClient())
			.keyManager(managers.getKeyManagerFactory())
			.trustManager(managers.getTrustManagerFactory());
		SslOptions options = bundle.getOptions();
		if (options.getCiphers() != null) {
			builder.ciphers(Arrays.asList(options.getCiphers()));
		}
		if (options.getEnabledProtocols() != null) {
			builder.protocols(options.getEnabledProtocols());
		}
		return builder.build();
	}

}
