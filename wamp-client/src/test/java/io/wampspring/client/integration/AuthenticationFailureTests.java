package io.wampspring.client.integration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.auth.ScramAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.auth.WampCraAuthenticator;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampUris;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.auth.Scram;
import io.wampspring.core.auth.ScramKdf;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong credentials, unknown principals and routers that cannot prove who they are,
 * against the embedded router: each fails the join with a clear
 * {@link WampAuthenticationException} within the connect timeout, without reconnecting,
 * and without a secret in any message or log line.
 */
class AuthenticationFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

	private static final List<String> SECRETS = List.of("wrong-secret", "cra-secret", "scram-secret", "ticket-secret",
			"salty-secret", "wrong-password");

	private static WampRouter router;

	private final List<WampClient> clients = new CopyOnWriteArrayList<>();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@BeforeAll
	static void startRouter() {
		RealmConfig impostor = RealmConfig.builder("impostor")
			.anonymous(false)
			.authenticator(new CoreScramRouterAuthenticator("scrammer", "scram-role",
					io.wampspring.core.auth.ScramCredential.derive(ScramVariant.SPEC, ScramKdf.PBKDF2, "scram-secret",
							Scram.newSalt(), 1000, 0),
					true))
			.build();
		router = WampRouter.builder()
			.realm(AuthenticationMethodsTests.authRealm())
			.realm(impostor)
			// the true reasons (unknown principal, wrong secret), so that the client's
			// handling of each is seen
			.preciseAuthenticationErrors(true)
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
	}

	@AfterAll
	static void stopRouter() {
		router.stop();
	}

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(this.logs);
	}

	@AfterEach
	void closeClients() {
		Flux.fromIterable(this.clients).flatMap(WampClient::close).then().block(TIMEOUT);
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this.logs);
		for (ILoggingEvent event : this.logs.list) {
			for (String secret : SECRETS) {
				assertThat(event.getFormattedMessage()).as("log line").doesNotContain(secret);
			}
		}
	}

	private WampTransport webSocket() {
		return WebSocketTransport.builder(router.webSocketUrl()).connectTimeout(CONNECT_TIMEOUT).build();
	}

	private WampAuthenticationException refused(WampTransport transport, String realm, String authid,
			ClientAuthenticator... authenticators) {
		ClientOptions.Builder options = ClientOptions.builder(transport, realm).authid(authid);
		for (ClientAuthenticator authenticator : authenticators) {
			options.authenticator(authenticator);
		}
		WampClient client = WampClient.create(options.build());
		this.clients.add(client);
		long failuresBefore = router.metrics().authenticationFailures();
		long start = System.nanoTime();
		Throwable[] failure = new Throwable[1];
		StepVerifier.create(client.connect()).expectErrorSatisfies((error) -> failure[0] = error).verify(TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CONNECT_TIMEOUT);
		assertThat(failure[0]).isInstanceOf(WampAuthenticationException.class);
		// the default policy stops: no second attempt hammers the router
		assertThat(client.state()).isEqualTo(SessionState.CLOSED);
		assertThat(router.metrics().authenticationFailures() - failuresBefore).isLessThanOrEqualTo(1);
		WampAuthenticationException error = (WampAuthenticationException) failure[0];
		for (String secret : SECRETS) {
			assertThat(error.getMessage()).doesNotContain(secret);
			assertThat(String.valueOf(error.getArgs())).doesNotContain(secret);
		}
		return error;
	}

	@Test
	void aWrongWampCraSecretFailsWithTheRoutersReason() {
		WampAuthenticationException error = refused(webSocket(), "auth", "cra",
				new WampCraAuthenticator("wrong-secret"));
		assertThat(error.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(error.getRouterMessage()).contains("invalid WAMP-CRA signature");
		assertThat(error.getMessage()).contains("'auth'", "authentication_failed", "invalid WAMP-CRA signature");
	}

	@Test
	void aWrongSaltedWampCraSecretFailsOverRawSocket() {
		WampAuthenticationException error = refused(
				RawSocketTransport.builder(router.rawSocketUrl()).connectTimeout(CONNECT_TIMEOUT).build(), "auth",
				"salty", new WampCraAuthenticator("wrong-secret"));
		assertThat(error.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void aWrongTicketFails() {
		WampAuthenticationException error = refused(webSocket(), "auth", "ticket-user",
				new TicketAuthenticator("wrong-secret"));
		assertThat(error.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void aWrongScramPasswordFails() {
		WampAuthenticationException error = refused(webSocket(), "auth", "scrammer",
				new ScramAuthenticator("wrong-password"));
		assertThat(error.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(error.getRouterMessage()).contains("scrammer");
	}

	@Test
	void anUnknownCryptosignKeyIsNoSuchPrincipal() {
		WampAuthenticationException error = refused(webSocket(), "auth", "signer",
				new CryptosignAuthenticator(CryptosignKey.generate()));
		assertThat(error.getUri()).isEqualTo(WampUris.NO_SUCH_PRINCIPAL);
		assertThat(error.getMessage()).contains("no_such_principal");
	}

	@Test
	void anUnknownAuthidIsNoSuchPrincipal() {
		WampAuthenticationException error = refused(webSocket(), "auth", "nobody",
				new WampCraAuthenticator("cra-secret"));
		assertThat(error.getUri()).isEqualTo(WampUris.NO_SUCH_PRINCIPAL);
		assertThat(error.getRouterMessage()).contains("nobody");
	}

	@Test
	void aRouterWithAWrongScramServerSignatureIsRefused() {
		WampAuthenticationException error = refused(webSocket(), "impostor", "scrammer",
				new ScramAuthenticator("scram-secret"));
		assertThat(error.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(error.getRouterMessage()).isNull();
		assertThat(error.getMessage()).contains("impostor", router.webSocketUrl(), "server signature", "scrammer");
	}

	@Test
	void scramWithoutAnAuthidFailsBeforeHello() {
		WampClient client = WampClient.create(ClientOptions.builder(webSocket(), "auth")
			.authenticator(new ScramAuthenticator("scram-secret"))
			.build());
		this.clients.add(client);
		StepVerifier.create(client.connect())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("needs an authid"))
			.verify(TIMEOUT);
	}

	@Test
	void cryptosignChannelBindingIsRefusedWhereTheConnectionCannotProvideIt() {
		WampClient client = WampClient.create(ClientOptions.builder(webSocket(), "auth")
			.authid("signer")
			.authenticator(new CryptosignAuthenticator(CryptosignKey.generate()).withTlsUniqueChannelBinding())
			.build());
		this.clients.add(client);
		StepVerifier.create(client.connect())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(WampAuthenticationException.class)
				.hasMessageContaining("tls-unique")
				.hasMessageContaining("needs TLS"))
			.verify(TIMEOUT);
	}

	@Test
	void theRouterPicksTheFirstOfferedMethodItCanUseAndTheClientAnswersWithThatOne() {
		WampClient client = WampClient.create(ClientOptions.builder(webSocket(), "auth")
			.authid("cra")
			.authenticator(new ScramAuthenticator("scram-secret"))
			.authenticator(new WampCraAuthenticator("cra-secret"))
			.build());
		this.clients.add(client);
		SessionInfo info = client.connect().block(TIMEOUT);
		assertThat(info.authmethod()).isEqualTo("wampcra");
		assertThat(info.authid()).isEqualTo("cra");
	}

}
