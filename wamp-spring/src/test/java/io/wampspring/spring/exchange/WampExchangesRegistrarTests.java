package io.wampspring.spring.exchange;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.exchange.scan.Greeter;
import io.wampspring.spring.exchange.scan.NotAnExchange;
import io.wampspring.spring.testsupport.LocalRouterConfig;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedMethods;
import org.springframework.aot.generate.MethodReference;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;
import org.springframework.aot.generate.ClassNameGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableWampExchanges} registers a bean for each {@link WampExchange} interface of
 * its packages (placeholders resolved from the environment), and the AOT processor
 * registers the proxy and reflection hints a native image needs for them.
 */
class WampExchangesRegistrarTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void scannedInterfacesAreBeansThatCall() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("test.prefix", "org.example")));
			context.register(Config.class);
			context.refresh();
			assertThat(context.getBeanNamesForType(Greeter.class)).containsExactly(Greeter.class.getName());
			assertThat(context.getBeanNamesForType(NotAnExchange.class)).isEmpty();
			context.getBean(WampTemplate.class).getPeer().connect().block(TIMEOUT);
			StepVerifier.create(context.getBean(Greeter.class).greet("ada"))
				.expectNext("hello ada")
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void aotRegistersProxyAndReflectionHints() throws NoSuchMethodException {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		WampExchangeScanner.register(beanFactory, Greeter.class);
		BeanFactoryInitializationAotContribution contribution = new WampExchangeAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, new BeanFactoryInitializationCode() {

			@Override
			public ClassName getClassName() {
				return ClassName.get("com.example", "Test");
			}

			@Override
			public GeneratedMethods getMethods() {
				throw new UnsupportedOperationException();
			}

			@Override
			public void addInitializer(MethodReference methodReference) {
			}

		});
		RuntimeHints hints = generation.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Greeter.class)).accepts(hints);
		Method greet = Greeter.class.getMethod("greet", String.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(greet)).accepts(hints);
		assertThat(new WampExchangeAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
	}

	static class Procedures {

		@WampProcedure("org.example.greet")
		String greet(String name) {
			return "hello " + name;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWamp
	@Import(LocalRouterConfig.class)
	@EnableWampExchanges(basePackageClasses = Greeter.class)
	static class Config {

		@Bean
		Procedures procedures() {
			return new Procedures();
		}

	}

}
