package io.wampspring.boot.app;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.wampspring.core.WampException;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampSessionJoinedEvent;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Spring Boot application with nothing but the auto-configuration, properties and
 * annotated beans (no {@code @EnableWamp}, no WAMP bean of its own), as a user writes it.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Records observations, so that tests can check them.
	 * @return the registry
	 */
	@Bean
	TestObservationRegistry observationRegistry() {
		return TestObservationRegistry.create();
	}

	/**
	 * Procedures.
	 */
	@Component
	public static class Calculator {

		@WampProcedure("com.example.add2")
		int add(int a, int b) {
			return a + b;
		}

		@WampProcedure("com.example.countdown")
		Flux<Integer> countdown(int from) {
			return Flux.range(0, from).map((i) -> from - i);
		}

		@WampProcedure("com.example.find")
		String find(String key) {
			throw new NotFoundException("no entry '" + key + "'");
		}

		@WampProcedure("com.example.broken")
		String broken() {
			throw new IllegalStateException("the database is down");
		}

		@WampProcedure("com.example.refuse")
		String refuse() {
			throw new WampException("com.example.error.refused", List.of("not today"), java.util.Map.of());
		}

		final CountDownLatch busyStarted = new CountDownLatch(1);

		final CountDownLatch busyRelease = new CountDownLatch(1);

		/** One invocation at a time and none waiting: a second one is refused at once. */
		@WampProcedure(value = "com.example.busy", concurrency = "1", queueCapacity = "0")
		String busy() throws InterruptedException {
			this.busyStarted.countDown();
			this.busyRelease.await(10, TimeUnit.SECONDS);
			return "done";
		}

		@WampProcedure(value = "com.example.shapes.", match = MatchPolicy.PREFIX)
		String shape(InvocationDetails details) {
			return details.procedure();
		}

	}

	/**
	 * Event handlers and session events.
	 */
	@Component
	public static class Listener {

		final BlockingQueue<String> hellos = new LinkedBlockingQueue<>();

		final List<WampSessionJoinedEvent> joins = new CopyOnWriteArrayList<>();

		@WampSubscribe("com.example.hello")
		void onHello(String message, EventDetails details) {
			this.hellos.add(message + " on " + details.topic());
		}

		@EventListener
		void onJoin(WampSessionJoinedEvent event) {
			this.joins.add(event);
		}

	}

	/**
	 * Calls through the blocking template when a session joins, as an application that
	 * announces itself would.
	 */
	@Component
	public static class JoinAnnouncer {

		final BlockingQueue<String> announced = new LinkedBlockingQueue<>();

		private final ObjectProvider<WampTemplate> template;

		JoinAnnouncer(ObjectProvider<WampTemplate> template) {
			this.template = template;
		}

		@EventListener
		void onJoin(WampSessionJoinedEvent event) {
			Long sessions = this.template.getObject().blocking().call("wamp.session.count", Long.class);
			this.announced.add(Thread.currentThread().getName() + " saw " + sessions + " session(s)");
		}

	}

	/**
	 * Plain methods that the configuration declares as handlers
	 * ({@code wamp.peers.default.roles...}).
	 */
	@Component("yamlHandlers")
	public static class YamlHandlers {

		final BlockingQueue<String> news = new LinkedBlockingQueue<>();

		String echo(String text, InvocationDetails details) {
			return text + " from " + details.procedure();
		}

		void onNews(String headline, EventDetails details) {
			this.news.add(headline + " on " + details.topic());
		}

	}

}
