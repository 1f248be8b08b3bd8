package io.wampspring.client.session;

import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.Payload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The chunks of one progressive call invocation on their way to the handler. Every chunk
 * the handler has not taken yet counts in the session's {@link InboundPressure}, so that
 * a handler slower than its caller's stream makes the connection stop reading (the router
 * then meets TCP flow control and its own backlog bound) instead of failing the call; the
 * queue's capacity only bounds what was already read when reading stopped. Chunks are
 * offered on the I/O thread and delivered on the handler scheduler.
 */
final class ChunkStream {

	private final Sinks.Many<Payload> sink;

	private final InboundPressure pressure;

	private final AtomicInteger held = new AtomicInteger();

	private final Flux<Payload> flux;

	ChunkStream(int capacity, InboundPressure pressure, Scheduler scheduler) {
		this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<Payload>get(capacity).get());
		this.pressure = pressure;
		this.flux = this.sink.asFlux().publishOn(scheduler, 1).doOnNext((chunk) -> taken());
	}

	Flux<Payload> flux() {
		return this.flux;
	}

	/**
	 * Hand a chunk to the handler.
	 * @return the sink's answer: {@code FAIL_OVERFLOW} when the queue is full
	 */
	Sinks.EmitResult offer(Payload chunk) {
		// counted before it can be taken, so that taking it always finds it counted
		this.held.incrementAndGet();
		this.pressure.acquire();
		Sinks.EmitResult result = this.sink.tryEmitNext(chunk);
		if (result.isFailure()) {
			taken();
		}
		return result;
	}

	void complete() {
		this.sink.tryEmitComplete();
	}

	/** The invocation ended: the chunks it did not take no longer hold the connection. */
	void releaseAll() {
		int left = this.held.getAndSet(0);
		for (int i = 0; i < left; i++) {
			this.pressure.release();
		}
	}

	private void taken() {
		if (this.held.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0) {
			this.pressure.release();
		}
	}

}
