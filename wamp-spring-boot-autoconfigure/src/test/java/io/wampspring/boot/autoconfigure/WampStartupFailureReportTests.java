package io.wampspring.boot.autoconfigure;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when a real {@code SpringApplication} fails to start: Spring Boot's
 * own failure analyzers run in their order, and the project's analysis is the one
 * printed, with no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class WampStartupFailureReportTests {

	@Test
	void unknownPropertyIsReportedWithTheNearestName(CapturedOutput output) {
		start("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
				"wamp.routers.main.ulr=ws://localhost:9/ws");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The WAMP configuration property 'wamp.routers.main.ulr' is invalid")
			.contains("did you mean 'url'?")
			.contains("Rename it to wamp.routers.main.url")
			.doesNotContain("\tat ");
	}

	@Test
	void handlerBeanThatDoesNotExistNamesTheProperty(CapturedOutput output) {
		start("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
				"wamp.peers.default.roles.callee.registrations[com.example.echo].handler=nope#echo");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The WAMP configuration property "
					+ "'wamp.peers.default.roles.callee.registrations[com.example.echo].handler' is invalid: "
					+ "there is no bean named 'nope'")
			.doesNotContain("A component required a bean named")
			.doesNotContain("\tat ");
	}

	@Test
	void projectAnalysisComesBeforeBootsWhateverTheClassPathOrder() {
		Throwable[] failure = new Throwable[1];
		new ApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues("wamp.auto-startup=false", "wamp.embedded-router.enabled=true",
					"wamp.embedded-router.port=-1",
					"wamp.peers.default.roles.callee.registrations[com.example.echo].handler=wampPeerz#echo")
			.run((context) -> failure[0] = context.getStartupFailure());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class,
					ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
						.and(Environment.class, new StandardEnvironment()),
					// as Boot does: skip an analyzer whose classes are missing
					FailureHandler.handleMessage((message, ex) -> {
					}));
		// the starter after Spring Boot's jars on the class path
		Collections.reverse(analyzers);
		AnnotationAwareOrderComparator.sort(analyzers);
		// the project's analyzers come before every other one
		assertThat(analyzers.subList(0, 2)).hasExactlyElementsOfTypes(WampEndpointFailureAnalyzer.class,
				WampConfigurationFailureAnalyzer.class);
		FailureAnalysis analysis = analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure[0]))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow();
		assertThat(analysis.getDescription()).contains("there is no bean named 'wampPeerz', did you mean 'wampPeers'?");
	}

	static void start(String... properties) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("wamp.auto-startup=false", "spring.main.banner-mode=off")
			.properties(properties)
			.run()
			.close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
			SslAutoConfiguration.class })
	static class App {

	}

}
