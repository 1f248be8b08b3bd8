package io.wampspring.boot.testcontainers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.wampspring.boot.autoconfigure.WampConnectionDetails;
import io.wampspring.client.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every router container must give the application through
 * {@code @ServiceConnection}: its procedures register and answer calls, and its
 * subscriptions receive events.
 */
abstract class AbstractRouterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private WampTemplate template;

	@Autowired
	private WampConnectionDetails connectionDetails;

	@Autowired
	private RouterApplication.Handlers handlers;

	/**
	 * The container the test class declares.
	 * @return the container
	 */
	abstract WampRouterContainer container();

	@Test
	void connectionDetailsComeFromTheContainer() {
		assertThat(this.connectionDetails.getUrl()).isEqualTo(container().getWebSocketUrl());
		assertThat(this.connectionDetails.getRealm()).isEqualTo(container().getRealm());
		assertThat(this.template.getPeer().isJoined()).isTrue();
	}

	@Test
	void registersAndAnswersCalls() {
		StepVerifier.create(this.template.call("com.example.add2", Long.class, 2, 3))
			.expectNext(5L)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void publishesAndReceivesEvents() throws InterruptedException {
		// the publisher is excluded from its own events unless told otherwise
		StepVerifier
			.create(this.template
				.withPublishOptions(PublishOptions.builder().acknowledge(true).excludeMe(false).build())
				.publishAcknowledged("com.example.news", "hello"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.handlers.news.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello");
	}

}
