package io.wampspring.router.realm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.Timeout;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessageType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * One call to a procedure the router answers itself: runs it, answers the caller once
 * with its RESULT or ERROR, and bounds the wait for an answer that comes later.
 */
final class InternalCall {

	private static final Logger logger = LoggerFactory.getLogger(InternalCall.class);

	private final RouterSession caller;

	private final Call call;

	private final AtomicBoolean answered = new AtomicBoolean();

	private volatile @Nullable Disposable subscription;

	private volatile @Nullable Timeout timeout;

	private InternalCall(RouterSession caller, Call call) {
		this.caller = caller;
		this.call = call;
	}

	/**
	 * Run a procedure and answer its caller.
	 * @param core the router core (its timer)
	 * @param caller the calling session
	 * @param call the CALL
	 * @param procedure the procedure
	 * @param limit how long to wait for an answer that does not come at once
	 */
	static void run(RouterCore core, RouterSession caller, Call call, AsyncInternalProcedure procedure,
			Duration limit) {
		InternalCall pending = new InternalCall(caller, call);
		try {
			pending.subscription = procedure.invoke(caller, call.args(), call.kwargs())
				.subscribe(pending::result, pending::error, () -> pending.result(null));
		}
		catch (RuntimeException ex) {
			pending.error(ex);
		}
		if (!pending.answered.get()) {
			pending.timeout = core.timer()
				.newTimeout((t) -> pending.timedOut(limit), limit.toMillis(), TimeUnit.MILLISECONDS);
			if (pending.answered.get()) {
				// answered while the timeout was being scheduled
				pending.cancelTimeout();
			}
		}
	}

	private void result(@Nullable List<@Nullable Object> result) {
		if (this.answered.compareAndSet(false, true)) {
			cancelTimeout();
			this.caller.answerCall(this.call.requestId(),
					new Result(this.call.requestId(), Map.of(), (result != null) ? result : List.of(), Map.of()),
					WampUris.INVALID_ARGUMENT);
		}
	}

	private void error(Throwable ex) {
		if (!this.answered.compareAndSet(false, true)) {
			return;
		}
		cancelTimeout();
		if (ex instanceof WampException wamp) {
			this.caller.send(new ErrorMessage(WampMessageType.CALL, this.call.requestId(), Map.of(), wamp.getUri(),
					wamp.getArgs(), wamp.getKwargs()));
			return;
		}
		logger.info("'{}' failed for session {}: {}", this.call.procedure(), this.caller.id(), ex.toString());
		this.caller.error(WampMessageType.CALL, this.call.requestId(), WampUris.INVALID_ARGUMENT,
				"'" + this.call.procedure() + "' failed: " + ex.getMessage());
	}

	private void timedOut(Duration limit) {
		if (this.answered.compareAndSet(false, true)) {
			Disposable current = this.subscription;
			if (current != null) {
				current.dispose();
			}
			logger.warn("'{}' did not answer session {} within {}", this.call.procedure(), this.caller.id(), limit);
			this.caller.error(WampMessageType.CALL, this.call.requestId(), WampUris.TIMEOUT,
					"'" + this.call.procedure() + "' did not answer within " + limit.toMillis() + " ms");
		}
	}

	private void cancelTimeout() {
		Timeout current = this.timeout;
		if (current != null) {
			current.cancel();
		}
	}

}
