package io.wampspring.spring.listener.adapter;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.EventHandler;
import io.wampspring.client.WampEvent;
import io.micrometer.observation.ObservationRegistry;
import io.wampspring.client.session.RateLimitedLog;
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
 * The {@link EventHandler} of a {@code @WampSubscribe} method. The client hands events
 * over one at a time; the adapter returns at once and runs the method on the client's
 * handler scheduler: with a concurrency of 1 (the default) one event at a time, in order,
 * a returned {@code Mono}, {@code Publisher} or {@code CompletionStage} being awaited
 * before the next event; with a higher concurrency, up to that many at once (order is
 * then not kept). A failure is logged; it does not end the subscription.
 * <p>
 * Events that find every slot taken wait in a bounded buffer
 * ({@link WampHandlerLimits#queueCapacity()}). When it is full the overflow policy is
 * <em>drop newest</em>: the arriving event is dropped, counted ({@link #droppedCount()},
 * the {@link WampOverloadListener}) and logged at WARN at most once per 10 s with the
 * count since the last line; the buffered events are handled as usual.
 */
public final class WampEventAdapter implements EventHandler {

	private static final Logger logger = LoggerFactory.getLogger(WampEventAdapter.class);

	// a marker, not a failure: no stack trace to fill for every dropped event
	private static final RuntimeException BUFFER_FULL = new RuntimeException("buffer full", null, false, false) {

		private static final long serialVersionUID = 1L;

	};

	private final WampHandlerMethod method;

	private final ConcurrencyLimiter limiter;

	private final Scheduler scheduler;

	private final String peer;

	private final ObservationRegistry observationRegistry;

	private final @Nullable WampListenerObservationConvention observationConvention;

	private final WampOverloadListener overloadListener;

	private final RateLimitedLog dropLog = new RateLimitedLog(logger);

	private volatile boolean active = true;

	/**
	 * Create an adapter.
	 * @param method the handler method
	 * @param limits how many events are handled at once (at least 1) and how many may
	 * wait
	 * @param scheduler where events run
	 */
	public WampEventAdapter(WampHandlerMethod method, WampHandlerLimits limits, Scheduler scheduler) {
		this(method, limits, scheduler, "", ObservationRegistry.NOOP, null, WampOverloadListener.NONE);
	}

	/**
	 * Create an adapter whose events are observed ({@code wamp.listener}).
	 * @param method the handler method
	 * @param limits how many events are handled at once (at least 1) and how many may
	 * wait
	 * @param scheduler where events run
	 * @param peer the name of the peer that subscribed
	 * @param observationRegistry the registry ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention a custom convention, or null for the default
	 * @param overloadListener told of every event dropped for lack of room
	 */
	public WampEventAdapter(WampHandlerMethod method, WampHandlerLimits limits, Scheduler scheduler, String peer,
			ObservationRegistry observationRegistry, @Nullable WampListenerObservationConvention observationConvention,
			WampOverloadListener overloadListener) {
		this.method = Objects.requireNonNull(method, "method");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		if (limits.concurrency() < 1) {
			throw new IllegalArgumentException(
					"concurrency of " + method + " must be at least 1 for events, got " + limits.concurrency());
		}
		this.limiter = new ConcurrencyLimiter(limits.concurrency(), limits.queueCapacity(), scheduler);
		this.peer = Objects.requireNonNull(peer, "peer");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		this.observationConvention = observationConvention;
		this.overloadListener = Objects.requireNonNull(overloadListener, "overloadListener");
	}

	@Override
	public void onEvent(WampEvent event) {
		if (!this.active) {
			return;
		}
		this.limiter.run(() -> handle(event).subscribeOn(this.scheduler), () -> BUFFER_FULL)
			.subscribe(null, (error) -> dropped(event, error));
	}

	private void dropped(WampEvent event, Throwable error) {
		if (error != BUFFER_FULL) {
			// the handler scheduler refused the work (shut down or full)
			logger.warn("{} dropped an event of '{}': {}", this.method, event.topic(), error.toString());
			return;
		}
		this.overloadListener.eventDropped(this.peer, this.method.getUri());
		long count = this.dropLog.occurred();
		if (count > 0) {
			logger.warn("{} dropped {} event(s) of '{}' since the last report: its buffer of {} events is full and {} "
					+ "run at once; raise its concurrency or queue-capacity (@WampSubscribe, wamp.defaults.subscriber.*), "
					+ "or make the handler faster", this.method, count, this.method.getUri(),
					this.limiter.queueCapacity(), this.limiter.limit());
		}
	}

	private Mono<Void> handle(WampEvent event) {
		Mono<Void> run = Mono.defer(() -> {
			if (!this.active) {
				// stopped while the event waited: the application may be shutting down
				return Mono.<Void>empty();
			}
			Object returned;
			try {
				returned = this.method.invoke(event);
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
	 * Stop handling events: the ones that wait in the buffer are skipped. Called when the
	 * subscription is removed.
	 */
	public void deactivate() {
		this.active = false;
	}

	/**
	 * How many events were dropped because the buffer was full, since the adapter was
	 * created.
	 * @return the count
	 */
	public long droppedCount() {
		return this.dropLog.count();
	}

	/**
	 * How many events wait in the buffer now.
	 * @return the count
	 */
	public int buffered() {
		return this.limiter.queued();
	}

	/**
	 * The handler method.
	 * @return the method
	 */
	public WampHandlerMethod getMethod() {
		return this.method;
	}

}
