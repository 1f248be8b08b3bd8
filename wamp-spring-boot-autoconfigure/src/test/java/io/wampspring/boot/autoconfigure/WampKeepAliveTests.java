package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application without a web server keeps running while its context is open: the
 * starter turns on Boot's keep-alive thread unless the application turns it off.
 */
class WampKeepAliveTests {

	@Test
	void aNonWebApplicationKeepsTheJvmAliveUntilItsContextCloses() {
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(context.getEnvironment().getProperty("spring.main.keep-alive")).isEqualTo("true");
			await().atMost(Duration.ofSeconds(10)).until(() -> keepAliveThread().isPresent());
			assertThat(keepAliveThread()).get().satisfies((thread) -> assertThat(thread.isDaemon()).isFalse());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> keepAliveThread().isEmpty());
	}

	@Test
	void theCommandLineCanTurnItOff() {
		try (ConfigurableApplicationContext context = application().run("--spring.main.keep-alive=false")) {
			assertThat(keepAliveThread()).isEmpty();
		}
	}

	@Test
	void theApplicationsDefaultPropertiesCanTurnItOff() {
		try (ConfigurableApplicationContext context = application().properties("spring.main.keep-alive=false").run()) {
			assertThat(context.getEnvironment().getProperty("spring.main.keep-alive")).isEqualTo("false");
			assertThat(keepAliveThread()).isEmpty();
		}
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn");
	}

	private static Optional<Thread> keepAliveThread() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("keep-alive") && thread.isAlive())
			.findFirst();
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
