package io.wampspring.client.reconnect;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffStrategyTests {

	@Test
	void fixedAlwaysGivesTheSameDelay() {
		BackoffStrategy fixed = BackoffStrategy.fixed(Duration.ofMillis(250));
		assertThat(fixed.delay(1)).isEqualTo(Duration.ofMillis(250));
		assertThat(fixed.delay(1000)).isEqualTo(Duration.ofMillis(250));
		assertThat(fixed.max()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void exponentialDoublesUpToMax() {
		BackoffStrategy exponential = BackoffStrategy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
		assertThat(exponential.delay(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(exponential.delay(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(exponential.delay(4)).isEqualTo(Duration.ofMillis(800));
		assertThat(exponential.delay(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(exponential.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void jitterStaysBetweenMinAndTheExponentialBound() {
		BackoffStrategy jitter = BackoffStrategy.jitter(Duration.ofMillis(100), Duration.ofSeconds(2));
		for (int attempt = 1; attempt < 50; attempt++) {
			Duration bound = BackoffStrategy.exponential(Duration.ofMillis(100), Duration.ofSeconds(2)).delay(attempt);
			assertThat(jitter.delay(attempt)).isBetween(Duration.ofMillis(100), bound);
		}
		assertThat(jitter.max()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void jitterCoversTheWholeRange() {
		AtomicLong random = new AtomicLong();
		BackoffStrategy.Jitter jitter = new BackoffStrategy.Jitter(
				new BackoffStrategy.Exponential(Duration.ofMillis(100), Duration.ofMillis(400)), random::get);
		random.set(0);
		assertThat(jitter.delay(3)).isEqualTo(Duration.ofMillis(100));
		random.set(300);
		assertThat(jitter.delay(3)).isEqualTo(Duration.ofMillis(400));
	}

	@Test
	void rejectsInvalidRanges() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BackoffStrategy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("min");
		assertThatIllegalArgumentException().isThrownBy(() -> BackoffStrategy.fixed(Duration.ofMillis(-1)));
	}

	@Test
	void maxRetriesLimitsAttempts() {
		ReconnectOptions limited = ReconnectOptions.builder().maxRetries(2).build();
		assertThat(limited.allowsRetry(1)).isTrue();
		assertThat(limited.allowsRetry(2)).isTrue();
		assertThat(limited.allowsRetry(3)).isFalse();
		assertThat(ReconnectOptions.defaults().allowsRetry(1_000_000)).isTrue();
		assertThat(ReconnectOptions.disabled().allowsRetry(1)).isFalse();
		assertThat(ReconnectOptions.builder().maxRetries(0).build().allowsRetry(1)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ReconnectOptions.builder().maxRetries(-2))
			.withMessageContaining("-1");
	}

}
