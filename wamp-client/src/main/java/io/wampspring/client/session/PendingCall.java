package io.wampspring.client.session;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.wampspring.client.CancelMode;
import io.wampspring.core.message.Result;
import org.jspecify.annotations.Nullable;

/**
 * A call waiting in the {@link RequestTable} for its RESULT or ERROR. The call that
 * removes it from the table (the answer, the deadline, the subscriber's cancel, or the
 * session's end) is the only one that completes it. It is also its own deadline task, so
 * that a call costs no extra object for its timeout.
 */
abstract class PendingCall implements TimerTask {

	final Caller caller;

	final String procedure;

	final CancelMode mode;

	/** The request id, set once when the call enters the table. */
	long id;

	/** The deadline in milliseconds (0: none), for the timeout's message. */
	long timeoutMillis;

	volatile @Nullable Timeout timeout;

	PendingCall(Caller caller, String procedure, CancelMode mode) {
		this.caller = caller;
		this.procedure = procedure;
		this.mode = mode;
	}

	String procedure() {
		return this.procedure;
	}

	@Override
	public final void run(Timeout fired) {
		this.caller.onTimeout(this);
	}

	/**
	 * A RESULT for this call; {@link Caller} has removed it from the table unless the
	 * RESULT is progressive.
	 * @param result the RESULT
	 * @param progress whether the RESULT is a progressive one
	 * @return false when a progressive result exceeds what the subscriber may hold
	 */
	abstract boolean onResult(Result result, boolean progress);

	/**
	 * Fail the call with its outcome. Called once, by whoever removed it from the table.
	 * @param error the error
	 */
	abstract void fail(Throwable error);

	/** The call ended: stop its deadline (and whatever else it holds). */
	void release() {
		Timeout t = this.timeout;
		if (t != null) {
			t.cancel();
		}
	}

}
