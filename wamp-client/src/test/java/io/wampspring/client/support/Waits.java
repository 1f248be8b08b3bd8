package io.wampspring.client.support;

import java.time.Duration;

import org.awaitility.core.ConditionFactory;

import static org.awaitility.Awaitility.await;

/**
 * Waits for tests that repeat a step hundreds of times: Awaitility's default first poll
 * after 100 ms would make them take minutes.
 */
public final class Waits {

	private Waits() {
	}

	/**
	 * Wait for a condition, checking it at once and then every millisecond.
	 * @param atMost the deadline
	 * @return the condition factory
	 */
	public static ConditionFactory soon(Duration atMost) {
		return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
	}

}
