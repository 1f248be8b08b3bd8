package io.wampspring.spring.listener.adapter;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A non-blocking limit on how many handler runs of one endpoint happen at once, with a
 * bounded, first-come first-served waiting queue. A run that finds no permit waits in the
 * queue (no thread is held) and resumes on the handler scheduler when a permit is
 * released, so it never continues on the releasing thread (which may be an I/O thread). A
 * run that finds the queue full fails at once with the caller's rejection. A run canceled
 * while it waits gives up its place. While runs wait, a new run queues behind them even
 * if a permit was just released, so that a limit of 1 keeps the order of arrival.
 */
final class ConcurrencyLimiter {

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int CANCELED = 2;

	private final int limit;

	private final int queueCapacity;

	private final Scheduler scheduler;

	private final AtomicInteger permits;

	private final AtomicInteger queued = new AtomicInteger();

	private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();

	/**
	 * Create a limiter.
	 * @param limit how many runs at once, at least 1
	 * @param queueCapacity how many runs may wait, at least 0
	 * @param scheduler where waiting runs resume
	 */
	ConcurrencyLimiter(int limit, int queueCapacity, Scheduler scheduler) {
		if (limit < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1, got " + limit);
		}
		if (queueCapacity < 0) {
			throw new IllegalArgumentException("queue capacity must not be negative, got " + queueCapacity);
		}
		this.limit = limit;
		this.queueCapacity = queueCapacity;
		this.scheduler = scheduler;
		this.permits = new AtomicInteger(limit);
	}

	int limit() {
		return this.limit;
	}

	int queueCapacity() {
		return this.queueCapacity;
	}

	int available() {
		return this.permits.get();
	}

	int queued() {
		return this.queued.get();
	}

	/**
	 * Run work once a permit is free, and give the permit back when the work ends however
	 * it ends (completion, error or cancel).
	 * @param <T> the element type
	 * @param work the work
	 * @param rejection the error when every permit is taken and the queue is full
	 * @return the work's elements, or the rejection
	 */
	<T> Flux<T> run(Supplier<? extends Publisher<T>> work, Supplier<? extends Throwable> rejection) {
		return Flux.usingWhen(acquire(rejection), (permit) -> Flux.defer(work),
				(permit) -> Mono.fromRunnable(this::release));
	}

	private Mono<Boolean> acquire(Supplier<? extends Throwable> rejection) {
		return Mono.defer(() -> (this.waiting.isEmpty() && tryAcquire()) ? Mono.just(Boolean.TRUE)
				: Mono.create((sink) -> enqueue(sink, rejection)));
	}

	private void enqueue(MonoSink<Boolean> sink, Supplier<? extends Throwable> rejection) {
		if (this.queued.incrementAndGet() > this.queueCapacity) {
			this.queued.decrementAndGet();
			sink.error(rejection.get());
			return;
		}
		Waiter waiter = new Waiter(sink);
		sink.onCancel(() -> {
			if (waiter.state.compareAndSet(WAITING, CANCELED)) {
				// the place in the queue is free at once, not when the drain reaches it
				this.queued.decrementAndGet();
				this.waiting.remove(waiter);
			}
			else if (waiter.state.get() == GRANTED) {
				// granted but not yet handed over: the permit comes back
				release();
			}
		});
		this.waiting.add(waiter);
		// a permit may have been released between the failed try and the enqueue
		drain();
	}

	private void release() {
		this.permits.incrementAndGet();
		drain();
	}

	private void drain() {
		while (!this.waiting.isEmpty() && tryAcquire()) {
			Waiter next = this.waiting.poll();
			if (next == null || !next.state.compareAndSet(WAITING, GRANTED)) {
				this.permits.incrementAndGet();
				continue;
			}
			this.queued.decrementAndGet();
			try {
				this.scheduler.schedule(() -> next.sink.success(Boolean.TRUE));
			}
			catch (RejectedExecutionException ex) {
				// the handler scheduler is full or shut down: this run fails, the permit
				// comes back
				this.permits.incrementAndGet();
				next.sink.error(ex);
			}
		}
	}

	private boolean tryAcquire() {
		int current;
		do {
			current = this.permits.get();
			if (current <= 0) {
				return false;
			}
		}
		while (!this.permits.compareAndSet(current, current - 1));
		return true;
	}

	private static final class Waiter {

		final MonoSink<Boolean> sink;

		final AtomicInteger state = new AtomicInteger(WAITING);

		Waiter(MonoSink<Boolean> sink) {
			this.sink = sink;
		}

	}

}
