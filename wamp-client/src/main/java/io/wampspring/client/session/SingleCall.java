package io.wampspring.client.session;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.wampspring.client.CallResult;
import io.wampspring.client.CancelMode;
import io.wampspring.core.concurrent.Burst;
import io.wampspring.core.message.Result;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * A plain call (one final RESULT): at once the {@link Subscription} of the Mono that
 * {@code WampClient.call} returns, the request table's entry and the deadline task. Where
 * a Reactor chain per call (create, last, publishOn) cost a dozen objects and two
 * scheduler tasks, this is one object, and its outcome reaches the subscriber through the
 * session's {@link ResultDispatcher}, which delivers a burst of results in one task on
 * the result scheduler.
 * <p>
 * The outcome is delivered once both are true: it is known, and the subscriber requested
 * it (an error needs no request). A cancel before the outcome sends CANCEL (through
 * {@link Caller}); a cancel after it drops the outcome.
 */
final class SingleCall extends PendingCall implements Subscription, Burst.Linked<SingleCall> {

	private static final AtomicIntegerFieldUpdater<SingleCall> STATE = AtomicIntegerFieldUpdater
		.newUpdater(SingleCall.class, "state");

	private static final int REQUESTED = 1;

	private static final int DONE = 2;

	private static final int CANCELLED = 4;

	private static final int READY = REQUESTED | DONE;

	private final CoreSubscriber<? super CallResult> actual;

	private final ResultDispatcher dispatcher;

	private volatile int state;

	// a CallResult or a Throwable; written before DONE is set, read after
	private @Nullable Object outcome;

	// the next call of the dispatcher's burst
	private @Nullable SingleCall next;

	SingleCall(Caller caller, String procedure, CancelMode mode, CoreSubscriber<? super CallResult> actual,
			ResultDispatcher dispatcher) {
		super(caller, procedure, mode);
		this.actual = actual;
		this.dispatcher = dispatcher;
	}

	@Override
	public void request(long n) {
		if (Operators.validate(n)) {
			change(REQUESTED);
		}
	}

	@Override
	public void cancel() {
		int before = getAndSet(CANCELLED);
		if ((before & (DONE | CANCELLED)) == 0) {
			this.caller.onCancel(this);
		}
	}

	@Override
	boolean onResult(Result result, boolean progress) {
		// a plain call asked for no progressive results: a router that sends them anyway
		// is answered by the final one
		if (!progress) {
			release();
			complete(CallResult.of(result));
		}
		return true;
	}

	@Override
	void fail(Throwable error) {
		release();
		complete(error);
	}

	/**
	 * Set the outcome; called once (the table's removal decides who calls it).
	 * @param value a {@link CallResult} or a {@link Throwable}
	 */
	void complete(Object value) {
		this.outcome = value;
		// an error is signalled without a request
		change((value instanceof Throwable) ? READY : DONE);
	}

	boolean isCancelled() {
		return (this.state & CANCELLED) != 0;
	}

	// without a lambda: a capturing one would be an object per call
	private int getAndSet(int bits) {
		for (;;) {
			int before = this.state;
			if ((before & bits) == bits || STATE.compareAndSet(this, before, before | bits)) {
				return before;
			}
		}
	}

	private void change(int bits) {
		int before = getAndSet(bits);
		if ((before & READY) != READY && ((before | bits) & READY) == READY && (before & CANCELLED) == 0) {
			this.dispatcher.deliver(this);
		}
	}

	@Override
	public @Nullable SingleCall nextInBurst() {
		return this.next;
	}

	@Override
	public void linkBurst(@Nullable SingleCall next) {
		this.next = next;
	}

	/** Signal the outcome; runs on the result scheduler. */
	void signal() {
		if ((this.state & CANCELLED) != 0) {
			return;
		}
		Object value = this.outcome;
		if (value instanceof CallResult result) {
			this.actual.onNext(result);
			this.actual.onComplete();
		}
		else if (value instanceof Throwable error) {
			this.actual.onError(error);
		}
	}

}
