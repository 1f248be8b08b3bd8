package io.wampspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.WampClient;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code com.example.admin_only} is decided by {@code @PreAuthorize} with the caller's
 * identity: the router lets joe (frontend) call it, the method refuses him; john.doe
 * (backend) is let in. {@code com.example.order} validates its arguments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "wamp.embedded-router.raw-socket-port=0" })
class SampleSecurityTests {

	private static final Duration TIMEOUT = TestClients.TIMEOUT;

	@DynamicPropertySource
	static void routerPorts(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WampRouter router;

	@Autowired
	private WampTemplate wamp;

	private final TestClients clients = new TestClients();

	private WampClient johnDoe;

	private WampClient joe;

	@BeforeEach
	void join() {
		await().atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.wamp.blocking()
				.call("wamp.registration.lookup", Long.class, "com.example.admin_only") != null
					&& this.wamp.blocking().call("wamp.registration.lookup", Long.class, "com.example.order") != null);
		this.johnDoe = this.clients.ticket(this.router.webSocketUrl(), "john.doe", "123456");
		this.joe = this.clients.ticket(this.router.webSocketUrl(), "joe", "joe-secret");
	}

	@AfterEach
	void leave() {
		this.clients.close();
	}

	private static CallResult call(WampClient client, String procedure, List<?> args, Map<String, ?> kwargs) {
		return client.call(procedure, args, kwargs, CallOptions.defaults()).block(TIMEOUT);
	}

	@Test
	void adminOnlyLetsTheBackendRoleIn() {
		assertThat(call(this.johnDoe, "com.example.admin_only", List.of(), Map.of()).args())
			.containsExactly("hello admin john.doe");
	}

	@Test
	void adminOnlyRefusesTheFrontendRoleByItsAnnotation() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(this.joe, "com.example.admin_only", List.of(), Map.of()))
			.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED));
		// the router let joe through: a procedure it does not guard answers him
		assertThat(call(this.joe, "com.example.order", List.of("tea", 2), Map.of()).args()).containsExactly("2 x tea");
	}

	@Test
	void orderNamesEveryViolation() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(this.joe, "com.example.order", List.of("", 11), Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat(ex.getKwargs().get("fields")).isEqualTo(List.of("item", "quantity"));
				assertThat(ex.getKwargs().get("violations"))
					.isEqualTo(List.of(Map.of("path", "item", "message", "must not be blank"),
							Map.of("path", "quantity", "message", "must be less than or equal to 10")));
			});
	}

}
