package io.wampspring.client.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.AuthContext;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.support.TestCertificates;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.TlsProvider;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.auth.TlsChannelBinding;
import io.wampspring.core.message.Dicts;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cryptosign with TLS channel binding between the client and the embedded router on real
 * TLS sockets (certificates made in the test with Bouncy Castle), both on the Bouncy
 * Castle JSSE provider: {@code tls-unique} on TLS 1.2 and {@code tls-exporter} on TLS 1.3
 * over WebSocket and RawSocket, a signature bound to another channel refused, and clear
 * failures where a side cannot read the binding (Java's own TLS provider,
 * {@code tls-unique} on TLS 1.3).
 */
class CryptosignChannelBindingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final TestCertificates.Issued AUTHORITY = TestCertificates.authority("binding test authority");

	private static final TestCertificates.Issued ROUTER_CERTIFICATE = TestCertificates.issue(AUTHORITY, "router");

	private static final CryptosignKey SIGNER = CryptosignKey.generate();

	private static WampRouter tls12;

	private static WampRouter tls13;

	private static WampRouter jdk;

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private static RealmConfig realm() {
		return RealmConfig.builder("auth")
			.anonymous(false)
			.user(new User("signer", "signer-role", null).withPublicKeys(SIGNER.publicKeyHex()))
			.build();
	}

	private static WampRouter router(TlsProvider provider, String protocol) throws Exception {
		SslContext context = provider.forServer(ROUTER_CERTIFICATE.privateKey(), ROUTER_CERTIFICATE.certificate())
			.protocols(protocol)
			.build();
		return WampRouter.builder()
			.realm(realm())
			.tls(context)
			.preciseAuthenticationErrors(true)
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
	}

	@BeforeAll
	static void startRouters() throws Exception {
		// the JDK's trust manager loads its certificate lists once, from files, when it
		// first checks a server: let that happen here, not in a handshake on an event
		// loop
		for (String lazy : List.of("sun.security.util.AnchorCertificates", "sun.security.util.UntrustedCertificates")) {
			Class.forName(lazy, true, ClassLoader.getSystemClassLoader());
		}
		tls12 = router(TlsProvider.BOUNCY_CASTLE, "TLSv1.2");
		tls13 = router(TlsProvider.JDK, "TLSv1.3");
		jdk = router(TlsProvider.JDK, "TLSv1.2");
	}

	@AfterAll
	static void stopRouters() {
		Stream.of(tls12, tls13, jdk).forEach(WampRouter::stop);
	}

	@AfterEach
	void closeClients() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
	}

	private static SslContext trust(TlsProvider provider) {
		try {
			return provider.configure(SslContextBuilder.forClient()).trustManager(AUTHORITY.certificate()).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Stream<Arguments> transports() {
		Function<WampRouter, WampTransport> webSocket = (router) -> WebSocketTransport.builder(router.webSocketUrl())
			.sslContext(trust((router == tls12) ? TlsProvider.BOUNCY_CASTLE : TlsProvider.JDK))
			.build();
		Function<WampRouter, WampTransport> rawSocket = (router) -> RawSocketTransport.builder(router.rawSocketUrl())
			.sslContext(trust((router == tls12) ? TlsProvider.BOUNCY_CASTLE : TlsProvider.JDK))
			.build();
		return Stream.of(Arguments.of("WebSocket", webSocket), Arguments.of("RawSocket", rawSocket));
	}

	static boolean java25() {
		return Runtime.version().feature() >= 25;
	}

	static boolean beforeJava25() {
		return !java25();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void tlsUniqueOverTls12WithTheBouncyCastleProviderOnBothSides(String name,
			Function<WampRouter, WampTransport> transport) {
		SessionInfo info = connect(transport.apply(tls12),
				new CryptosignAuthenticator(SIGNER).withChannelBinding(TlsChannelBinding.TLS_UNIQUE))
			.block(TIMEOUT);
		assertThat(info.authmethod()).isEqualTo("cryptosign");
		assertThat(info.authid()).isEqualTo("signer");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	@EnabledIf("java25")
	void tlsExporterOverTls13WithJavasOwnProviderOnJava25(String name, Function<WampRouter, WampTransport> transport) {
		SessionInfo info = connect(transport.apply(tls13),
				new CryptosignAuthenticator(SIGNER).withChannelBinding(TlsChannelBinding.TLS_EXPORTER))
			.block(TIMEOUT);
		assertThat(info.authmethod()).isEqualTo("cryptosign");
		assertThat(info.authid()).isEqualTo("signer");
	}

	@Test
	@EnabledIf("beforeJava25")
	void tlsExporterBeforeJava25FailsBeforeHelloWithTheReason() {
		WampTransport transport = WebSocketTransport.builder(tls13.webSocketUrl())
			.sslContext(trust(TlsProvider.JDK))
			.build();
		StepVerifier
			.create(connect(transport,
					new CryptosignAuthenticator(SIGNER).withChannelBinding(TlsChannelBinding.TLS_EXPORTER)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("needs Java 25"))
			.verify(TIMEOUT);
	}

	@Test
	void aSignatureBoundToAnotherChannelIsRefused() {
		WampTransport transport = WebSocketTransport.builder(tls12.webSocketUrl())
			.sslContext(trust(TlsProvider.BOUNCY_CASTLE))
			.build();
		StepVerifier.create(connect(transport, new UnboundSigner(TlsChannelBinding.TLS_UNIQUE)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("not bound to this TLS connection"))
			.verify(TIMEOUT);
	}

	@Test
	void tlsUniqueOnTls13FailsBeforeHelloWithTheReason() {
		WampTransport transport = WebSocketTransport.builder(tls13.webSocketUrl())
			.sslContext(trust(TlsProvider.BOUNCY_CASTLE))
			.build();
		StepVerifier
			.create(connect(transport,
					new CryptosignAuthenticator(SIGNER).withChannelBinding(TlsChannelBinding.TLS_UNIQUE)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("not defined for TLS 1.3")
				.hasMessageContaining("tls-exporter"))
			.verify(TIMEOUT);
	}

	@Test
	void aClientOnJavasOwnTlsProviderSaysItCannotBind() {
		WampTransport transport = WebSocketTransport.builder(tls12.webSocketUrl())
			.sslContext(trust(TlsProvider.JDK))
			.build();
		StepVerifier
			.create(connect(transport,
					new CryptosignAuthenticator(SIGNER).withChannelBinding(TlsChannelBinding.TLS_UNIQUE)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("does not expose channel binding data")
				.hasMessageContaining("bctls"))
			.verify(TIMEOUT);
		// without a binding the JDK provider keeps working
		WampTransport plain = WebSocketTransport.builder(jdk.webSocketUrl()).sslContext(trust(TlsProvider.JDK)).build();
		assertThat(connect(plain, new CryptosignAuthenticator(SIGNER)).block(TIMEOUT).authid()).isEqualTo("signer");
	}

	@Test
	void aRouterOnJavasOwnTlsProviderRefusesABindingItCannotRead() {
		WampTransport transport = WebSocketTransport.builder(jdk.webSocketUrl())
			.sslContext(trust(TlsProvider.BOUNCY_CASTLE))
			.build();
		StepVerifier
			.create(connect(transport,
					new CryptosignAuthenticator(SIGNER).withChannelBinding(TlsChannelBinding.TLS_UNIQUE)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("not available on this connection"))
			.verify(TIMEOUT);
	}

	private Mono<SessionInfo> connect(WampTransport transport, ClientAuthenticator authenticator) {
		WampClient client = WampClient
			.create(ClientOptions.builder(transport, "auth").authid("signer").authenticator(authenticator).build());
		this.clients.add(client);
		return client.connect();
	}

	/**
	 * Announces a channel binding but signs the bare challenge: a signature that is not
	 * bound to the connection the router sees.
	 */
	private record UnboundSigner(String binding) implements ClientAuthenticator {

		@Override
		public String authMethod() {
			return "cryptosign";
		}

		@Override
		public Map<String, Object> authExtra() {
			return Map.of("pubkey", SIGNER.publicKeyHex(), "channel_binding", this.binding);
		}

		@Override
		public Mono<ClientAuthenticator.AuthResponse> respond(String authMethod, Map<String, Object> extra) {
			return Mono.fromCallable(() -> new ClientAuthenticator.AuthResponse(
					SIGNER.signChallenge(Dicts.string(extra, "challenge"), null), Map.of()));
		}

		@Override
		public Exchange start(AuthContext context) {
			return ClientAuthenticator.super.start(context);
		}

	}

}
