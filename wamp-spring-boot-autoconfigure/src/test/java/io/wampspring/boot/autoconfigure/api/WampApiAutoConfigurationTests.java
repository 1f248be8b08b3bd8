package io.wampspring.boot.autoconfigure.api;

import io.wampspring.boot.actuate.endpoint.WampEndpoint;
import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.boot.autoconfigure.endpoint.WampEndpointAutoConfiguration;
import io.wampspring.boot.autoconfigure.exchange.app.AdderApplication;
import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.spring.api.WampApiDescriber;
import io.wampspring.spring.api.WampApiDescription;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WampApiAutoConfiguration} and the {@code wamp/api} part of the Actuator
 * endpoint: the application's procedures with JSON Schema, customizers applied, nothing
 * without victools' generator.
 */
class WampApiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				WampApiAutoConfiguration.class, WampEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withUserConfiguration(AdderApplication.class)
		.withPropertyValues("management.endpoints.web.exposure.include=wamp", "wamp.embedded-router.enabled=true",
				"wamp.embedded-router.port=-1");

	@Test
	void theEndpointDescribesTheApi() {
		this.runner
			.withBean(WampApiDescriberCustomizer.class,
					() -> (builder) -> builder.forFields().withDescriptionResolver((field) -> "customized"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(WampApiDescriber.class);
				WampEndpoint endpoint = context.getBean(WampEndpoint.class);
				WampApiDescription api = endpoint.part(WampEndpoint.API);
				assertThat(api).isNotNull();
				WampApiDescription.Procedure add2 = api.procedure("com.example.add2");
				assertThat(add2).isNotNull();
				assertThat(add2.peer()).isEqualTo("default");
				assertThat(add2.args()).extracting(WampApiDescription.Parameter::name).containsExactly("a", "b");
				assertThat(add2.args()).allSatisfy((arg) -> assertThat(arg.schema()).containsEntry("type", "integer"));
				assertThat(add2.result().schema()).containsEntry("type", "integer");
				assertThat(endpoint.part("other")).isNull();
			});
	}

	@Test
	void nothingWithoutTheSchemaGenerator() {
		this.runner.withClassLoader(new FilteredClassLoader("com.github.victools")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WampApiDescriber.class);
			assertThat(context.getBean(WampEndpoint.class).part(WampEndpoint.API)).isNull();
		});
	}

}
