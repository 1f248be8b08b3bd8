package io.wampspring.spring.listener.adapter;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.EventHandler;
import io.wampspring.client.WampEvent;
import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link EventHandler} of a {@code @WampSubscribe} method. With a concurrency of 1 (the
 * default) events are handled one at a time in order, on the client's handler scheduler, and
 * a returned {@code Mono}, {@code Publisher} or {@code CompletionStage} is awaited before the
 * next event; with a higher concurrency, events are handed to the scheduler and up to that
 * many run at once. A failure is logged; it does not end the subscription.
 */
public final class WampEventAdapter implements EventHandler {

	private static final Logger logger = LoggerFactory.getLogger(WampEventAdapter.class);

	private final WampHandlerMethod method;

	private final @Nullable ConcurrencyLimiter limiter;

	private final Scheduler scheduler;

	/**
	 * Create an adapter.
	 * @param method the handler method
	 * @param concurrency how many events are handled at once (at least 1)
	 * @param scheduler where events run when the concurrency is above 1
	 */
	public WampEventAdapter(WampHandlerMethod method, int concurrency, Scheduler scheduler) {
		this.method = Objects.requireNonNull(method, "method");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.limiter = (concurrency > 1) ? new ConcurrencyLimiter(concurrency, scheduler) : null;
	}

	@Override
	public void onEvent(WampEvent event) {
		ConcurrencyLimiter gate = this.limiter;
		if (gate == null) {
			handle(event).toFuture().join();
			return;
		}
		// the seam for a Micrometer Observation (wamp.listener) around one event
		gate.run(() -> handle(event).subscribeOn(this.scheduler)).subscribe();
	}

	private Mono<Void> handle(WampEvent event) {
		return Mono.defer(() -> {
			Object returned;
			try {
				returned = this.method.invoke(event.args(), event.kwargs(), event);
			}
			catch (Throwable ex) {
				return Mono.error(ex);
			}
			if (returned instanceof Publisher<?> publisher) {
				return Flux.from(publisher).then();
			}
			if (returned instanceof CompletionStage<?> stage) {
				return Mono.fromCompletionStage(stage).then();
			}
			return Mono.<Void>empty();
		}).onErrorResume((error) -> {
			if (error instanceof WampException) {
				logger.warn("{} could not handle an event of '{}': {}", this.method, event.topic(), error.getMessage());
			}
			else {
				logger.warn("{} failed on an event of '{}'", this.method, event.topic(), error);
			}
			return Mono.empty();
		});
	}

	/**
	 * The handler method.
	 * @return the method
	 */
	public WampHandlerMethod getMethod() {
		return this.method;
	}

}
