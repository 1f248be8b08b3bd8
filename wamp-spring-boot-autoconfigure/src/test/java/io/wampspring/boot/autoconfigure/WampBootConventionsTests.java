package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wampspring.boot.autoconfigure.metrics.WampMetricsAutoConfiguration;
import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.core.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.support.WampJsonConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's conventions end to end on the embedded router: WAMP payloads follow
 * {@code spring.jackson.*}, and each call and each invocation is one timer, made from its
 * observation.
 */
class WampBootConventionsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				WampMetricsAutoConfiguration.class, JacksonAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withUserConfiguration(People.class)
		.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1");

	@Test
	void payloadsFollowTheApplicationsJacksonConfiguration() {
		this.runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run((context) -> {
			WampTemplate template = awaitRegistered(context);
			// the handler binds snake_case keyword arguments and answers in snake_case
			Map<String, Object> answer = template.blocking()
				.call("com.example.person", new ParameterizedTypeReference<>() {
				}, Map.of("first_name", "Ada", "born", "1815-12-10"));
			assertThat(answer).containsEntry("first_name", "ADA").containsEntry("born", "1815-12-10");
			assertThat(context.getBean(WampJsonConverter.class)).isNotSameAs(WampJsonConverter.shared());
		});
	}

	@Test
	void theConvertersOwnDefaultsApplyUnlessTheApplicationSetsThem() {
		this.runner.run((context) -> {
			WampJsonConverter converter = context.getBean(WampJsonConverter.class);
			assertThat(converter.mapper().isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isFalse();
			assertThat(converter.mapper().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
		});
		this.runner.withPropertyValues("spring.jackson.deserialization.accept-float-as-int=true").run((context) -> {
			WampJsonConverter converter = context.getBean(WampJsonConverter.class);
			assertThat(converter.mapper().isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isTrue();
		});
	}

	@Test
	void withoutABootMapperTheSharedConverter() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class))
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.auto-startup=false")
			.run((context) -> assertThat(context.getBean(WampJsonConverter.class))
				.isSameAs(WampJsonConverter.shared()));
	}

	@Test
	void oneInvocationIsOneTimerAndOneCallIsOneTimer() {
		this.runner.run((context) -> {
			WampTemplate template = awaitRegistered(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			long before = timed(meters);
			template.blocking().call("com.example.person", Map.class, Map.of("firstName", "Ada"));
			// the listener's observation stops after the answer is sent: wait for it
			await().atMost(TIMEOUT).until(() -> timed(meters) - before >= 2);
			assertThat(timed(meters) - before).isEqualTo(2);
			assertThat(count(meters, "wamp.template", "call", "success")).isOne();
			assertThat(count(meters, "wamp.listener", "invocation", "success")).isOne();

			assertThatExceptionOfType(WampException.class)
				.isThrownBy(() -> template.blocking().call("com.example.person", Map.class, Map.of()));
			await().atMost(TIMEOUT).until(() -> timed(meters) - before >= 4);
			assertThat(timed(meters) - before).isEqualTo(4);
			// the handler's exception class and the URI the caller got; no constant
			// WampException
			Timer failed = meters.get("wamp.listener").tags("wamp.outcome", "error").timer();
			assertThat(failed.getId().getTag("error")).isEqualTo("IllegalArgumentException");
			assertThat(failed.getId().getTag("wamp.error")).isEqualTo("wamp.error.invalid_argument");
			assertThat(meters.get("wamp.template").tags("wamp.outcome", "error").timer().getId().getTag("wamp.error"))
				.isEqualTo("wamp.error.invalid_argument");
		});
	}

	/**
	 * The sum of the counts of every WAMP timer of the procedure under test: each
	 * operation adds exactly one. (The registration lookups that wait for the procedure
	 * are timed too, and the last one may stop its timer just after the test read the
	 * count.)
	 */
	private static long timed(MeterRegistry meters) {
		return meters.getMeters()
			.stream()
			.filter(Timer.class::isInstance)
			.filter((meter) -> meter.getId().getName().startsWith("wamp."))
			.filter((meter) -> "com.example.person".equals(meter.getId().getTag("messaging.destination.name")))
			.mapToLong((meter) -> ((Timer) meter).count())
			.sum();
	}

	private static long count(MeterRegistry meters, String name, String operation, String outcome) {
		return meters.get(name)
			.tags("messaging.operation", operation, "messaging.destination.name", "com.example.person", "wamp.outcome",
					outcome)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static WampTemplate awaitRegistered(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		WampTemplate template = context.getBean(WampTemplate.class);
		await().atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> template.blocking()
				.call("wamp.registration.lookup", Long.class, "com.example.person") != null);
		return template;
	}

	@Configuration(proxyBeanMethods = false)
	static class People {

		@Bean
		PersonService personService() {
			return new PersonService();
		}

	}

	static class PersonService {

		@WampProcedure("com.example.person")
		Person person(Person person) {
			if (person.firstName() == null) {
				throw new IllegalArgumentException("first_name is required");
			}
			return new Person(person.firstName().toUpperCase(Locale.ROOT), person.born());
		}

	}

	record Person(String firstName, LocalDate born) {
	}

}
