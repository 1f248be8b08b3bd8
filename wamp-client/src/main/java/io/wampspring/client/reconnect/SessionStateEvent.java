package io.wampspring.client.reconnect;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A change of a client's {@link SessionState}.
 *
 * @param previous the state before the change
 * @param state the new state
 * @param reason why the state changed (a readable text, never a secret), or null
 * @param error the failure behind the change (a lost transport, an ABORT), or null
 * @param attempt the reconnect attempt number for {@link SessionState#RECONNECTING}, else
 * 0
 * @param delay the wait before the next attempt for {@link SessionState#RECONNECTING},
 * else zero
 * @param timestamp when the change happened
 */
public record SessionStateEvent(SessionState previous, SessionState state, @Nullable String reason,
		@Nullable Throwable error, int attempt, Duration delay, Instant timestamp) {

	/**
	 * Validate the components.
	 * @param previous the state before the change
	 * @param state the new state
	 * @param reason why the state changed (a readable text, never a secret), or null
	 * @param error the failure behind the change (a lost transport, an ABORT), or null
	 * @param attempt the reconnect attempt number for {@link SessionState#RECONNECTING},
	 * else 0
	 * @param delay the wait before the next attempt for
	 * {@link SessionState#RECONNECTING}, else zero
	 * @param timestamp when the change happened
	 */
	public SessionStateEvent {
		Objects.requireNonNull(previous, "previous");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(delay, "delay");
		Objects.requireNonNull(timestamp, "timestamp");
	}

}
