package io.wampspring.client.reconnect;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * How long to wait before a reconnect attempt. Attempts are numbered from 1; every
 * strategy stays within {@code [min, max]}. Instances are immutable and thread safe.
 *
 * @see #fixed(Duration)
 * @see #exponential(Duration, Duration)
 * @see #jitter(Duration, Duration)
 */
public sealed interface BackoffStrategy
		permits BackoffStrategy.Fixed, BackoffStrategy.Exponential, BackoffStrategy.Jitter {

	/**
	 * The delay before an attempt.
	 * @param attempt the attempt number, 1 for the first retry
	 * @return the delay, never negative
	 */
	Duration delay(int attempt);

	/**
	 * The longest delay this strategy gives.
	 * @return the maximum delay
	 */
	Duration max();

	/**
	 * The same delay before every attempt.
	 * @param delay the delay
	 * @return the strategy
	 */
	static BackoffStrategy fixed(Duration delay) {
		return new Fixed(delay);
	}

	/**
	 * A delay that doubles with every attempt: {@code min * 2^(attempt-1)}, capped at
	 * max.
	 * @param min the first delay
	 * @param max the largest delay
	 * @return the strategy
	 */
	static BackoffStrategy exponential(Duration min, Duration max) {
		return new Exponential(min, max);
	}

	/**
	 * Exponential backoff with "full jitter": a random delay between min and the
	 * exponential delay of the attempt, so that many clients that lost the same router do
	 * not come back at the same moment.
	 * @param min the smallest delay
	 * @param max the largest delay
	 * @return the strategy
	 */
	static BackoffStrategy jitter(Duration min, Duration max) {
		return new Jitter(new Exponential(min, max), () -> ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
	}

	private static void checkRange(Duration min, Duration max) {
		Objects.requireNonNull(min, "min");
		Objects.requireNonNull(max, "max");
		if (min.isNegative() || max.isNegative()) {
			throw new IllegalArgumentException("backoff delays must not be negative, got min=" + min + ", max=" + max);
		}
		if (min.compareTo(max) > 0) {
			throw new IllegalArgumentException("backoff min (" + min + ") must not be greater than max (" + max + ")");
		}
	}

	/**
	 * The same delay before every attempt.
	 *
	 * @param max the delay
	 */
	record Fixed(Duration max) implements BackoffStrategy {

		/**
		 * Validate the delay.
		 * @param max the delay
		 */
		public Fixed {
			checkRange(Duration.ZERO, max);
		}

		@Override
		public Duration delay(int attempt) {
			return this.max;
		}

	}

	/**
	 * A delay that doubles with every attempt, from min up to max.
	 *
	 * @param min the first delay
	 * @param max the largest delay
	 */
	record Exponential(Duration min, Duration max) implements BackoffStrategy {

		/**
		 * Validate the range.
		 * @param min the first delay
		 * @param max the largest delay
		 */
		public Exponential {
			checkRange(min, max);
		}

		@Override
		public Duration delay(int attempt) {
			int shift = Math.max(0, Math.min(attempt - 1, 40));
			long minMillis = Math.max(1, this.min.toMillis());
			long millis = minMillis << shift;
			if (millis < 0 || millis / (1L << shift) != minMillis || millis > this.max.toMillis()) {
				return this.max;
			}
			return Duration.ofMillis(Math.max(millis, this.min.toMillis()));
		}

	}

	/**
	 * A random delay between min and the exponential delay of the attempt.
	 *
	 * @param exponential the upper bound per attempt
	 * @param random a source of random non-negative longs
	 */
	record Jitter(Exponential exponential, LongSupplier random) implements BackoffStrategy {

		@Override
		public Duration delay(int attempt) {
			long low = this.exponential.min().toMillis();
			long high = this.exponential.delay(attempt).toMillis();
			if (high <= low) {
				return Duration.ofMillis(low);
			}
			long span = high - low + 1;
			return Duration.ofMillis(low + Math.floorMod(this.random.getAsLong(), span));
		}

		@Override
		public Duration max() {
			return this.exponential.max();
		}

	}

}
