package io.wampspring.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallRetryTests {

	private final CallRetry retry = CallRetry.of(3, Duration.ofMillis(10), Duration.ofMillis(100))
		.withIdempotentProcedures(List.of("com.example.get", ".query"));

	@Test
	void failuresAfterWhichNoCalleeRanAreRetriedForEveryCall() {
		for (String uri : List.of(WampUris.NO_SUCH_PROCEDURE, WampUris.UNAVAILABLE, WampUris.NOT_CONNECTED)) {
			assertThat(this.retry.isRetryable(new WampException(uri, "x"), false)).as(uri).isTrue();
		}
	}

	@Test
	void aLostTransportIsRetriedOnlyForIdempotentCalls() {
		WampException lost = new WampException(WampUris.TRANSPORT_LOST, "lost");
		assertThat(this.retry.isRetryable(lost, false)).isFalse();
		assertThat(this.retry.isRetryable(lost, true)).isTrue();
		// listed as retryable by the application, still only for idempotent calls
		CallRetry timeouts = new CallRetry(3, Duration.ZERO, Duration.ZERO, Set.of(WampUris.TIMEOUT));
		assertThat(timeouts.isRetryable(new WampException(WampUris.TIMEOUT, "slow"), false)).isFalse();
		assertThat(this.retry.isRetryable(new IllegalStateException(), true)).isFalse();
	}

	@Test
	void idempotentProceduresAreAbsoluteOrRelativeToThePrefix() {
		assertThat(this.retry.isIdempotent("com.example.get", null)).isTrue();
		assertThat(this.retry.isIdempotent("com.example.query", "com.example")).isTrue();
		assertThat(this.retry.isIdempotent("com.example.query", null)).isFalse();
		assertThat(this.retry.isIdempotent("com.example.create", "com.example")).isFalse();
		assertThat(CallRetry.disabled().idempotentProcedures()).isEmpty();
	}

}
