package io.wampspring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code script} profile: the izaber-style script runs against the embedded router
 * while the application starts, and prints each result.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScriptProfileTests {

	@Test
	void scriptPrintsWhoamiRosterAndMetadataResults(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("script")
			.run("--wamp.embedded-router.port=" + TestClients.freePort(), "--wamp.embedded-router.raw-socket-port=0")) {
			assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("none");
		}
		assertThat(output.getOut()).contains("whoami: {", "authid=john.doe", "authrole=backend",
				// Nexus's shapes: the roster record, the value set, key -> {value, ...}
				"roster register: {", "name=sample.scripts", "data={name=sample-script}", "visibility=[*]",
				"roster query: [{name=sample-script}]", "roster unregister: true", "metadata set: blue",
				"metadata get: blue", "metadata list: {color={value=blue, uuid=", "metadata delete: true",
				"metadata get: null", "script finished");
	}

}
