package io.wampspring.spring.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * When and how often {@link WampTemplate} retries a call (the Erlang client's call_retries):
 * off by default; when on, a call that failed with one of the retryable URIs (by default
 * {@code no_such_procedure}, {@code unavailable}, {@code transport_lost} and
 * {@code not_connected}: the callee or the session is not there yet) is tried again, on
 * whichever session the peer picks then, after an exponential backoff, up to a limit.
 *
 * @param maxRetries how many times to retry; 0 turns retries off
 * @param minBackoff the first delay
 * @param maxBackoff the longest delay
 * @param retryableUris the error URIs that are retried
 */
public record CallRetry(int maxRetries, Duration minBackoff, Duration maxBackoff, Set<String> retryableUris) {

	/** The default retryable error URIs. */
	public static final Set<String> DEFAULT_RETRYABLE_URIS = Set.of(WampUris.NO_SUCH_PROCEDURE, WampUris.UNAVAILABLE,
			WampUris.TRANSPORT_LOST, WampUris.NOT_CONNECTED);

	private static final CallRetry DISABLED = new CallRetry(0, Duration.ofMillis(100), Duration.ofSeconds(5),
			DEFAULT_RETRYABLE_URIS);

	/**
	 * Validate and copy.
	 */
	public CallRetry {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
		}
		Objects.requireNonNull(minBackoff, "minBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
			throw new IllegalArgumentException(
					"backoff must satisfy 0 <= minBackoff <= maxBackoff, got " + minBackoff + " and " + maxBackoff);
		}
		retryableUris = Set.copyOf(retryableUris);
	}

	/**
	 * No retries (the default).
	 * @return the setting
	 */
	public static CallRetry disabled() {
		return DISABLED;
	}

	/**
	 * Retry the default URIs.
	 * @param maxRetries how many times
	 * @param minBackoff the first delay
	 * @param maxBackoff the longest delay
	 * @return the setting
	 */
	public static CallRetry of(int maxRetries, Duration minBackoff, Duration maxBackoff) {
		return new CallRetry(maxRetries, minBackoff, maxBackoff, DEFAULT_RETRYABLE_URIS);
	}

	/**
	 * Whether calls are retried.
	 * @return true when {@link #maxRetries()} is positive
	 */
	public boolean isEnabled() {
		return this.maxRetries > 0;
	}

	/**
	 * Whether a failure is retried.
	 * @param error the failure
	 * @return true for a {@link WampException} with a retryable URI
	 */
	public boolean isRetryable(Throwable error) {
		return error instanceof WampException wamp && this.retryableUris.contains(wamp.getUri());
	}

	/**
	 * The Reactor retry spec; the last failure is passed on as it is when retries run out.
	 * @return the spec
	 */
	public RetryBackoffSpec toRetry() {
		return Retry.backoff(this.maxRetries, this.minBackoff)
			.maxBackoff(this.maxBackoff)
			.filter(this::isRetryable)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

}
