package io.wampspring.router.dealer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.Timeout;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;

/**
 * A call in flight: the caller's request and the callee's invocation. Completed exactly
 * once, by whichever comes first (result, error, cancel, timeout, a session leaving).
 */
final class PendingCall {

	final RouterSession caller;

	final long callRequestId;

	final RouterSession callee;

	final long invocationId;

	final Registration registration;

	final boolean receiveProgress;

	final String procedure;

	/**
	 * Whether the caller streams the call's arguments as progressive call invocations.
	 */
	final boolean stream;

	/**
	 * Whether the caller may still send chunks (a stream whose final CALL has not come).
	 */
	volatile boolean callerStreaming;

	/** The INVOCATION details of every chunk but the last, frozen by the first CALL. */
	Map<String, Object> chunkDetails = Map.of();

	/** The INVOCATION details of the final chunk, frozen by the first CALL. */
	Map<String, Object> finalDetails = Map.of();

	volatile @Nullable Timeout timeout;

	/**
	 * Whether a CANCEL in mode kill sent an INTERRUPT and waits for the callee's answer.
	 */
	volatile boolean killRequested;

	private final AtomicBoolean done = new AtomicBoolean();

	PendingCall(RouterSession caller, long callRequestId, RouterSession callee, long invocationId,
			Registration registration, boolean receiveProgress, String procedure, boolean stream) {
		this.caller = caller;
		this.stream = stream;
		this.callerStreaming = stream;
		this.callRequestId = callRequestId;
		this.callee = callee;
		this.invocationId = invocationId;
		this.registration = registration;
		this.receiveProgress = receiveProgress;
		this.procedure = procedure;
	}

	boolean isDone() {
		return this.done.get();
	}

	/**
	 * Claim the completion and forget the call on both sides.
	 * @return true for the one thread that completes the call
	 */
	boolean complete() {
		if (!this.done.compareAndSet(false, true)) {
			return false;
		}
		this.caller.calls().asCaller.remove(this.callRequestId, this);
		this.callee.calls().asCallee.remove(this.invocationId, this);
		Timeout t = this.timeout;
		if (t != null) {
			t.cancel();
		}
		if (this.callerStreaming) {
			// chunks still on their way must not start a new call under the same id
			this.caller.calls().endedStreams.ended(this.callRequestId);
		}
		return true;
	}

}
