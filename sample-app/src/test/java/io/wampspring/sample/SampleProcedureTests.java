package io.wampspring.sample;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wampspring.boot.test.autoconfigure.WampTest;
import io.wampspring.boot.test.client.CallExchange;
import io.wampspring.boot.test.client.ErrorSpec;
import io.wampspring.boot.test.client.SubscriptionSpec;
import io.wampspring.boot.test.client.WampTestClient;
import io.wampspring.client.ClientOptions;
import io.wampspring.core.WampUris;
import io.wampspring.sample.events.EventCounters;
import io.wampspring.sample.procedures.ErrorMapping;
import io.wampspring.sample.security.SampleJwtConfiguration;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's procedures in a {@code @WampTest} slice: only the WAMP handlers, the
 * embedded router on a free port (with the sample's realm, users and roles) and a
 * {@link WampTestClient}, no web server. The other needs are imported: the sample's error
 * mapping, its JWT decoder (the router's realm1 checks tickets with it) and a meter
 * registry.
 */
@WampTest(properties = "sample.countdown-interval=20ms")
@Import({ ErrorMapping.class, SampleJwtConfiguration.class, SimpleMeterRegistry.class })
class SampleProcedureTests {

	@Autowired
	private WampTestClient client;

	@Test
	void add2ReturnsTheSumAndPublishesIt() {
		SubscriptionSpec sums = this.client.subscribe(EventCounters.ON_ADD);
		this.client.call("com.example.add2").args(2, 3).exchange().expectResult().args().containsExactly(5);
		sums.expectEvent().args().containsExactly(5);
		this.client.call("com.example.add2").args(1.5, 2).exchange().expectResult().args().containsExactly(3.5);
		sums.expectEvent().args().containsExactly(3.5);
		// a bad argument answers invalid_argument
		this.client.call("com.example.add2").args(2, "three").exchange().expectError(WampUris.INVALID_ARGUMENT);
	}

	@Test
	void multipleReturnsSeveralResultsAndKwargs() {
		var result = this.client.call("com.example.multiple").exchange().expectResult();
		result.args().containsExactly(1, "two", 3.5);
		result.kwargs().containsEntry("count", 3).containsEntry("kind", "multiple");
	}

	@Test
	void countdownSendsProgressiveResultsThenZero() {
		CallExchange countdown = this.client.call("com.example.countdown").args(3).exchange();
		countdown.expectProgress().args().containsExactly(3);
		countdown.expectProgress().args().containsExactly(2);
		countdown.expectProgress().args().containsExactly(1);
		countdown.expectResult().args().containsExactly(0);
		// without receive_progress only the final result arrives
		this.client.call("com.example.countdown")
			.args(2)
			.receiveProgress(false)
			.exchange()
			.expectResult()
			.args()
			.containsExactly(0);
	}

	@Test
	void errorProceduresAnswerWithTheirUris() {
		// exceptions: their URI and a correlation id, never their text
		assertError("com.example.validation_error", WampUris.INVALID_ARGUMENT, "the value is not valid");
		assertError("com.example.notfound_error", ErrorMapping.NOT_FOUND, "the thing was not found");
		assertError("com.example.authorization_error", WampUris.NOT_AUTHORIZED, "you may not do that");
		assertError("com.example.unknown_error", ClientOptions.DEFAULT_ERROR_URI, "something unexpected happened");
		// a WampException says what the application chose
		ErrorSpec service = this.client.call("com.example.service_error").exchange().expectError(ErrorMapping.SERVICE);
		service.args().containsExactly("the service failed");
		service.kwargs().containsEntry("retryable", false);
	}

	private void assertError(String procedure, String uri, String hiddenMessage) {
		ErrorSpec error = this.client.call(procedure).exchange().expectError(uri);
		error.args()
			.singleElement()
			.asString()
			.startsWith("'" + procedure + "' failed (correlation id ")
			.doesNotContain(hiddenMessage);
		error.kwargs().containsKey(WampExceptionTranslator.CORRELATION_ID);
	}

	@Test
	void whoamiReturnsTheDisclosedCaller() {
		WampTestClient joe = this.client.mutate().authid("joe").ticket("joe-secret").build();
		long session = joe.session().sessionInfo().sessionId();
		joe.call("com.example.whoami")
			.exchange()
			.expectResult()
			.arg(0)
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("authid", "joe")
			.containsEntry("authrole", "frontend")
			// a session id above the int range reads as a Long
			.hasEntrySatisfying("session", (id) -> assertThat(((Number) id).longValue()).isEqualTo(session));
		this.client.call("com.example.whoami")
			.exchange()
			.expectResult()
			.arg(0)
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("authrole", "anonymous");
	}

}
