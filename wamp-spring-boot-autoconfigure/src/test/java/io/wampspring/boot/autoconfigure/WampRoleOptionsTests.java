package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.wampspring.client.CancelMode;
import io.wampspring.client.InvokePolicy;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.config.WampProcedureEndpoint;
import io.wampspring.spring.config.WampSubscriptionEndpoint;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed role options ({@code wamp.defaults.<role>.options.*} and the options of the
 * handlers declared in configuration) take the WAMP spellings users already write
 * ({@code disclose_me}, {@code cancel_mode}, {@code exclude_me}, ...) through Spring
 * Boot's relaxed binding, and reach the template and the endpoints.
 */
class WampRoleOptionsTests {

	private static final String REGISTRATION = "wamp.peers.default.roles.callee.registrations[com.example.echo].";

	private static final String SUBSCRIPTION = "wamp.peers.default.roles.subscriber.subscriptions[com.example.news].";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
		.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
				"wamp.routers.main.realm=realm1")
		.withBean("handlers", Handlers.class, Handlers::new);

	@Test
	void wampSpellingsBind() {
		this.runner.withPropertyValues("wamp.defaults.caller.options.timeout=7s",
				"wamp.defaults.caller.options.disclose_me=true", "wamp.defaults.caller.options.cancel_mode=skip",
				"wamp.defaults.publisher.options.exclude_me=false", "wamp.defaults.publisher.options.disclose_me=true",
				"wamp.defaults.callee.options.disclose_caller=true",
				"wamp.defaults.callee.options.force_reregister=true", REGISTRATION + "handler=handlers#echo",
				REGISTRATION + "options.invoke=roundrobin", REGISTRATION + "options.queue_capacity=3",
				SUBSCRIPTION + "handler=handlers#onNews", SUBSCRIPTION + "options.match=wildcard",
				SUBSCRIPTION + "options.queue_capacity=5", SUBSCRIPTION + "options.extra._tracing=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WampTemplate template = context.getBean(WampTemplate.class);
				assertThat(template.getCallOptions().timeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(template.getCallOptions().discloseMe()).isTrue();
				assertThat(template.getCallOptions().cancelMode()).isEqualTo(CancelMode.SKIP);
				assertThat(template.getPublishOptions().toWire()).containsEntry("exclude_me", false)
					.containsEntry("disclose_me", true);
				WampEndpointRegistry registry = context.getBean(WampEndpointRegistry.class);
				assertThat(registry.getEndpoints()).hasSize(2);
				assertThat(registry.getEndpoints().get(0)).isInstanceOfSatisfying(WampProcedureEndpoint.class,
						(endpoint) -> {
							// from the handler, over the callee's defaults
							assertThat(endpoint.options().invoke()).isEqualTo(InvokePolicy.ROUNDROBIN);
							assertThat(endpoint.options().toWire()).containsEntry("disclose_caller", true)
								.containsEntry("force_reregister", true);
							assertThat(endpoint.queueCapacity()).isEqualTo(3);
						});
				assertThat(registry.getEndpoints().get(1)).isInstanceOfSatisfying(WampSubscriptionEndpoint.class,
						(endpoint) -> {
							assertThat(endpoint.options().match()).isEqualTo(MatchPolicy.WILDCARD);
							assertThat(endpoint.options().extra()).isEqualTo(Map.of("_tracing", true));
							assertThat(endpoint.queueCapacity()).isEqualTo(5);
						});
			});
	}

	@Test
	void kebabAndCamelCaseBindToo() {
		this.runner
			.withPropertyValues("wamp.defaults.caller.options.cancel-mode=kill",
					"wamp.defaults.publisher.options.excludeMe=false", "wamp.defaults.callee.options.match=prefix",
					REGISTRATION + "handler=handlers#echo")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WampTemplate template = context.getBean(WampTemplate.class);
				assertThat(template.getCallOptions().cancelMode()).isEqualTo(CancelMode.KILL);
				assertThat(template.getPublishOptions().toWire()).containsEntry("exclude_me", false);
				WampProcedureEndpoint endpoint = (WampProcedureEndpoint) context.getBean(WampEndpointRegistry.class)
					.getEndpoints()
					.get(0);
				assertThat(endpoint.options().match()).isEqualTo(MatchPolicy.PREFIX);
				assertThat(endpoint.options().invoke()).isEqualTo(InvokePolicy.SINGLE);
				assertThat(endpoint.queueCapacity()).isNull();
			});
	}

	@Test
	void unknownOptionFailsTheStartNamingTheNearestOne() {
		this.runner.withPropertyValues("wamp.defaults.publisher.options.exclude_mee=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WampConfigurationException.class)
				.hasMessageContaining("wamp.defaults.publisher.options.exclude_mee")
				.hasMessageContaining("did you mean 'exclude-me'?");
		});
	}

	static class Handlers {

		String echo(String text) {
			return text;
		}

		void onNews(String text) {
		}

	}

}
