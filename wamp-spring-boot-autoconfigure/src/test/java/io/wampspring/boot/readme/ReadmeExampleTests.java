package io.wampspring.boot.readme;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service of README.md ("A service in ten lines"), against the embedded router with
 * the ticket user the README's configuration names.
 */
@SpringBootTest(classes = ReadmeExampleTests.ReadmeApplication.class,
		properties = { "wamp.embedded-router.enabled=true", "wamp.embedded-router.port=0",
				"wamp.embedded-router.realms.realm1.users.joe.role=user",
				"wamp.embedded-router.realms.realm1.users.joe.secret=joe-ticket",
				"wamp.embedded-router.realms.realm1.roles.user.permissions[0].uri=com.example.",
				"wamp.embedded-router.realms.realm1.roles.user.permissions[0].match=prefix",
				"wamp.embedded-router.realms.realm1.roles.user.permissions[0].allow=crps",
				"wamp.routers.main.realm=realm1", "wamp.routers.main.auth.method=ticket",
				"wamp.routers.main.auth.authid=joe", "wamp.routers.main.auth.secret=joe-ticket",
				// one session publishes and subscribes here, so it must receive its own
				// events
				"wamp.defaults.publisher.options.exclude-me=false" })
class ReadmeExampleTests {

	@Autowired
	private WampTemplate template;

	@Autowired
	private Greetings greetings;

	@Test
	void theReadmeServiceAnswersAndReacts() {
		assertThat(this.template.blocking().call("com.example.add2", Long.class, 2, 3)).isEqualTo(5L);
		this.template.blocking().publishAcknowledged("com.example.onhello", "world");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.greetings.received.contains("world"));
	}

	@SpringBootApplication
	static class ReadmeApplication {

		@Bean
		Calculator calculator(WampOperations wamp) {
			return new Calculator(wamp);
		}

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

	}

	// --- README.md, from here
	@Component
	static class Calculator {

		private final WampOperations wamp;

		Calculator(WampOperations wamp) {
			this.wamp = wamp;
		}

		@WampProcedure("com.example.add2")
		long add(long a, long b) {
			return a + b;
		}

		@WampSubscribe("com.example.onhello")
		void onHello(String name) {
			wamp.publish("com.example.greeted", name).subscribe();
		}

	}
	// --- to here

	static class Greetings {

		final List<String> received = new CopyOnWriteArrayList<>();

		@WampSubscribe("com.example.greeted")
		void greeted(String name) {
			this.received.add(name);
		}

	}

}
