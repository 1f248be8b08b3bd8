package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.BlockingWampOperations;
import io.wampspring.spring.core.WampExtraSession;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampSessionCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * {@link WampTemplate}'s Nexus helpers against the embedded router with roles: rosters
 * and metadata in Nexus's shapes, a one-time password used once then refused, an API key
 * that logs in and is refused outside its permissions, and a role without permission
 * refused.
 */
class NexusHelpersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static AnnotationConfigApplicationContext context;

	private static WampTemplate template;

	private static BlockingWampOperations john;

	@BeforeAll
	static void start() {
		context = new AnnotationConfigApplicationContext(Config.class);
		template = context.getBean(WampTemplate.class);
		john = template.blocking();
		template.getPeer().connect().block(TIMEOUT);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private static WampExtraSession login(String authid, String ticket) {
		WampExtraSession extra = template
			.openSession(WampSessionCredentials.of(authid, new TicketAuthenticator(ticket)))
			.block(TIMEOUT);
		assertThat(extra).isNotNull();
		return extra;
	}

	private static void refused(String authid, String ticket) {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> login(authid, ticket))
			.satisfies((ex) -> assertThat(authenticationCause(ex).getUri()).isEqualTo(WampUris.AUTHENTICATION_FAILED));
	}

	private static WampAuthenticationException authenticationCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof WampAuthenticationException authentication) {
				return authentication;
			}
		}
		throw new AssertionError("no WampAuthenticationException in " + ex, ex);
	}

	private static void notAuthorized(Runnable action) {
		assertThatExceptionOfType(WampException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED));
	}

	@Test
	void rosterAndMetadataInNexusShapes() {
		assertThat(john.whoami()).containsEntry("authid", "john.doe").containsEntry("role", "backend");
		// no visibility: the router's default, the caller's own role
		Map<String, Object> entry = john.rosterRegister("roster.workers", Map.of("name", "w1"), null);
		assertThat(entry).containsEntry("name", "roster.workers")
			.containsEntry("data", Map.of("name", "w1"))
			.containsEntry("visibility", List.of("backend"))
			.containsKeys("uuid", "created", "session_id");
		assertThat(john.rosterQuery("roster.workers", Map.class)).containsExactly(Map.of("name", "w1"));
		try (WampExtraSession joe = login("joe", "joe-secret")) {
			assertThat(joe.operations().blocking().rosterQuery("roster.workers", Map.class)).isEmpty();
		}
		assertThat(john.rosterUnregister("roster.workers")).isTrue();

		assertThat(john.metadataSet("color", Map.of("name", "blue"))).isEqualTo(Map.of("name", "blue"));
		assertThat(john.metadataGet("color", Map.class)).isEqualTo(Map.of("name", "blue"));
		assertThat(john.metadataList()).extractingByKey("color")
			.asInstanceOf(MAP)
			.containsEntry("value", Map.of("name", "blue"))
			.containsKey("uuid");
		assertThat(john.metadataDelete("color")).isTrue();
		assertThat(john.metadataGet("color", String.class)).isNull();
	}

	@Test
	void aOneTimePasswordLogsInOnceThenIsRefused() {
		Map<String, Object> otp = john.otpCreate(Map.of());
		assertThat(otp).containsEntry("login", "john.doe").containsKeys("plaintext_key", "expires", "uuid");
		String plaintext = (String) otp.get("plaintext_key");
		try (WampExtraSession delegated = login("john.doe", plaintext)) {
			BlockingWampOperations operations = delegated.operations().blocking();
			assertThat(operations.whoami()).containsEntry("authid", "john.doe").containsEntry("authprovider", "otp");
			// only a session that logged in with its password creates one-time passwords
			notAuthorized(() -> operations.otpCreate(Map.of()));
		}
		refused("john.doe", plaintext);
		assertThat(john.otpList()).isEmpty();
	}

	@Test
	void anApiKeyLogsInAndIsRefusedOutsideItsPermissions() {
		Map<String, Object> key = john.apikeysCreate(Map.of("description", "ci", "permissions",
				List.of(Map.of("uri", "com.example.*", "perms", "c"), Map.of("uri", "auth.whoami", "perms", "c"))));
		String plaintext = (String) key.get("plaintext_key");
		assertThat(john.apikeysList()).singleElement()
			.satisfies((listed) -> assertThat(listed).containsEntry("uuid", key.get("uuid"))
				.containsEntry("plaintext_key", null)
				.containsEntry("description", "ci"));
		try (WampExtraSession bot = login("john.doe", plaintext)) {
			BlockingWampOperations operations = bot.operations().blocking();
			assertThat(operations.whoami()).containsEntry("authprovider", "apikey").containsEntry("role", "backend");
			assertThat(operations.call("com.example.echo", String.class, "hi")).isEqualTo("hi");
			// john's role allows these; the key does not
			notAuthorized(() -> operations.metadataList());
			notAuthorized(() -> operations.call("org.example.other", String.class));
			notAuthorized(() -> operations.apikeysList());
		}
		assertThat(john.apikeysDelete((String) key.get("uuid")).arg(0)).isEqualTo(true);
		refused("john.doe", plaintext);
		// john's own password still logs in
		try (WampExtraSession again = login("john.doe", "john-secret")) {
			assertThat(again.operations().blocking().whoami()).containsEntry("authprovider", "static");
		}
	}

	@Test
	void aRoleWithoutThePermissionIsRefusedTheServices() {
		try (WampExtraSession rita = login("rita", "rita-secret")) {
			BlockingWampOperations operations = rita.operations().blocking();
			notAuthorized(operations::whoami);
			notAuthorized(() -> operations.metadataSet("k", "v"));
			notAuthorized(() -> operations.rosterQuery("roster.workers", Map.class));
			notAuthorized(() -> operations.otpCreate(Map.of()));
			notAuthorized(() -> operations.apikeysCreate(Map.of()));
		}
	}

	/** Echoes its argument. */
	static class Echo {

		@WampProcedure("com.example.echo")
		String echo(String text) {
			return text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	static class Config {

		@Bean(destroyMethod = "stop")
		WampRouter router() {
			return WampRouter.builder()
				.realm(RealmConfig.builder("nexus")
					.user("john.doe", "backend", "john-secret")
					.user("joe", "frontend", "joe-secret")
					.user("rita", "restricted", "rita-secret")
					.role("backend",
							Permission.prefix("", Action.CALL, Action.REGISTER, Action.PUBLISH, Action.SUBSCRIBE))
					.role("frontend", Permission.exact("system.roster.query", Action.CALL))
					.role("restricted", Permission.prefix("com.example.", Action.CALL))
					.build())
				.webSocket("127.0.0.1", 0, "/ws")
				.shutdownTimeout(Duration.ofMillis(500))
				.build()
				.start();
		}

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.routerName("local")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "nexus")
					.authid("john.doe")
					.authenticator(new TicketAuthenticator("john-secret"))
					.reconnect(ReconnectOptions.builder()
						.backoff(BackoffStrategy.fixed(Duration.ofMillis(100)))
						.authFailurePolicy(ReconnectOptions.AuthFailurePolicy.STOP)
						.build())
					.build())
				.shutdownGracePeriod(Duration.ofSeconds(1))
				.build();
		}

		@Bean
		WampTemplate wampTemplate(WampPeer peer) {
			return new WampTemplate(peer);
		}

		@Bean
		Echo echo() {
			return new Echo();
		}

	}

}
