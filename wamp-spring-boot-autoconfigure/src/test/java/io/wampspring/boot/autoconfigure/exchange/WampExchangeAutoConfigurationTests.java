package io.wampspring.boot.autoconfigure.exchange;

import java.time.Duration;

import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.boot.autoconfigure.exchange.app.Adder;
import io.wampspring.boot.autoconfigure.exchange.app.AdderApplication;
import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.spring.exchange.EnableWampExchanges;
import io.wampspring.spring.exchange.WampExchangeProxyFactory;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WampExchangeAutoConfiguration}: the interfaces of the auto-configuration
 * packages are beans that call through the embedded router; an explicit
 * {@link EnableWampExchanges} replaces the scanning; without a template nothing is
 * configured.
 */
class WampExchangeAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				WampExchangeAutoConfiguration.class))
		.withPropertyValues("test.prefix=com.example");

	@Test
	void interfacesOfTheApplicationPackagesAreBeansThatCall() {
		this.runner.withUserConfiguration(AdderApplication.class)
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(WampExchangeProxyFactory.class)
					.hasSingleBean(Adder.class);
				StepVerifier.create(context.getBean(Adder.class).add(2, 3))
					.expectNext(5)
					.expectComplete()
					.verify(TIMEOUT);
			});
	}

	@Test
	void anExplicitEnableReplacesTheScanning() {
		this.runner.withUserConfiguration(AdderApplication.class, ExplicitNone.class)
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WampExchangeProxyFactory.class)
				.doesNotHaveBean(Adder.class)
				.hasSingleBean(Other.class));
	}

	@Test
	void nothingWithoutATemplate() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WampExchangeAutoConfiguration.class))
			.withUserConfiguration(AdderApplication.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WampExchangeProxyFactory.class)
				.doesNotHaveBean(Adder.class));
	}

	/** Registers one exchange of another package explicitly. */
	@Configuration(proxyBeanMethods = false)
	@EnableWampExchanges(clients = Other.class)
	static class ExplicitNone {

	}

	@io.wampspring.spring.exchange.WampExchange
	interface Other {

		@io.wampspring.spring.exchange.WampCall("com.example.other")
		reactor.core.publisher.Mono<String> other();

	}

}
