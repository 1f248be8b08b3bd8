package io.wampspring.client.reconnect;

import java.time.Duration;
import java.util.function.Supplier;

import io.wampspring.client.auth.WampAuthenticationException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Reconnect as a Reactor {@link Retry} around one connection attempt, as rsocket-java's
 * connector does: the attempt (open the transport, join, restore) is retried after the
 * delays of the {@link ReconnectOptions}' {@link BackoffStrategy} until it succeeds, the
 * retries run out, or the router refused the credentials under
 * {@link ReconnectOptions.AuthFailurePolicy#STOP}. Each retry is announced first, so that
 * the client can say when it tries again. The client invalidates the session it got when
 * the session is lost and asks for a new one.
 * <p>
 * The delays come from the strategy rather than from {@code Retry.backoff}, because the
 * client announces each delay in its state events and waits the maximum delay after an
 * authentication failure, which {@code RetryBackoffSpec} cannot express.
 */
public final class ReconnectSupervisor {

	private final ReconnectOptions options;

	private final Scheduler timer;

	/**
	 * Create a supervisor.
	 * @param options the reconnect settings
	 * @param timer where the delays run
	 */
	public ReconnectSupervisor(ReconnectOptions options, Scheduler timer) {
		this.options = options;
		this.timer = timer;
	}

	/**
	 * Announces a retry before its delay.
	 */
	@FunctionalInterface
	public interface RetryListener {

		/**
		 * A failed attempt will be retried.
		 * @param retry the number of the retry, from 1
		 * @param delay the wait before it
		 * @param error why the last attempt failed
		 * @return completes when announced; an error stops the retries
		 */
		Mono<Void> retrying(int retry, Duration delay, Throwable error);

	}

	/**
	 * Attempt until one attempt succeeds or the supervisor gives up.
	 * @param <T> the attempt's result
	 * @param attempt makes one attempt
	 * @param retriesDone retries already spent before this call (1 after a lost session,
	 * whose first retry was already announced)
	 * @param listener told before each retry
	 * @return the first successful attempt's result, or a {@link GaveUp} error
	 */
	public <T> Mono<T> connect(Supplier<Mono<T>> attempt, int retriesDone, RetryListener listener) {
		Retry retry = Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable error = signal.failure();
			int retryNumber = (int) Math.min(Integer.MAX_VALUE, signal.totalRetries() + 1 + retriesDone);
			boolean authFailure = error instanceof WampAuthenticationException;
			String reason = describe(error);
			if (authFailure && this.options.authFailurePolicy() == ReconnectOptions.AuthFailurePolicy.STOP) {
				return Mono.error(new GaveUp("authentication failed, not reconnecting: " + reason, error));
			}
			if (!this.options.isEnabled()) {
				return Mono.error(new GaveUp("connection failed and reconnect is disabled: " + reason, error));
			}
			if (!this.options.allowsRetry(retryNumber)) {
				return Mono.error(new GaveUp("giving up after " + (retryNumber - 1) + " retries: " + reason, error));
			}
			Duration delay = authFailure ? this.options.backoff().max() : this.options.backoff().delay(retryNumber);
			return listener.retrying(retryNumber, delay, error).then(Mono.delay(delay, this.timer));
		}));
		return Mono.defer(attempt).retryWhen(retry);
	}

	/**
	 * The delay before the first retry after a lost session.
	 * @return the delay of retry 1
	 */
	public Duration firstDelay() {
		return this.options.backoff().delay(1);
	}

	/**
	 * Whether a lost session is retried at all.
	 * @return true when reconnect is enabled and allows one retry
	 */
	public boolean retriesLostSessions() {
		return this.options.allowsRetry(1);
	}

	/**
	 * A failure's message, for reasons.
	 * @param error the failure
	 * @return its message, or its string form
	 */
	public static String describe(Throwable error) {
		return (error.getMessage() != null) ? error.getMessage() : error.toString();
	}

	/**
	 * The supervisor stopped retrying.
	 */
	public static final class GaveUp extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create the signal.
		 * @param reason why the supervisor stopped, for people
		 * @param cause the last failure
		 */
		public GaveUp(String reason, Throwable cause) {
			super(reason, cause, false, false);
		}

		/**
		 * Why the last attempt failed.
		 * @return the failure
		 */
		public Throwable failure() {
			Throwable cause = getCause();
			return (cause != null) ? cause : this;
		}

	}

}
