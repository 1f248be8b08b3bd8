package io.wampspring.boot.test.app;

import java.time.Duration;
import java.util.List;

import io.wampspring.boot.test.autoconfigure.WampTest;
import io.wampspring.boot.test.client.CallExchange;
import io.wampspring.boot.test.client.SubscriptionSpec;
import io.wampspring.boot.test.client.WampTestClient;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.WampEvent;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The slice and its client against the test application.
 */
@WampTest(properties = "wamp.test.client.timeout=3s")
class WampTestSliceTests {

	@Autowired
	private WampTestClient client;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private WampRouter router;

	@Autowired
	private EventLog events;

	@Test
	void onlyTheWampPartsRun() {
		assertThat(this.context.getBeansOfType(Calculator.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(EventLog.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(UnrelatedService.class)).isEmpty();
		// on a free port, not the application's configured default
		assertThat(this.router.webSocketPort()).isNotEqualTo(8090);
	}

	@Test
	void callExpectsTheResult() {
		this.client.call("test.add2").args(2, 3).exchange().expectResult().args().containsExactly(5);
		this.client.call("test.describe")
			.kwarg("name", "carol")
			.exchange()
			.expectResult()
			.args()
			.singleElement()
			.isEqualTo(java.util.Map.of("name", "carol", "length", 5));
	}

	@Test
	void progressiveResultsThenTheFinalOne() {
		CallExchange countdown = this.client.call("test.countdown").args(2).exchange();
		countdown.expectProgress().args().containsExactly(2);
		countdown.expectProgress().args().containsExactly(1);
		countdown.expectResult().args().containsExactly(0);
		// without receive_progress only the final result arrives
		this.client.call("test.countdown")
			.args(2)
			.receiveProgress(false)
			.exchange()
			.expectResult()
			.args()
			.containsExactly(0);
	}

	@Test
	void errorsAreExpectedByUri() {
		this.client.call("test.sqrt").args(-1).exchange().expectError("wamp.error.invalid_argument");
		this.client.call("test.nothing").exchange().expectError("wamp.error.no_such_procedure");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> this.client.call("test.sqrt").args(4).exchange().expectError("wamp.error.invalid_argument"))
			.withMessageContaining("Expected an error from 'test.sqrt' but got the final result [2.0]");
	}

	@Test
	void wrongKindOfAnswerFailsWithAHint() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.client.call("test.countdown").args(1).exchange().expectResult())
			.withMessageContaining("progressive result [1]")
			.withMessageContaining("expectProgress()");
	}

	@Test
	void expectationsHaveADeadline() {
		WampTestClient impatient = this.client.mutate().timeout(Duration.ofMillis(200)).build();
		long start = System.nanoTime();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> impatient.call("test.slow").args(10_000).exchange().expectResult())
			.withMessage("Expected the final result from 'test.slow' within 200 ms, but nothing arrived");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void subscribeThenExpectEvents() {
		SubscriptionSpec announcements = this.client.subscribe("test.announcements");
		this.client.call("test.announce").args("hello", 3).exchange().expectResult();
		announcements.expectEvent().args().containsExactly("hello", 1);
		announcements.expectEvents(2)
			.extracting(WampEvent::args)
			.containsExactly(List.of("hello", 2L), List.of("hello", 3L));
		announcements.expectNoEvent(Duration.ofMillis(100));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(announcements::expectEvent)
			.withMessageContaining("Expected an event of 'test.announcements' within 3000 ms");
	}

	@Test
	void publishReachesTheApplicationAndOtherSubscribers() {
		SubscriptionSpec messages = this.client.subscribe("test.messages");
		long id = this.client.publish("test.messages")
			.args("hi")
			.options(PublishOptions.builder().acknowledge(true).excludeMe(false).build())
			.exchange()
			.expectAcknowledged();
		assertThat(id).isPositive();
		messages.expectEvent().args().containsExactly("hi");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.messages().contains("hi"));
	}

	@Test
	void anotherUserHasItsOwnSession() {
		WampTestClient joe = this.client.mutate().authid("joe").ticket("joe-secret").build();
		joe.call("test.add2").args(1, 1).exchange().expectResult().args().containsExactly(2);
		assertThat(joe.session().sessionInfo().authid()).isEqualTo("joe");
		WampTestClient intruder = this.client.mutate().authid("joe").ticket("wrong").build();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(intruder::session)
			.withMessageContaining("could not join realm 'realm1'")
			.withMessageContaining("as 'joe'")
			.withMessageNotContaining("wrong");
	}

}
