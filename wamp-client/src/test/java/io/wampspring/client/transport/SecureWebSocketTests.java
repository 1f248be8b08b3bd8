package io.wampspring.client.transport;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.support.ScriptedRouter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wss://} with a caller-supplied SslContext, against a scripted router with a
 * certificate made by the JDK's keytool.
 */
class SecureWebSocketTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static ScriptedRouter router;

	private static X509Certificate certificate;

	@BeforeAll
	static void startRouter(@TempDir Path dir) throws Exception {
		Path keystore = dir.resolve("router.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "router", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
				"-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, "changeit".toCharArray());
		}
		certificate = (X509Certificate) store.getCertificate("router");
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, "changeit".toCharArray());
		router = new ScriptedRouter().secure(SslContextBuilder.forServer(keyManagers).build()).start();
	}

	@AfterAll
	static void stopRouter() {
		router.stop();
	}

	@Test
	void callsOverTlsWithTheSuppliedTrust() throws Exception {
		SslContext trust = SslContextBuilder.forClient().trustManager(certificate).build();
		WampClient client = WampClient
			.create(ClientOptions.builder(WebSocketTransport.builder(router.url()).sslContext(trust).build(), "realm1")
				.reconnect(ReconnectOptions.disabled())
				.build());
		assertThat(router.url()).startsWith("wss://");
		try {
			client.connect().block(TIMEOUT);
			StepVerifier.create(client.call("com.echo", List.of("secret"), Map.of(), CallOptions.defaults()))
				.assertNext((result) -> assertThat(result.args()).containsExactly("secret"))
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			client.close().block(TIMEOUT);
		}
	}

	@Test
	void anUntrustedCertificateFailsTheConnection() {
		WampClient client = WampClient
			.create(ClientOptions.builder(router.url(), "realm1").reconnect(ReconnectOptions.disabled()).build());
		StepVerifier.create(client.connect()).expectError().verify(TIMEOUT);
	}

}
