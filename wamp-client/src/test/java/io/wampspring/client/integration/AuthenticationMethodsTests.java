package io.wampspring.client.integration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.auth.ScramAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampCraAuthenticator;
import io.wampspring.client.support.TestCertificates;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.auth.Scram;
import io.wampspring.core.auth.ScramCredential;
import io.wampspring.core.auth.ScramKdf;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.auth.WampCra;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every authentication method of the client joins the embedded router over every
 * transport: WebSocket, WebSocket over TLS (with and without a client certificate),
 * RawSocket over TCP, over TLS (with and without a client certificate) and over a Unix
 * domain socket.
 */
@EnabledOnOs(OS.LINUX)
class AuthenticationMethodsTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final CryptosignKey SIGNER = CryptosignKey.generate();

	static final TestCertificates.Issued AUTHORITY = TestCertificates.authority("wamp test authority");

	static final TestCertificates.Issued ROUTER_CERTIFICATE = TestCertificates.issue(AUTHORITY, "router");

	static final TestCertificates.Issued CLIENT_CERTIFICATE = TestCertificates.issue(AUTHORITY, "client");

	@TempDir
	static Path dir;

	static WampRouter plain;

	static WampRouter tls;

	static WampRouter mutualTls;

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	/**
	 * The realm {@code auth} with a user for every method.
	 * @return the realm
	 */
	static RealmConfig authRealm() {
		String salt = "pepper";
		ScramCredential argon = ScramCredential.derive(ScramVariant.SPEC, ScramKdf.ARGON2ID13, "argon-secret",
				Scram.newSalt(), 1, 1024);
		ScramCredential autobahn = ScramCredential.derive(ScramVariant.AUTOBAHN, ScramKdf.PBKDF2, "autobahn-secret",
				Scram.newSalt(), 1000, 0);
		return RealmConfig.builder("auth")
			.anonymous(false)
			.user(new User("ticket-user", "ticket-role", "ticket-secret"))
			.user(new User("cra", "cra-role", "cra-secret"))
			.user(new User("salty", "salty-role", WampCra.deriveKey("salty-secret", salt, 100, 32)).withSalt(salt, 100,
					32))
			.user(new User("signer", "signer-role", null).withPublicKeys(SIGNER.publicKeyHex()))
			.user(new User("scrammer", "scram-role", null).withScramPassword(ScramVariant.SPEC, "scram-secret"))
			.user(new User("argon", "argon-role", null).withScram(argon))
			.user(new User("autobahn", "autobahn-role", null).withScram(autobahn))
			.build();
	}

	@BeforeAll
	static void startRouters() throws Exception {
		plain = WampRouter.builder()
			.realm(authRealm())
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.rawSocketUnix(dir.resolve("router.sock"))
			.build()
			.start();
		tls = WampRouter.builder()
			.realm(authRealm())
			.tls(SslContextBuilder.forServer(ROUTER_CERTIFICATE.privateKey(), ROUTER_CERTIFICATE.certificate()).build())
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
		mutualTls = WampRouter.builder()
			.realm(authRealm())
			.tls(SslContextBuilder.forServer(ROUTER_CERTIFICATE.privateKey(), ROUTER_CERTIFICATE.certificate())
				.trustManager(AUTHORITY.certificate())
				.clientAuth(ClientAuth.REQUIRE)
				.build())
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
	}

	@AfterAll
	static void stopRouters() {
		Stream.of(plain, tls, mutualTls).forEach(WampRouter::stop);
	}

	@AfterEach
	void closeClients() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
	}

	static SslContext trust() throws Exception {
		return SslContextBuilder.forClient().trustManager(AUTHORITY.certificate()).build();
	}

	static SslContext trustAndClientCertificate() throws Exception {
		return SslContextBuilder.forClient()
			.trustManager(AUTHORITY.certificate())
			.keyManager(CLIENT_CERTIFICATE.privateKey(), CLIENT_CERTIFICATE.certificate())
			.build();
	}

	/** The transports, by name. */
	enum Transport {

		WEBSOCKET((unused) -> WebSocketTransport.builder(plain.webSocketUrl()).build()),

		WEBSOCKET_TLS((unused) -> WebSocketTransport.builder(tls.webSocketUrl())
			.sslContext(unchecked(AuthenticationMethodsTests::trust))
			.build()),

		WEBSOCKET_MUTUAL_TLS((unused) -> WebSocketTransport.builder(mutualTls.webSocketUrl())
			.sslContext(unchecked(AuthenticationMethodsTests::trustAndClientCertificate))
			.build()),

		RAWSOCKET_TCP((unused) -> RawSocketTransport.builder(plain.rawSocketUrl()).build()),

		RAWSOCKET_TLS((unused) -> RawSocketTransport.builder(tls.rawSocketUrl())
			.sslContext(unchecked(AuthenticationMethodsTests::trust))
			.build()),

		RAWSOCKET_MUTUAL_TLS((unused) -> RawSocketTransport.builder(mutualTls.rawSocketUrl())
			.sslContext(unchecked(AuthenticationMethodsTests::trustAndClientCertificate))
			.build()),

		RAWSOCKET_UNIX((unused) -> RawSocketTransport.builder("unix://" + dir.resolve("router.sock")).build());

		private final Function<Void, WampTransport> factory;

		Transport(Function<Void, WampTransport> factory) {
			this.factory = factory;
		}

		WampTransport create() {
			return this.factory.apply(null);
		}

	}

	/** The methods, with a user of the realm. */
	enum Method {

		TICKET("ticket-user", "ticket-role", new TicketAuthenticator("ticket-secret")),

		WAMPCRA("cra", "cra-role", new WampCraAuthenticator("cra-secret")),

		WAMPCRA_SALTED("salty", "salty-role", new WampCraAuthenticator("salty-secret")),

		CRYPTOSIGN("signer", "signer-role", new CryptosignAuthenticator(SIGNER)),

		SCRAM_PBKDF2("scrammer", "scram-role", new ScramAuthenticator("scram-secret")),

		SCRAM_ARGON2ID("argon", "argon-role", new ScramAuthenticator("argon-secret")),

		SCRAM_CROSSBAR_DIALECT("autobahn", "autobahn-role",
				ScramAuthenticator.forAuthMethod("scram", "autobahn-secret"));

		final String authid;

		final String role;

		final ClientAuthenticator authenticator;

		Method(String authid, String role, ClientAuthenticator authenticator) {
			this.authid = authid;
			this.role = role;
			this.authenticator = authenticator;
		}

	}

	static Stream<Arguments> everyMethodOverEveryTransport() {
		List<Arguments> all = new ArrayList<>();
		for (Transport transport : Transport.values()) {
			for (Method method : Method.values()) {
				all.add(Arguments.of(transport, method));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("everyMethodOverEveryTransport")
	void joinsWithEveryMethodOverEveryTransport(Transport transport, Method method) {
		WampClient client = WampClient.create(ClientOptions.builder(transport.create(), "auth")
			.authid(method.authid)
			.authenticator(method.authenticator)
			.build());
		this.clients.add(client);
		SessionInfo info = client.connect().block(TIMEOUT);
		assertThat(info.authid()).isEqualTo(method.authid);
		assertThat(info.authrole()).isEqualTo(method.role);
		assertThat(info.authmethod()).isEqualTo(method.authenticator.authMethod());
	}

	private static <T> T unchecked(ThrowingSupplier<T> supplier) {
		try {
			return supplier.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
