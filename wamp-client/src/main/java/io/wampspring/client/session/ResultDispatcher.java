package io.wampspring.client.session;

import java.util.concurrent.RejectedExecutionException;

import io.wampspring.core.concurrent.Burst;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.scheduler.Scheduler;

/**
 * Delivers the outcomes of a session's plain calls on the result scheduler, a burst at a
 * time: the event loop adds each outcome that is ready and schedules one task when none
 * is pending, and that task signals every outcome added until it finds none. At 256 calls
 * in flight one scheduler task (and one thread wake-up) serves many results, where a
 * {@code publishOn} per call cost a task each. Outcomes are signalled one at a time, in
 * the order they became ready. A burst holds only calls just taken from the request
 * table, so the client's max pending calls bounds it.
 */
final class ResultDispatcher implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(ResultDispatcher.class);

	private final Scheduler scheduler;

	private final Burst<SingleCall> ready = new Burst<>();

	ResultDispatcher(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Signal a call's outcome soon, on the result scheduler.
	 * @param call a call whose outcome is known and requested
	 */
	void deliver(SingleCall call) {
		if (this.ready.add(call)) {
			try {
				this.scheduler.schedule(this);
			}
			catch (RejectedExecutionException ex) {
				// the scheduler is shut down: the subscribers learn it, here and now
				drain(ex);
			}
		}
	}

	@Override
	public void run() {
		drain(null);
	}

	private void drain(@Nullable RejectedExecutionException refused) {
		int missed = 1;
		do {
			for (SingleCall call = this.ready.take(); call != null;) {
				SingleCall next = call.nextInBurst();
				call.linkBurst(null);
				signal(call, refused);
				call = next;
			}
			missed = this.ready.done(missed);
		}
		while (missed != 0);
	}

	private static void signal(SingleCall call, @Nullable RejectedExecutionException refused) {
		try {
			if (refused != null) {
				call.signalError(refused);
			}
			else {
				call.signal();
			}
		}
		catch (Throwable ex) {
			// a subscriber that throws must not keep the others from their results
			Exceptions.throwIfJvmFatal(ex);
			logger.warn("a subscriber of the call to '{}' threw: {}", call.procedure(), ex.toString());
		}
	}

}
