package io.wampspring.spring.listener.adapter;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A non-blocking limit on how many handler runs of one endpoint happen at once. A run that
 * finds no permit waits in a queue (no thread is held) and resumes on the handler scheduler
 * when a permit is released, so it never continues on the releasing thread (which may be an
 * I/O thread). A run canceled while it waits gives up its place.
 */
final class ConcurrencyLimiter {

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int CANCELED = 2;

	private final int limit;

	private final Scheduler scheduler;

	private final AtomicInteger permits;

	private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();

	ConcurrencyLimiter(int limit, Scheduler scheduler) {
		if (limit < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1, got " + limit);
		}
		this.limit = limit;
		this.scheduler = scheduler;
		this.permits = new AtomicInteger(limit);
	}

	int limit() {
		return this.limit;
	}

	int available() {
		return this.permits.get();
	}

	/**
	 * Run work once a permit is free, and give the permit back when the work ends however it
	 * ends (completion, error or cancel).
	 * @param <T> the element type
	 * @param work the work
	 * @return the work's elements
	 */
	<T> Flux<T> run(Supplier<? extends Publisher<T>> work) {
		return Flux.usingWhen(acquire(), (permit) -> Flux.defer(work), (permit) -> Mono.fromRunnable(this::release));
	}

	private Mono<Boolean> acquire() {
		return Mono.defer(() -> tryAcquire() ? Mono.just(Boolean.TRUE) : Mono.create(this::enqueue));
	}

	private void enqueue(MonoSink<Boolean> sink) {
		Waiter waiter = new Waiter(sink);
		sink.onCancel(() -> {
			if (!waiter.state.compareAndSet(WAITING, CANCELED) && waiter.state.get() == GRANTED) {
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
			this.scheduler.schedule(() -> next.sink.success(Boolean.TRUE));
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
