package io.wampspring.router;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.SslContextBuilder;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS for WebSocket (wss) and RawSocket (tcps), and RawSocket on a Unix domain socket.
 */
@EnabledOnOs(OS.LINUX)
class SecureAndUnixTransportTests {

	@TempDir
	static Path dir;

	private static WampRouter router;

	private static Path socket;

	@BeforeAll
	static void start() throws Exception {
		Path keystore = dir.resolve("router.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "router", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
				"-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		keytool.getInputStream().readAllBytes();
		assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = new FileInputStream(keystore.toFile())) {
			store.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, "changeit".toCharArray());
		socket = dir.resolve("wamp.sock");
		router = WampRouter.builder()
			.realm("realm1")
			.tls(SslContextBuilder.forServer(keys).build())
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.rawSocketUnix(socket)
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		router.stop();
	}

	@Test
	void webSocketOverTls() {
		assertThat(router.webSocketUrl()).startsWith("wss://");
		try (TestPeer peer = TestPeer.connect(router.webSocketUrl())) {
			assertThat(peer.join("realm1")).isPositive();
		}
	}

	@Test
	void rawSocketOverTls() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new TrustAll() }, new SecureRandom());
		try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", router.rawSocketPort())) {
			tls.setSoTimeout(5000);
			assertThat(join(tls.getInputStream(), tls.getOutputStream())).isInstanceOf(Welcome.class);
		}
	}

	@Test
	void rawSocketOnUnixSocket() throws Exception {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(socket));
			assertThat(join(Channels.newInputStream(channel), Channels.newOutputStream(channel)))
				.isInstanceOf(Welcome.class);
		}
	}

	private static WampMessage join(InputStream input, OutputStream output) throws Exception {
		DataInputStream in = new DataInputStream(input);
		DataOutputStream out = new DataOutputStream(output);
		out.write(new byte[] { 0x7F, (byte) 0xF1, 0, 0 });
		out.flush();
		byte[] reply = new byte[4];
		in.readFully(reply);
		assertThat(reply[0]).isEqualTo((byte) 0x7F);
		byte[] hello = WampCodecs.JSON.encode(TestPeer.hello("realm1", Map.of()));
		out.writeInt(hello.length);
		out.write(hello);
		out.flush();
		int length = in.readInt() & 0xFFFFFF;
		byte[] frame = new byte[length];
		in.readFully(frame);
		return WampCodecs.JSON.decode(frame);
	}

	static final class TrustAll implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
