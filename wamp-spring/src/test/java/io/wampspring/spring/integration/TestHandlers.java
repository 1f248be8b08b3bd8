package io.wampspring.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.InvokePolicy;
import io.wampspring.core.WampException;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampSessionJoinedEvent;
import io.wampspring.spring.event.WampSessionLeftEvent;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * Annotated beans of the integration tests.
 */
class TestHandlers {

	record Person(String name, int age) {
	}

	static class Calculator {

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxRunning = new AtomicInteger();

		final CountDownLatch interrupted = new CountDownLatch(1);

		final CountDownLatch slowStarted = new CountDownLatch(1);

		@WampProcedure("com.example.add2")
		int add(int a, int b) {
			return a + b;
		}

		@WampProcedure(value = "com.example.greet", discloseCaller = true)
		String greet(@Kwarg("name") String name, InvocationDetails details, WampIdentity caller) {
			return "hello " + name + " (called as " + details.procedure() + " by session " + caller.session() + ")";
		}

		@WampProcedure("com.example.describe")
		Map<String, Object> describe(Person person) {
			return Map.of("summary", person.name() + " is " + person.age());
		}

		@WampProcedure("com.example.older")
		Person older(Person person, int years) {
			return new Person(person.name(), person.age() + years);
		}

		@WampProcedure("com.example.countdown")
		Flux<Integer> countdown(int from) {
			return Flux.range(0, from).map((i) -> from - i);
		}

		@WampProcedure("com.example.later")
		Mono<String> later(String text) {
			return Mono.just(text.toUpperCase()).delayElement(Duration.ofMillis(10));
		}

		@WampProcedure("com.example.split")
		WampResult split(String text) {
			return WampResult.of(List.of((Object[]) text.split(",")), Map.of("count", text.split(",").length));
		}

		@WampProcedure("com.example.nothing")
		void nothing() {
		}

		@WampProcedure("com.example.fail.wamp")
		String failWamp() {
			throw new WampException("com.example.error.out_of_stock", List.of("sold out"), Map.of("sku", "a1"));
		}

		@WampProcedure("com.example.fail.argument")
		String failArgument() {
			throw new IllegalArgumentException("age must be positive");
		}

		@WampProcedure("com.example.fail.bug")
		String failBug() {
			throw new IllegalStateException("the database is down");
		}

		@WampProcedure(value = "com.example.limited", concurrency = "${limits.one}")
		int limited(int value) throws InterruptedException {
			this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(50);
			}
			finally {
				this.running.decrementAndGet();
			}
			return value;
		}

		@WampProcedure("com.example.forever")
		Flux<Integer> forever() {
			return Flux.<Integer>never().doOnCancel(this.interrupted::countDown);
		}

		@WampProcedure("com.example.slow")
		String slow() throws InterruptedException {
			this.slowStarted.countDown();
			Thread.sleep(300);
			return "finished";
		}

		final CountDownLatch gateOpen = new CountDownLatch(1);

		/** One at a time, two waiting: the rest of a burst is refused. */
		@WampProcedure(value = "com.example.gated", concurrency = "1", queueCapacity = "2")
		int gated(int value) throws InterruptedException {
			this.gateOpen.await(10, TimeUnit.SECONDS);
			return value;
		}

		final AtomicInteger onceCalls = new AtomicInteger();

		final CountDownLatch onceStarted = new CountDownLatch(1);

		/** Hangs on its first invocation, answers every later one. */
		@WampProcedure("com.example.once")
		Mono<String> once() {
			if (this.onceCalls.incrementAndGet() == 1) {
				this.onceStarted.countDown();
				return Mono.never();
			}
			return Mono.just("again");
		}

		@WampProcedure("${app.prefix}.placeholder")
		String placeholder() {
			return "resolved";
		}

		@WampProcedure(".relative.echo")
		String relative(String text) {
			return text;
		}

		@WampProcedure(value = "com.example.prefixed.", match = MatchPolicy.PREFIX, invoke = InvokePolicy.ROUNDROBIN)
		String prefixed(InvocationDetails details) {
			return details.procedure();
		}

		@WampProcedure("com.example.otp.create")
		Map<String, Object> otpCreate() {
			return Map.of("plaintext_key", "otp-123");
		}

	}

	static class Listener {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@WampSubscribe("com.example.onhello")
		void onHello(String message, EventDetails details) {
			this.received.add(message + "@" + details.topic());
		}

		@WampSubscribe(value = "com.example.people", match = MatchPolicy.PREFIX)
		void onPerson(Person person, EventDetails details) {
			this.received.add(person.name() + "@" + details.topic());
		}

	}

	/**
	 * Calls through the blocking template when a session joins, as an application may.
	 */
	static class JoinCaller {

		final BlockingQueue<String> results = new LinkedBlockingQueue<>();

		private final ObjectProvider<WampTemplate> template;

		JoinCaller(ObjectProvider<WampTemplate> template) {
			this.template = template;
		}

		@EventListener
		void joined(WampSessionJoinedEvent event) {
			Long sessions = this.template.getObject().blocking().call("wamp.session.count", Long.class);
			this.results.add(Thread.currentThread().getName() + " saw " + sessions + " session(s)");
		}

	}

	static class SessionEvents {

		final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

		@EventListener
		void joined(WampSessionJoinedEvent event) {
			this.events.add(event);
		}

		@EventListener
		void left(WampSessionLeftEvent event) {
			this.events.add(event);
		}

	}

}
