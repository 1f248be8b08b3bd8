package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.security.WampAuthenticationToken;
import io.wampspring.spring.security.WampSecurityInterceptor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Handlers behind Spring Security's method security and Jakarta Validation, called over
 * the embedded router by users of two roles.
 */
class HandlerSecurityAndValidationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static WampRouter router;

	private static AnnotationConfigApplicationContext context;

	private static WampClient johnDoe;

	private static WampClient joe;

	@BeforeAll
	static void start() {
		router = WampRouter.builder()
			.realm(RealmConfig.builder("secure")
				.user("service", "backend", "service-secret")
				.user("john.doe", "backend", "john-secret")
				.user("joe", "frontend", "joe-secret")
				// the router lets both roles call everything: the handlers decide
				.role("backend", Permission.prefix("com.example.", Action.CALL, Action.REGISTER))
				.role("frontend", Permission.prefix("com.example.", Action.CALL))
				.build())
			.webSocket("127.0.0.1", 0, "/ws")
			.shutdownTimeout(Duration.ofMillis(500))
			.build()
			.start();
		context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().registerSingleton("router", router);
		context.register(Config.class);
		context.refresh();
		johnDoe = client("john.doe", "john-secret");
		joe = client("joe", "joe-secret");
	}

	private static WampClient client(String authid, String ticket) {
		WampClient client = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "secure")
			.authid(authid)
			.authenticator(new TicketAuthenticator(ticket))
			.build());
		client.connect().block(TIMEOUT);
		return client;
	}

	@AfterAll
	static void stop() {
		for (WampClient client : new WampClient[] { johnDoe, joe }) {
			if (client != null) {
				client.close().block(TIMEOUT);
			}
		}
		if (context != null) {
			context.close();
		}
		if (router != null) {
			router.stop();
		}
	}

	private static Object call(WampClient client, String procedure, List<?> args, Map<String, ?> kwargs) {
		return client.call(procedure, args, kwargs, CallOptions.defaults()).block(TIMEOUT).arg(0);
	}

	@Test
	void preAuthorizeLetsTheBackendRoleIn() {
		assertThat(call(johnDoe, "com.example.admin_only", List.of(), Map.of())).isEqualTo("welcome john.doe");
	}

	@Test
	void preAuthorizeRefusesTheFrontendRoleWithNotAuthorized() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(joe, "com.example.admin_only", List.of(), Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.NOT_AUTHORIZED);
				// the refusal's text stays in the callee
				assertThat(ex.getArgs().toString()).doesNotContain("Access Denied");
			});
		// the refused call left nothing behind on the handler threads
		assertThat(call(johnDoe, "com.example.admin_only", List.of(), Map.of())).isEqualTo("welcome john.doe");
	}

	@Test
	void theHandlerSeesTheCallerAsAWampAuthenticationToken() {
		assertThat(call(joe, "com.example.whoami_security", List.of(), Map.of()))
			.isEqualTo("joe frontend [ROLE_frontend] " + true);
	}

	@Test
	void aReturnedMonoSeesTheCallerInItsReactiveContext() {
		assertThat(call(joe, "com.example.whoami_reactive", List.of(), Map.of())).isEqualTo("joe");
	}

	@Test
	void validArgumentsPass() {
		assertThat(call(joe, "com.example.order", List.of("tea", 2), Map.of("note", "hot"))).isEqualTo("2 x tea (hot)");
		assertThat(call(joe, "com.example.order_item", List.of(Map.of("name", "tea", "quantity", 1)), Map.of()))
			.isEqualTo("1 x tea");
	}

	@Test
	void constraintViolationsAnswerInvalidArgumentWithEachPathAndMessage() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(joe, "com.example.order", List.of(" ", 0), Map.of("note", "x".repeat(30))))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat(ex.getKwargs().get("violations"))
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
					.containsExactly(Map.of("path", "item", "message", "must not be blank"),
							Map.of("path", "note", "message", "size must be between 0 and 20"),
							Map.of("path", "quantity", "message", "must be greater than or equal to 1"));
				assertThat(ex.getKwargs().get("fields")).isEqualTo(List.of("item", "note", "quantity"));
				assertThat((String) ex.getArgs().get(0)).contains("com.example.order", "quantity: must be greater")
					// never the rejected value
					.doesNotContain("xxxxx");
			});
	}

	@Test
	void aValidPojoNamesTheFieldPath() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(joe, "com.example.order_item", List.of(Map.of("name", "", "quantity", 5)), Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat(ex.getKwargs().get("fields")).isEqualTo(List.of("item.name"));
			});
	}

	@Test
	void onlyTheGroupsOfValidatedApply() {
		assertThat(call(joe, "com.example.strict", List.of("abc", "too long for the default group"), Map.of()))
			.isEqualTo("abc");
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> call(joe, "com.example.strict", List.of("abcd", "x"), Map.of()))
			.satisfies((ex) -> assertThat(ex.getKwargs().get("fields")).isEqualTo(List.of("code")));
	}

	/** A validation group. */
	interface Strict {

	}

	/** What the caller orders: a name and a quantity. */
	record Item(@NotBlank String name, @Min(1) int quantity) {
	}

	/** Procedures guarded by method security or validated. */
	public static class Handlers {

		@WampProcedure(uri = "com.example.admin_only", discloseCaller = true)
		@PreAuthorize("hasRole('backend')")
		public String adminOnly() {
			return "welcome " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

		@WampProcedure(uri = "com.example.whoami_security", discloseCaller = true)
		public String whoami() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			WampAuthenticationToken token = (WampAuthenticationToken) authentication;
			return token.getName() + " " + token.getAuthrole() + " " + token.getAuthorities() + " "
					+ (token.getSession() != null);
		}

		@WampProcedure(uri = "com.example.whoami_reactive", discloseCaller = true)
		public Mono<String> whoamiReactive() {
			// read when the result is subscribed, on whatever thread
			return Mono.defer(() -> ReactiveSecurityContextHolder.getContext())
				.map((security) -> security.getAuthentication().getName());
		}

		@WampProcedure(uri = "com.example.order")
		public String order(@NotBlank String item, @Min(1) int quantity, @Kwarg("note") @Size(max = 20) String note) {
			return quantity + " x " + item + " (" + note + ")";
		}

		@WampProcedure(uri = "com.example.strict")
		@Validated(Strict.class)
		public String strict(@Size(max = 3, groups = Strict.class) String code, @Size(max = 5) String other) {
			return code;
		}

		@WampProcedure(uri = "com.example.order_item")
		public String orderItem(@Valid Item item) {
			return item.quantity() + " x " + item.name();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	@EnableMethodSecurity
	static class Config {

		@Bean
		WampPeer defaultPeer(WampRouter router) {
			return WampPeer.builder("default")
				.clientOptions(ClientOptions.builder(router.webSocketUrl(), "secure")
					.authid("service")
					.authenticator(new TicketAuthenticator("service-secret"))
					.reconnect(
							ReconnectOptions.builder().backoff(BackoffStrategy.fixed(Duration.ofMillis(100))).build())
					.build())
				.shutdownGracePeriod(Duration.ofSeconds(2))
				.build();
		}

		@Bean
		WampSecurityInterceptor wampSecurityInterceptor() {
			return new WampSecurityInterceptor();
		}

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

}
