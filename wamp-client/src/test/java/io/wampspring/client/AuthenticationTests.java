package io.wampspring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.auth.ScramAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampCraAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.core.WampUris;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.auth.WampCra;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket authentication, the HELLO of several methods and the CHALLENGE dispatch, against
 * a scripted router; secrets in toString().
 */
class AuthenticationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ScriptedRouter router = new ScriptedRouter().ticket("s3cret").start();

	private WampClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close().block(TIMEOUT);
		}
		this.router.stop();
	}

	private WampClient client(String ticket, ReconnectOptions reconnect) {
		this.client = WampClient.create(ClientOptions.builder(this.router.url(), "realm1")
			.authid("joe")
			.authenticator(new TicketAuthenticator(ticket))
			.reconnect(reconnect)
			.build());
		return this.client;
	}

	@Test
	void answersTheTicketChallenge() {
		WampClient client = client("s3cret", ReconnectOptions.defaults());
		List<SessionStateEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		client.stateEvents().subscribe(events::add);
		StepVerifier.create(client.connect()).assertNext((info) -> {
			assertThat(info.authid()).isEqualTo("joe");
			assertThat(info.authmethod()).isEqualTo("ticket");
		}).expectComplete().verify(TIMEOUT);
		Hello hello = this.router.await(Hello.class);
		assertThat(hello.details().get("authmethods")).isEqualTo(List.of("ticket"));
		assertThat(hello.details()).containsEntry("authid", "joe");
		assertThat(this.router.await(Authenticate.class).signature()).isEqualTo("s3cret");
		// state events arrive on the event scheduler, after the join completed
		org.awaitility.Awaitility.await()
			.atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).extracting(SessionStateEvent::state)
				.containsSubsequence(SessionState.CONNECTING, SessionState.AUTHENTICATING, SessionState.JOINED));
	}

	@Test
	void helloOffersEveryMethodInTheConfiguredOrderAndTheChallengeGoesToTheChosenMethod() {
		String challenge = "{\"authid\":\"joe\",\"nonce\":\"abc\"}";
		CryptosignKey key = CryptosignKey.generate();
		this.router.ticket(null).script((message) -> {
			if (message instanceof Hello) {
				return List.of(new Challenge("wampcra", Map.of("challenge", challenge)));
			}
			if (message instanceof Authenticate) {
				return List.of(new Welcome(77, Map.of("authid", "joe", "authrole", "user", "authmethod", "wampcra",
						"roles", Map.of("dealer", Map.of(), "broker", Map.of()))));
			}
			return null;
		});
		this.client = WampClient.create(ClientOptions.builder(this.router.url(), "realm1")
			.authid("joe")
			.authenticator(new TicketAuthenticator("s3cret"))
			.authenticator(new WampCraAuthenticator("cra-secret"))
			.authenticator(new CryptosignAuthenticator(key))
			.build());
		StepVerifier.create(this.client.connect())
			.assertNext((info) -> assertThat(info.authmethod()).isEqualTo("wampcra"))
			.expectComplete()
			.verify(TIMEOUT);
		Hello hello = this.router.await(Hello.class);
		assertThat(hello.details().get("authmethods")).isEqualTo(List.of("ticket", "wampcra", "cryptosign"));
		assertThat(hello.details().get("authextra")).isEqualTo(Map.of("pubkey", key.publicKeyHex()));
		assertThat(this.router.await(Authenticate.class).signature()).isEqualTo(WampCra.sign("cra-secret", challenge));
	}

	@Test
	void secretsStayOutOfToString() {
		List<Object> described = List.of(new TicketAuthenticator("s3cret"), new WampCraAuthenticator("s3cret"),
				new ScramAuthenticator("s3cret"), ScramAuthenticator.forAuthMethod("scram", "s3cret"),
				CryptosignAuthenticator.fromHex("aa".repeat(32)),
				new ClientAuthenticator.AuthResponse("s3cret", Map.of("nonce", "n")),
				ClientOptions.builder(this.router.url(), "realm1")
					.authid("joe")
					.authenticator(new TicketAuthenticator("s3cret"))
					.build());
		for (Object object : described) {
			assertThat(object.toString()).doesNotContain("s3cret").doesNotContain("aa".repeat(32));
		}
		assertThat(CryptosignAuthenticator.fromHex("aa".repeat(32)).toString())
			.contains(CryptosignKey.fromHex("aa".repeat(32)).publicKeyHex());
	}

	@Test
	void anUnknownScramMethodNameIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> ScramAuthenticator.forAuthMethod("scram-sha-1", "s3cret"))
			.withMessageContaining("wamp-scram")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void wrongTicketFailsConnectWithTheRouterReasonAndStops() {
		WampClient client = client("wrong", ReconnectOptions.defaults());
		StepVerifier.create(client.connect()).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(WampAuthenticationException.class);
			WampAuthenticationException auth = (WampAuthenticationException) error;
			assertThat(auth.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
			assertThat(auth.getRouterMessage()).isEqualTo("invalid ticket");
			assertThat(auth.getMessage()).contains("realm1", "invalid ticket");
		}).verify(TIMEOUT);
		assertThat(client.state()).isEqualTo(SessionState.CLOSED);
	}

	@Test
	void authFailureCanWaitTheMaximumBackoff() {
		WampClient client = client("wrong",
				ReconnectOptions.builder()
					.backoff(BackoffStrategy.jitter(Duration.ofMillis(10), Duration.ofSeconds(30)))
					.authFailurePolicy(ReconnectOptions.AuthFailurePolicy.WAIT_MAX_BACKOFF)
					.build());
		client.connect().subscribe(null, (e) -> {
		});
		StepVerifier.create(client.stateEvents().filter((e) -> e.state() == SessionState.RECONNECTING).next())
			.assertNext((event) -> {
				assertThat(event.delay()).isEqualTo(Duration.ofSeconds(30));
				assertThat(event.error()).isInstanceOf(WampAuthenticationException.class);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

}
