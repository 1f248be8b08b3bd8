package io.wampspring.spring.exchange;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.CallOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.testsupport.LocalRouterConfig;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.WampIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Proxies of {@link WampExchange} interfaces made by {@link WampExchangeProxyFactory},
 * calling and publishing through the embedded router on a real socket to annotated
 * handlers: every return type, keyword arguments, options from annotations and from a
 * parameter, generic results, errors, timeouts, and the refusal to block on a
 * non-blocking thread.
 */
class WampExchangeProxyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static AnnotationConfigApplicationContext context;

	private static WampTemplate template;

	private static Calculator calculator;

	@BeforeAll
	static void start() {
		context = new AnnotationConfigApplicationContext(Config.class);
		template = context.getBean(WampTemplate.class);
		template.getPeer().connect().block(TIMEOUT);
		calculator = WampExchangeProxyFactory.of(template).create(Calculator.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	record Person(String name, int age) {
	}

	@WampExchange(uriPrefix = "com.example")
	interface Calculator {

		@WampCall("add2")
		Mono<Integer> add(int a, int b);

		@WampCall("add2")
		CompletableFuture<Long> addFuture(long a, long b);

		@WampCall("add2")
		int addBlocking(int a, int b);

		@WampCall("countdown")
		Flux<Integer> countdown(int from);

		@WampCall("greet")
		Mono<String> greet(String greeting, @Kwarg("name") String name,
				@Kwarg(value = "punctuation", required = false) String punctuation);

		@WampCall("people")
		Mono<List<Person>> people();

		@WampCall("people")
		List<Person> peopleBlocking();

		@WampCall("fail")
		Mono<Void> fail();

		@WampCall("fail")
		void failBlocking();

		@WampCall(value = "caller", discloseMe = "true")
		Mono<Long> callerDisclosed();

		@WampCall("caller")
		Mono<Long> caller(CallOptions options);

		@WampCall(value = "slow", timeout = "300ms")
		Mono<String> slow();

		@WampCall("missing")
		Mono<String> missing();

		@WampPublish(value = "onhello", excludeMe = "false", acknowledge = "true")
		Mono<Void> hello(String name, @Kwarg("lang") String lang);

		@WampPublish(value = "onhello", excludeMe = "false")
		Mono<Long> helloAcknowledged(String name);

		@WampPublish("onhello")
		void helloBlocking(String name, PublishOptions options);

		default Mono<Integer> twice(int a) {
			return add(a, a);
		}

	}

	@Test
	void monoCallsAndConvertsTheResult() {
		StepVerifier.create(calculator.add(2, 3)).expectNext(5).expectComplete().verify(TIMEOUT);
	}

	@Test
	void completableFutureCalls() throws Exception {
		assertThat(calculator.addFuture(40, 2).get(10, TimeUnit.SECONDS)).isEqualTo(42L);
	}

	@Test
	void blockingCallsOffTheEventLoop() {
		assertThat(calculator.addBlocking(20, 22)).isEqualTo(42);
	}

	@Test
	void blockingIsRefusedOnANonBlockingThread() {
		Mono<Integer> onParallel = Mono.fromCallable(() -> calculator.addBlocking(1, 2))
			.subscribeOn(Schedulers.parallel());
		StepVerifier.create(onParallel)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Calculator.addBlocking(..)")
				.hasMessageContaining("non-blocking thread")
				.hasMessageContaining("Mono, Flux or CompletableFuture"))
			.verify(TIMEOUT);
	}

	@Test
	void fluxReceivesProgressiveResultsThenTheFinalOne() {
		StepVerifier.create(calculator.countdown(3)).expectNext(3, 2, 1, 0).expectComplete().verify(TIMEOUT);
	}

	@Test
	void kwargsBindByName() {
		StepVerifier.create(calculator.greet("hello", "ada", "!"))
			.expectNext("hello ada!")
			.expectComplete()
			.verify(TIMEOUT);
		// an optional keyword argument that is null is left out
		StepVerifier.create(calculator.greet("hi", "bob", null)).expectNext("hi bob.").expectComplete().verify(TIMEOUT);
	}

	@Test
	void genericResultsConvert() {
		List<Person> expected = List.of(new Person("ada", 36), new Person("alan", 41));
		StepVerifier.create(calculator.people()).expectNext(expected).expectComplete().verify(TIMEOUT);
		assertThat(calculator.peopleBlocking()).isEqualTo(expected);
	}

	@Test
	void errorsArriveAsWampException() {
		StepVerifier.create(calculator.fail())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(wamp) -> assertThat(wamp.getUri()).isEqualTo("com.example.error.oops")))
			.verify(TIMEOUT);
		assertThatExceptionOfType(WampException.class).isThrownBy(calculator::failBlocking)
			.satisfies((wamp) -> assertThat(wamp.getUri()).isEqualTo("com.example.error.oops"));
		StepVerifier.create(calculator.missing())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(wamp) -> assertThat(wamp.getUri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE)))
			.verify(TIMEOUT);
	}

	@Test
	void optionsComeFromTheAnnotationOrAParameter() {
		long session = template.getPeer().clients().get(0).sessionInfo().sessionId();
		StepVerifier.create(calculator.callerDisclosed()).expectNext(session).expectComplete().verify(TIMEOUT);
		// not disclosed: the callee sees no caller and answers 0
		StepVerifier.create(calculator.caller(CallOptions.defaults())).expectNext(0L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(calculator.caller(CallOptions.builder().discloseMe(true).build()))
			.expectNext(session)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void theAnnotationsTimeoutCancelsTheCall() {
		StepVerifier.create(calculator.slow())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(WampException.class,
					(wamp) -> assertThat(wamp.getUri()).isIn(WampUris.TIMEOUT, WampUris.CANCELED)))
			.verify(TIMEOUT);
	}

	@Test
	void publishesWithKwargsAndOptions() throws InterruptedException {
		Listener listener = context.getBean(Listener.class);
		listener.events.clear();
		StepVerifier.create(calculator.hello("ada", "en")).expectComplete().verify(TIMEOUT);
		assertThat(listener.events.poll(10, TimeUnit.SECONDS)).isEqualTo("ada/en");
		StepVerifier.create(calculator.helloAcknowledged("bob"))
			.assertNext((id) -> assertThat(id).isPositive())
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(listener.events.poll(10, TimeUnit.SECONDS)).isEqualTo("bob/-");
		calculator.helloBlocking("carol", PublishOptions.builder().acknowledge(true).excludeMe(false).build());
		assertThat(listener.events.poll(10, TimeUnit.SECONDS)).isEqualTo("carol/-");
	}

	@Test
	void defaultMethodsAndObjectMethodsWork() {
		StepVerifier.create(calculator.twice(21)).expectNext(42).expectComplete().verify(TIMEOUT);
		assertThat(calculator.toString()).contains(Calculator.class.getName());
		assertThat(calculator).isEqualTo(calculator)
			.isNotEqualTo(WampExchangeProxyFactory.of(template).create(Calculator.class));
		assertThat(calculator.hashCode()).isEqualTo(System.identityHashCode(calculator));
	}

	interface Unannotated {

		@WampCall("com.example.add2")
		Mono<Integer> add(int a, int b);

		Mono<Integer> other();

	}

	interface BadPublish {

		@WampPublish("com.example.onhello")
		Mono<String> hello();

	}

	interface BadTimeout {

		@WampCall(value = "com.example.add2", timeout = "soon")
		Mono<Integer> add(int a, int b);

	}

	@Test
	void mistakesFailWhenTheProxyIsCreated() {
		WampExchangeProxyFactory factory = WampExchangeProxyFactory.of(template);
		assertThatIllegalStateException().isThrownBy(() -> factory.create(Unannotated.class))
			.withMessageContaining("Unannotated.other(..)")
			.withMessageContaining("neither @WampCall nor @WampPublish");
		assertThatIllegalStateException().isThrownBy(() -> factory.create(BadPublish.class))
			.withMessageContaining("BadPublish.hello(..)")
			.withMessageContaining("Mono<Void>");
		assertThatIllegalStateException().isThrownBy(() -> factory.create(BadTimeout.class))
			.withMessageContaining("'soon'");
		assertThatIllegalStateException().isThrownBy(() -> factory.create(String.class))
			.withMessageContaining("not an interface");
	}

	/** The procedures the proxies call. */
	static class Procedures {

		@WampProcedure("com.example.add2")
		long add(long a, long b) {
			return a + b;
		}

		@WampProcedure("com.example.countdown")
		Flux<Integer> countdown(int from) {
			return Flux.range(0, from + 1).map((i) -> from - i);
		}

		@WampProcedure("com.example.greet")
		String greet(String greeting, @Kwarg("name") String name,
				@Kwarg(value = "punctuation", required = false) String punctuation) {
			return greeting + " " + name + ((punctuation != null) ? punctuation : ".");
		}

		@WampProcedure("com.example.people")
		List<Person> people() {
			return List.of(new Person("ada", 36), new Person("alan", 41));
		}

		@WampProcedure("com.example.fail")
		void fail() {
			throw new WampException("com.example.error.oops", "oops");
		}

		@WampProcedure("com.example.caller")
		long caller(WampIdentity caller) {
			return (caller.session() != null) ? caller.session() : 0L;
		}

		@WampProcedure("com.example.slow")
		Mono<String> slow() {
			return Mono.never();
		}

	}

	/** Receives the publications. */
	static class Listener {

		final BlockingQueue<String> events = new LinkedBlockingQueue<>(100);

		@WampSubscribe("com.example.onhello")
		void onHello(String name, @Kwarg(value = "lang", required = false) String lang, EventDetails details) {
			this.events.offer(name + "/" + ((lang != null) ? lang : "-"));
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

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

}
