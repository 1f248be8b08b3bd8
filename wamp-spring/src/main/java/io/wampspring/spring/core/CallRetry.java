package io.wampspring.spring.core;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * When and how often {@link WampTemplate} retries a call (the Erlang client's
 * call_retries): off by default; when on, a call that failed with one of the retryable
 * URIs is tried again, on whichever session the peer picks then, after an exponential
 * backoff, up to a limit.
 * <p>
 * A call is never sent twice when it may already have run, unless it is idempotent: a
 * failure whose URI is in {@link #MAY_HAVE_RUN_URIS} ({@code transport_lost}: the
 * connection was lost after the CALL was written; {@code timeout} and {@code canceled})
 * is retried only for a procedure listed in {@link #idempotentProcedures()}; any other
 * call fails with that URI. The other default retryable URIs ({@code no_such_procedure},
 * {@code unavailable}, {@code not_connected}) mean that no callee ran the call, so they
 * are retried for every call.
 *
 * @param maxRetries how many times to retry; 0 turns retries off
 * @param minBackoff the first delay
 * @param maxBackoff the longest delay
 * @param retryableUris the error URIs that are retried
 * @param idempotentProcedures the procedures that may run twice, so that a call is
 * retried also after a failure that leaves open whether it ran; absolute URIs, or
 * relative ones (a leading dot) under the peer's URI prefix
 */
public record CallRetry(int maxRetries, Duration minBackoff, Duration maxBackoff, Set<String> retryableUris,
		Set<String> idempotentProcedures) {

	/** The default retryable error URIs. */
	public static final Set<String> DEFAULT_RETRYABLE_URIS = Set.of(WampUris.NO_SUCH_PROCEDURE, WampUris.UNAVAILABLE,
			WampUris.TRANSPORT_LOST, WampUris.NOT_CONNECTED);

	/**
	 * The error URIs after which the callee may have run the call: retried only for
	 * idempotent procedures, even when listed as retryable.
	 */
	public static final Set<String> MAY_HAVE_RUN_URIS = Set.of(WampUris.TRANSPORT_LOST, WampUris.TIMEOUT,
			WampUris.CANCELED);

	private static final CallRetry DISABLED = new CallRetry(0, Duration.ofMillis(100), Duration.ofSeconds(5),
			DEFAULT_RETRYABLE_URIS, Set.of());

	/**
	 * Validate and copy.
	 * @param maxRetries how many times to retry; 0 turns retries off
	 * @param minBackoff the first delay
	 * @param maxBackoff the longest delay
	 * @param retryableUris the error URIs that are retried
	 * @param idempotentProcedures the procedures that may run twice, so that a call is
	 * retried also after a failure that leaves open whether it ran; absolute URIs, or
	 * relative ones (a leading dot) under the peer's URI prefix
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
		idempotentProcedures = Set.copyOf(idempotentProcedures);
	}

	/**
	 * Retry some URIs; no procedure is idempotent.
	 * @param maxRetries how many times
	 * @param minBackoff the first delay
	 * @param maxBackoff the longest delay
	 * @param retryableUris the error URIs that are retried
	 */
	public CallRetry(int maxRetries, Duration minBackoff, Duration maxBackoff, Set<String> retryableUris) {
		this(maxRetries, minBackoff, maxBackoff, retryableUris, Set.of());
	}

	/**
	 * No retries (the default).
	 * @return the setting
	 */
	public static CallRetry disabled() {
		return DISABLED;
	}

	/**
	 * Retry the default URIs; no procedure is idempotent.
	 * @param maxRetries how many times
	 * @param minBackoff the first delay
	 * @param maxBackoff the longest delay
	 * @return the setting
	 */
	public static CallRetry of(int maxRetries, Duration minBackoff, Duration maxBackoff) {
		return new CallRetry(maxRetries, minBackoff, maxBackoff, DEFAULT_RETRYABLE_URIS);
	}

	/**
	 * A copy in which these procedures are idempotent.
	 * @param procedures absolute URIs, or relative ones under the peer's URI prefix
	 * @return the setting
	 */
	public CallRetry withIdempotentProcedures(Collection<String> procedures) {
		return new CallRetry(this.maxRetries, this.minBackoff, this.maxBackoff, this.retryableUris,
				Set.copyOf(procedures));
	}

	/**
	 * Whether calls are retried.
	 * @return true when {@link #maxRetries()} is positive
	 */
	public boolean isEnabled() {
		return this.maxRetries > 0;
	}

	/**
	 * Whether a procedure is listed as idempotent.
	 * @param procedure the absolute URI
	 * @param uriPrefix the peer's URI prefix (for relative entries), or null
	 * @return true when listed
	 */
	public boolean isIdempotent(String procedure, @Nullable String uriPrefix) {
		if (this.idempotentProcedures.contains(procedure)) {
			return true;
		}
		return uriPrefix != null && procedure.startsWith(uriPrefix)
				&& this.idempotentProcedures.contains(procedure.substring(uriPrefix.length()));
	}

	/**
	 * Whether a failure of a call is retried.
	 * @param error the failure
	 * @param idempotent whether the call may run twice
	 * @return true for a {@link WampException} with a retryable URI that, unless the call
	 * is idempotent, is not one of {@link #MAY_HAVE_RUN_URIS}
	 */
	public boolean isRetryable(Throwable error, boolean idempotent) {
		if (!(error instanceof WampException wamp) || !this.retryableUris.contains(wamp.getUri())) {
			return false;
		}
		return idempotent || !MAY_HAVE_RUN_URIS.contains(wamp.getUri());
	}

	/**
	 * The Reactor retry spec of one call; the last failure is passed on as it is when
	 * retries run out or the failure is not retried.
	 * @param idempotent whether the call may run twice
	 * @return the spec
	 */
	public RetryBackoffSpec toRetry(boolean idempotent) {
		return Retry.backoff(this.maxRetries, this.minBackoff)
			.maxBackoff(this.maxBackoff)
			.filter((error) -> isRetryable(error, idempotent))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

}
