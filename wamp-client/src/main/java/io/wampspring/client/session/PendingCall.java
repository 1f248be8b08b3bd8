package io.wampspring.client.session;

import io.wampspring.client.CancelMode;
import io.wampspring.core.message.Result;

/**
 * A call waiting in the {@link RequestTable} for its RESULT or ERROR. The call that
 * removes it from the table (the answer, the deadline, the subscriber's cancel, or the
 * session's end) is the only one that completes it. Its deadline is a number that
 * {@link Caller}'s sweep reads: a call costs no timer task.
 */
abstract class PendingCall {

	final Caller caller;

	final String procedure;

	final CancelMode mode;

	/** The request id, set once when the call enters the table. */
	long id;

	/** The timeout in milliseconds (0: none), for the timeout's message. */
	long timeoutMillis;

	/** When the call times out, in {@link System#nanoTime()}; meaningless without one. */
	long deadline;

	PendingCall(Caller caller, String procedure, CancelMode mode) {
		this.caller = caller;
		this.procedure = procedure;
		this.mode = mode;
	}

	String procedure() {
		return this.procedure;
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

	/** The call ended: stop what it still holds (by default nothing). */
	void release() {
	}

}
