package io.wampspring.sample;

import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.WampClient;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code external} profile: no embedded router; the sample joins the router at
 * WAMP_URL / WAMP_REALM, with ticket authentication when WAMP_AUTHID / WAMP_SECRET are
 * given, and serves its procedures there.
 */
class ExternalProfileTests {

	private WampRouter external;

	private final TestClients clients = new TestClients();

	@BeforeEach
	void startTheExternalRouter() {
		this.external = WampRouter.builder()
			.realm(RealmConfig.builder("elsewhere").anonymous(true).user("svc", "service", "s3cret").build())
			.webSocket("127.0.0.1", 0, "/ws")
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.clients.close();
		this.external.stop();
	}

	@Test
	void joinsWithTheTicketFromTheEnvironment() {
		try (ConfigurableApplicationContext context = run("--WAMP_AUTHID=svc", "--WAMP_SECRET=s3cret")) {
			assertThat(context.getBeanProvider(WampRouter.class).getIfAvailable()).isNull();
			WampTemplate wamp = context.getBean(WampTemplate.class);
			Map<String, Object> me = wamp.getPeer().connect().then(wamp.whoami()).block(TestClients.TIMEOUT);
			assertThat(me).containsEntry("authid", "svc").containsEntry("authrole", "service");
			WampClient caller = this.clients.anonymous(this.external.webSocketUrl(), "elsewhere");
			await().atMost(TestClients.TIMEOUT)
				.ignoreExceptions()
				.until(() -> caller.call("com.example.add2", List.of(2, 3), Map.of(), CallOptions.defaults())
					.block(TestClients.TIMEOUT)
					.args()
					.equals(List.of(5L)));
		}
	}

	@Test
	void joinsAnonymouslyWithoutASecret() {
		try (ConfigurableApplicationContext context = run()) {
			WampTemplate wamp = context.getBean(WampTemplate.class);
			Map<String, Object> me = wamp.getPeer().connect().then(wamp.whoami()).block(TestClients.TIMEOUT);
			assertThat(me).containsEntry("authrole", "anonymous");
		}
	}

	private ConfigurableApplicationContext run(String... credentials) {
		List<String> args = new java.util.ArrayList<>(
				List.of("--WAMP_URL=" + this.external.webSocketUrl(), "--WAMP_REALM=elsewhere", "--server.port=0"));
		args.addAll(List.of(credentials));
		return new SpringApplicationBuilder(SampleApplication.class).profiles("external")
			.run(args.toArray(new String[0]));
	}

}
