package io.wampspring.spring.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.testsupport.LocalRouterConfig;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WampApiDescriber} over the endpoints of annotated beans: names, Java types and
 * JSON Schema of arguments, keyword arguments and results, progressive results, shared
 * definitions of structured types, injected parameters left out, and the description as
 * JSON through the application's Jackson 3 mapper.
 */
class WampApiDescriberTests {

	private static AnnotationConfigApplicationContext context;

	private static WampApiDescription description;

	@BeforeAll
	static void start() {
		context = new AnnotationConfigApplicationContext(Config.class);
		description = new WampApiDescriber(context.getBean(WampEndpointRegistry.class),
				WampPeers.of(context.getBean(WampPeer.class)))
			.describe();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void numbersAreNumbers() {
		WampApiDescription.Procedure add2 = description.procedure("com.example.add2");
		assertThat(add2).isNotNull();
		assertThat(add2.peer()).isEqualTo("default");
		assertThat(add2.handler()).isEqualTo("procedures#add2");
		assertThat(add2.options()).containsEntry("match", "exact").containsEntry("invoke", "single");
		assertThat(add2.args()).extracting(WampApiDescription.Parameter::name).containsExactly("a", "b");
		assertThat(add2.args()).allSatisfy((arg) -> {
			assertThat(arg.schema()).containsEntry("type", "number");
			assertThat(arg.required()).isTrue();
			assertThat(arg.type()).isEqualTo("java.lang.Number");
		});
		assertThat(add2.kwargs()).isEmpty();
		assertThat(add2.result()).isNotNull();
		assertThat(add2.result().schema()).containsEntry("type", "number");
		assertThat(add2.result().progressive()).isFalse();
	}

	@Test
	void progressiveResults() {
		WampApiDescription.Procedure countdown = description.procedure("com.example.countdown");
		assertThat(countdown.args()).singleElement().satisfies((arg) -> {
			assertThat(arg.name()).isEqualTo("from");
			assertThat(arg.schema()).containsEntry("type", "integer");
		});
		assertThat(countdown.result().progressive()).isTrue();
		assertThat(countdown.result().schema()).containsEntry("type", "integer");
	}

	@Test
	void kwargsAndInjectedParameters() {
		WampApiDescription.Procedure greet = description.procedure("com.example.greet");
		assertThat(greet.args()).isEmpty();
		assertThat(greet.kwargs()).extracting(WampApiDescription.Parameter::name)
			.containsExactly("name", "punctuation");
		assertThat(greet.kwargs()).extracting(WampApiDescription.Parameter::required).containsExactly(true, false);
		assertThat(greet.kwargs().get(0).schema()).containsEntry("type", "string");
		assertThat(greet.options()).containsEntry("disclose_caller", true);
	}

	@Test
	void structuredTypesAreSharedDefinitions() {
		WampApiDescription.Procedure people = description.procedure("com.example.people");
		assertThat(people.args()).singleElement().satisfies((arg) -> {
			assertThat(arg.name()).isEqualTo("filter");
			assertThat(arg.required()).isFalse();
			assertThat(arg.schema()).containsEntry("type", "string");
		});
		assertThat(people.result().type()).isEqualTo("java.util.List<" + Person.class.getName() + ">");
		assertThat(people.result().schema()).containsEntry("type", "array")
			.containsEntry("items", Map.of("$ref", "#/$defs/Person"));
		assertThat(description.definitions()).containsKey("Person");
		@SuppressWarnings("unchecked")
		Map<String, Object> person = (Map<String, Object>) description.definitions().get("Person");
		assertThat(person).containsEntry("type", "object");
		assertThat(person.get("properties")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("name", "age");
		WampApiDescription.Procedure nothing = description.procedure("com.example.nothing");
		assertThat(nothing.result()).isNull();
	}

	@Test
	void topics() {
		WampApiDescription.Topic onhello = description.topic("com.example.onhello");
		assertThat(onhello).isNotNull();
		assertThat(onhello.args()).singleElement().satisfies((arg) -> assertThat(arg.name()).isEqualTo("message"));
		WampApiDescription.Topic prefix = description.topic("com.example.events.");
		assertThat(prefix.options()).containsEntry("match", "prefix");
	}

	@Test
	void serializesWithTheApplicationsJackson() {
		String json = WampJsonConverter.defaultMapper().writeValueAsString(description);
		assertThat(json).contains("\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"")
			.contains("\"$defs\":{")
			.contains("\"uri\":\"com.example.add2\"")
			.doesNotContain("\"result\":null");
	}

	record Person(String name, int age) {
	}

	static class Procedures {

		@WampProcedure("com.example.add2")
		Mono<Number> add2(Number a, Number b) {
			return Mono.just(a.longValue() + b.longValue());
		}

		@WampProcedure("com.example.countdown")
		Flux<Long> countdown(long from, InvocationDetails details) {
			return Flux.just(from);
		}

		@WampProcedure(value = "com.example.greet", discloseCaller = true)
		String greet(@Kwarg("name") String name, @Kwarg(value = "punctuation", required = false) String punctuation,
				WampIdentity caller) {
			return name;
		}

		@WampProcedure("com.example.people")
		List<Person> people(Optional<String> filter) {
			return List.of();
		}

		@WampProcedure("com.example.nothing")
		void nothing(@Nullable String ignored) {
		}

		@WampSubscribe("com.example.onhello")
		void onHello(String message, EventDetails details) {
		}

		@WampSubscribe(value = "com.example.events.", match = MatchPolicy.PREFIX)
		void onEvent(Map<String, Object> event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	@Import(LocalRouterConfig.class)
	static class Config {

		@Bean
		Procedures procedures() {
			return new Procedures();
		}

	}

}
