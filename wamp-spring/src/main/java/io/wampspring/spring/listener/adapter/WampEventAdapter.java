package io.wampspring.spring.listener.adapter;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.EventHandler;
import io.wampspring.client.WampEvent;
import io.micrometer.observation.ObservationRegistry;
import io.wampspring.core.WampException;
import io.wampspring.spring.micrometer.WampListenerContext;
import io.wampspring.spring.micrometer.WampListenerObservationConvention;
import io.wampspring.spring.micrometer.WampObservations;
import io.wampspring.spring.micrometer.WampOperation;
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

	private final String peer;

	private final ObservationRegistry observationRegistry;

	private final @Nullable WampListenerObservationConvention observationConvention;

	/**
	 * Create an adapter.
	 * @param method the handler method
	 * @param concurrency how many events are handled at once (at least 1)
	 * @param scheduler where events run when the concurrency is above 1
	 */
	public WampEventAdapter(WampHandlerMethod method, int concurrency, Scheduler scheduler) {
		this(method, concurrency, scheduler, "", ObservationRegistry.NOOP, null);
	}

	/**
	 * Create an adapter whose events are observed ({@code wamp.listener}).
	 * @param method the handler method
	 * @param concurrency how many events are handled at once (at least 1)
	 * @param scheduler where events run when the concurrency is above 1
	 * @param peer the name of the peer that subscribed
	 * @param observationRegistry the registry ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention a custom convention, or null for the default
	 */
	public WampEventAdapter(WampHandlerMethod method, int concurrency, Scheduler scheduler, String peer,
			ObservationRegistry observationRegistry,
			@Nullable WampListenerObservationConvention observationConvention) {
		this.method = Objects.requireNonNull(method, "method");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.limiter = (concurrency > 1) ? new ConcurrencyLimiter(concurrency, scheduler) : null;
		this.peer = Objects.requireNonNull(peer, "peer");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		this.observationConvention = observationConvention;
	}

	@Override
	public void onEvent(WampEvent event) {
		ConcurrencyLimiter gate = this.limiter;
		if (gate == null) {
			handle(event).toFuture().join();
			return;
		}
		gate.run(() -> handle(event).subscribeOn(this.scheduler)).subscribe();
	}

	private Mono<Void> handle(WampEvent event) {
		Mono<Void> run = Mono.defer(() -> {
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
		});
		// observed before the error is logged and dropped, so the observation records it
		return WampObservations
			.listener(this.observationRegistry, this.observationConvention,
					() -> new WampListenerContext(WampOperation.EVENT, this.peer, this.method.getUri(), event.topic(),
							this.method.toString(), event.publication()),
					run)
			.then()
			.onErrorResume((error) -> {
				if (error instanceof WampException) {
					logger.warn("{} could not handle an event of '{}': {}", this.method, event.topic(),
							error.getMessage());
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
