package io.wampspring.boot.readme;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.boot.autoconfigure.WampConfigurationException;
import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.spring.core.WampOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The {@code application.yml} of docs/getting-started.md (step 2), read from the page
 * itself and started with the bean of step 3: only the ports are moved to free ones. With
 * {@code WAMP_TICKET} set, joe joins the embedded router over the socket and another
 * client calls the procedure as joe; without it, the start-up fails naming the variable.
 */
class GettingStartedExampleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	@Test
	void theApplicationOfStepsTwoAndThreeServesItsProcedure() throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = start(port, "--WAMP_TICKET=joe-ticket")) {
			WampClient client = WampClient.create(ClientOptions.builder("ws://127.0.0.1:" + port + "/ws", "realm1")
				.authid("joe")
				.authenticator(new TicketAuthenticator("joe-ticket"))
				.build());
			try {
				client.connect().block(TIMEOUT);
				assertThat(client.call("com.example.add2", List.of(2, 3), Map.of(), CallOptions.defaults())
					.block(TIMEOUT)
					.args()).containsExactly(5L);
			}
			finally {
				client.close().block(TIMEOUT);
			}
		}
	}

	@Test
	void anUnsetTicketVariableFailsTheStartNamingIt() throws IOException {
		assumeThat(System.getenv("WAMP_TICKET")).as("WAMP_TICKET is set in this environment").isNull();
		int port = freePort();
		assertThatException().isThrownBy(() -> start(port))
			.havingRootCause()
			.isInstanceOf(WampConfigurationException.class)
			// the router entry's secret or the embedded user's, whichever is bound first
			.withMessageContaining("secret'")
			.withMessageContaining("${WAMP_TICKET}")
			.withMessageContaining("Set the environment variable or property WAMP_TICKET");
	}

	private ConfigurableApplicationContext start(int port, String... arguments) throws IOException {
		Path yaml = this.directory.resolve("application.yml");
		Files.writeString(yaml, stepTwoYaml());
		String[] args = new String[arguments.length + 3];
		args[0] = "--spring.config.location=file:" + yaml;
		// the page's ports, moved so that the test never collides with a running sample
		args[1] = "--wamp.embedded-router.port=" + port;
		args[2] = "--wamp.routers.main.url=ws://127.0.0.1:" + port + "/ws";
		System.arraycopy(arguments, 0, args, 3, arguments.length);
		return new SpringApplicationBuilder(GettingStartedApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off")
			.registerShutdownHook(false)
			.run(args);
	}

	private static String stepTwoYaml() throws IOException {
		String page = Files.readString(Path.of("../docs/getting-started.md"));
		int step = page.indexOf("## 2. One router entry");
		int start = page.indexOf("```yaml\n", step) + "```yaml\n".length();
		int end = page.indexOf("```", start);
		assertThat(step).as("step 2 of getting-started.md").isPositive();
		String yaml = page.substring(start, end);
		assertThat(yaml).contains("${WAMP_TICKET}").contains("embedded-router");
		return yaml;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class GettingStartedApplication {

		@Bean
		ReadmeExampleTests.Calculator calculator(WampOperations wamp) {
			return new ReadmeExampleTests.Calculator(wamp);
		}

	}

}
