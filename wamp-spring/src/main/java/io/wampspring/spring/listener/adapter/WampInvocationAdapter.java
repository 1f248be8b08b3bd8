package io.wampspring.spring.listener.adapter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.InvocationHandler;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.WampInvocation;
import io.micrometer.observation.ObservationRegistry;
import io.wampspring.client.session.RateLimitedLog;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
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
 * The {@link InvocationHandler} of a {@code @WampProcedure} method: binds the invocation
 * to the method's parameters, invokes it (on the client's handler scheduler, never on the
 * I/O thread), maps the return value to results and exceptions to error URIs. Canceling
 * the returned publisher (the client does so on INTERRUPT) cancels the method's
 * publisher. Counts the invocations in flight, so that a graceful stop can wait for them.
 * <p>
 * At most {@link WampHandlerLimits#concurrency()} invocations run at once and at most
 * {@link WampHandlerLimits#queueCapacity()} more wait, without holding a thread; an
 * invocation beyond both is answered at once with {@code wamp.error.unavailable}, counted
 * ({@link #rejectedCount()}, the {@link WampOverloadListener}) and logged at WARN at most
 * once per 10 s with the count since the last line.
 * <p>
 * An exception that the translator answers with its default URI is logged once at WARN,
 * with its stack trace and the correlation id that the caller receives; other answers are
 * logged at DEBUG.
 */
public final class WampInvocationAdapter implements InvocationHandler {

	private static final Logger logger = LoggerFactory.getLogger(WampInvocationAdapter.class);

	private final WampHandlerMethod method;

	private final ReturnValueMapper results;

	private final WampExceptionTranslator translator;

	private final @Nullable ConcurrencyLimiter limiter;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final RateLimitedLog rejectionLog = new RateLimitedLog(logger);

	private final String peer;

	private final ObservationRegistry observationRegistry;

	private final @Nullable WampListenerObservationConvention observationConvention;

	private final WampOverloadListener overloadListener;

	/**
	 * Create an adapter.
	 * @param method the handler method
	 * @param results maps return values
	 * @param translator maps exceptions
	 * @param limits how many invocations run at once and how many may wait
	 * @param scheduler where invocations that waited for the limit resume
	 */
	public WampInvocationAdapter(WampHandlerMethod method, ReturnValueMapper results,
			WampExceptionTranslator translator, WampHandlerLimits limits, Scheduler scheduler) {
		this(method, results, translator, limits, scheduler, "", ObservationRegistry.NOOP, null,
				WampOverloadListener.NONE);
	}

	/**
	 * Create an adapter whose invocations are observed ({@code wamp.listener}).
	 * @param method the handler method
	 * @param results maps return values
	 * @param translator maps exceptions
	 * @param limits how many invocations run at once and how many may wait
	 * @param scheduler where invocations that waited for the limit resume
	 * @param peer the name of the peer that serves the procedure
	 * @param observationRegistry the registry ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention a custom convention, or null for the default
	 * @param overloadListener told of every invocation refused for lack of room
	 */
	public WampInvocationAdapter(WampHandlerMethod method, ReturnValueMapper results,
			WampExceptionTranslator translator, WampHandlerLimits limits, Scheduler scheduler, String peer,
			ObservationRegistry observationRegistry, @Nullable WampListenerObservationConvention observationConvention,
			WampOverloadListener overloadListener) {
		this.method = Objects.requireNonNull(method, "method");
		this.results = Objects.requireNonNull(results, "results");
		this.translator = Objects.requireNonNull(translator, "translator");
		this.limiter = (limits.concurrency() > 0)
				? new ConcurrencyLimiter(limits.concurrency(), limits.queueCapacity(), scheduler) : null;
		this.peer = Objects.requireNonNull(peer, "peer");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		this.observationConvention = observationConvention;
		this.overloadListener = Objects.requireNonNull(overloadListener, "overloadListener");
	}

	@Override
	public Publisher<InvocationResult> handle(WampInvocation invocation) {
		ConcurrencyLimiter gate = this.limiter;
		Flux<InvocationResult> run = (gate != null)
				? gate.run(() -> invoke(invocation), () -> rejected(gate, invocation))
				: Flux.defer(() -> invoke(invocation));
		// the observation records the handler's exception and the error URI the caller
		// gets
		Flux<InvocationResult> observed = WampObservations.listener(this.observationRegistry,
				this.observationConvention,
				() -> new WampListenerContext(WampOperation.INVOCATION, this.peer, this.method.getUri(),
						invocation.procedure(), this.method.toString(), null),
				run, (error) -> translate(invocation, error));
		return Flux.defer(() -> {
			this.inFlight.incrementAndGet();
			return observed.doFinally((signal) -> this.inFlight.decrementAndGet());
		});
	}

	private Publisher<InvocationResult> invoke(WampInvocation invocation) {
		Object returned;
		try {
			returned = this.method.invoke(invocation);
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
		return this.results.toResults(returned);
	}

	private WampException rejected(ConcurrencyLimiter gate, WampInvocation invocation) {
		this.overloadListener.invocationRejected(this.peer, this.method.getUri());
		long count = this.rejectionLog.occurred();
		if (count > 0) {
			logger.warn(
					"{} refused {} invocation(s) of '{}' with {} since the last report: {} run at once and {} wait; "
							+ "raise its concurrency or queue-capacity (@WampProcedure, wamp.defaults.callee.*), "
							+ "or make the handler faster",
					this.method, count, this.method.getUri(), WampUris.UNAVAILABLE, gate.limit(), gate.queueCapacity());
		}
		String message = "'" + invocation.procedure() + "' is busy: " + gate.limit() + " invocations run and "
				+ gate.queueCapacity() + " wait; try again later, or ask its operator to raise its concurrency "
				+ "or queue-capacity";
		return new WampException(WampUris.UNAVAILABLE, message);
	}

	private WampException translate(WampInvocation invocation, Throwable error) {
		WampException answer = this.translator.translate(error, invocation.procedure());
		if (answer == error) {
			logger.debug("{} answered '{}' with {}", this.method, invocation.procedure(), answer.getUri());
		}
		else if (answer.getUri().equals(this.translator.defaultUri())) {
			// not an expected condition: the log keeps the stack trace, the caller never
			// sees it
			logger.warn("{} failed for '{}', answering {} (correlation id {})", this.method, invocation.procedure(),
					answer.getUri(), WampExceptionTranslator.correlationId(answer), answer.getCause());
		}
		else {
			logger.debug("{} answered '{}' with {} (correlation id {}): {}", this.method, invocation.procedure(),
					answer.getUri(), WampExceptionTranslator.correlationId(answer), String.valueOf(answer.getCause()));
		}
		return answer;
	}

	/**
	 * The handler method.
	 * @return the method
	 */
	public WampHandlerMethod getMethod() {
		return this.method;
	}

	/**
	 * How many invocations were answered with {@code wamp.error.unavailable} because the
	 * concurrency limit and the queue were full, since the adapter was created.
	 * @return the count
	 */
	public long rejectedCount() {
		return this.rejectionLog.count();
	}

	/**
	 * How many invocations are running now.
	 * @return the count
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Wait until no invocation is running, or the timeout passed.
	 * @param timeout the longest wait
	 * @return completes (never errors) when idle or timed out
	 */
	public Mono<Void> awaitIdle(Duration timeout) {
		if (this.inFlight.get() == 0 || timeout.isZero()) {
			return Mono.empty();
		}
		// shutdown path only: polling keeps the per-invocation path free of extra
		// bookkeeping
		return Flux.interval(Duration.ofMillis(10))
			.filter((tick) -> this.inFlight.get() == 0)
			.next()
			.then()
			.timeout(timeout, Mono.fromRunnable(() -> logger.info("{} invocations of {} still running after {} ms",
					this.inFlight.get(), this.method, timeout.toMillis())));
	}

}
