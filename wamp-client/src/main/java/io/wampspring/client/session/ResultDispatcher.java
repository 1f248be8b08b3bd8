package io.wampspring.client.session;

import java.util.concurrent.RejectedExecutionException;

import io.wampspring.core.concurrent.Burst;
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

	// one worker: the session's results keep to one thread, whose caches and wake-up
	// path stay warm, where a task per call on alternating threads woke a cold one each
	// time
	private final Scheduler.Worker worker;

	private final Burst<SingleCall> ready = new Burst<>();

	ResultDispatcher(Scheduler scheduler) {
		this.worker = scheduler.createWorker();
	}

	/**
	 * The session ended: release the worker once what waits was signalled (calls made
	 * later fail at once, on their caller's thread).
	 */
	void close() {
		try {
			this.worker.schedule(this.worker::dispose);
		}
		catch (RejectedExecutionException ex) {
			this.worker.dispose();
		}
	}

	/**
	 * Signal a call's outcome soon, on the result scheduler.
	 * @param call a call whose outcome is known and requested
	 */
	void deliver(SingleCall call) {
		if (this.ready.add(call)) {
			try {
				this.worker.schedule(this);
			}
			catch (RejectedExecutionException ex) {
				// the session ended (or the scheduler was shut down): signal here
				run();
			}
		}
	}

	@Override
	public void run() {
		int missed = 1;
		do {
			for (SingleCall call = this.ready.take(); call != null;) {
				SingleCall next = call.nextInBurst();
				call.linkBurst(null);
				signal(call);
				call = next;
			}
			missed = this.ready.done(missed);
		}
		while (missed != 0);
	}

	private static void signal(SingleCall call) {
		try {
			call.signal();
		}
		catch (Throwable ex) {
			// a subscriber that throws must not keep the others from their results
			Exceptions.throwIfJvmFatal(ex);
			logger.warn("a subscriber of the call to '{}' threw: {}", call.procedure(), ex.toString());
		}
	}

}
