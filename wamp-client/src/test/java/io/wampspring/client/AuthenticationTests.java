package io.wampspring.client;

import java.time.Duration;
import java.util.List;

import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Hello;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket authentication against a scripted router.
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
		StepVerifier.create(client.connect())
			.assertNext((info) -> {
				assertThat(info.authid()).isEqualTo("joe");
				assertThat(info.authmethod()).isEqualTo("ticket");
			})
			.expectComplete()
			.verify(TIMEOUT);
		Hello hello = this.router.await(Hello.class);
		assertThat(hello.details().get("authmethods")).isEqualTo(List.of("ticket"));
		assertThat(hello.details()).containsEntry("authid", "joe");
		assertThat(this.router.await(Authenticate.class).signature()).isEqualTo("s3cret");
		assertThat(events).extracting(SessionStateEvent::state)
			.containsSubsequence(SessionState.CONNECTING, SessionState.AUTHENTICATING, SessionState.JOINED);
	}

	@Test
	void wrongTicketFailsConnectWithTheRouterReasonAndStops() {
		WampClient client = client("wrong", ReconnectOptions.defaults());
		StepVerifier.create(client.connect())
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(WampAuthenticationException.class);
				WampAuthenticationException auth = (WampAuthenticationException) error;
				assertThat(auth.getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
				assertThat(auth.getRouterMessage()).isEqualTo("invalid ticket");
				assertThat(auth.getMessage()).contains("realm1", "invalid ticket");
			})
			.verify(TIMEOUT);
		assertThat(client.state()).isEqualTo(SessionState.CLOSED);
	}

	@Test
	void authFailureCanWaitTheMaximumBackoff() {
		WampClient client = client("wrong", ReconnectOptions.builder()
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
