package io.wampspring.client.session;

import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.CallResult;
import io.wampspring.client.CancelMode;
import io.wampspring.core.message.Result;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.FluxSink;

/**
 * A call with progressive results or progressive call invocations: its results go to a
 * {@link FluxSink}, and the progressive ones a slow subscriber holds back are counted
 * against a bound.
 */
final class StreamingCall extends PendingCall {

	final FluxSink<CallResult> sink;

	private final int progressiveBuffer;

	// progressive results emitted and requested, to bound those a slow subscriber holds
	final AtomicLong emitted = new AtomicLong();

	private final AtomicLong requested = new AtomicLong();

	// the caller's chunks of a progressive call invocation, still being sent
	volatile @Nullable Disposable chunks;

	StreamingCall(Caller caller, String procedure, FluxSink<CallResult> sink, CancelMode mode, int progressiveBuffer) {
		super(caller, procedure, mode);
		this.sink = sink;
		this.progressiveBuffer = progressiveBuffer;
	}

	void requested(long n) {
		this.requested.accumulateAndGet(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b);
	}

	@Override
	boolean onResult(Result result, boolean progress) {
		if (progress) {
			long waiting = this.emitted.incrementAndGet() - this.requested.get();
			if (waiting > this.progressiveBuffer) {
				return false;
			}
			this.sink.next(CallResult.of(result));
			return true;
		}
		release();
		if (!(this.chunks != null && this.emitted.get() > 0 && result.args().isEmpty() && result.kwargs().isEmpty())) {
			// a final RESULT without payload after progressive ones only ends a
			// bidirectional stream
			this.sink.next(CallResult.of(result));
		}
		this.sink.complete();
		return true;
	}

	@Override
	void release() {
		Disposable c = this.chunks;
		if (c != null) {
			c.dispose();
		}
	}

	@Override
	void fail(Throwable error) {
		release();
		this.sink.error(error);
	}

}
