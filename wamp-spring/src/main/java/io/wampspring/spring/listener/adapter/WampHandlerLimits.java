package io.wampspring.spring.listener.adapter;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * How much work one handler method takes at once: at most {@code concurrency} invocations
 * or events run, at most {@code queueCapacity} more wait (without holding a thread);
 * beyond both, an invocation is answered at once with {@code wamp.error.unavailable} and
 * an event is dropped, each counted and logged at most once per 10 s.
 *
 * @param concurrency how many run at once; 0 for no limit (procedures only: then nothing
 * waits in this layer and the queue is unused)
 * @param queueCapacity how many may wait for a free slot; 0 to refuse at once when every
 * slot is taken
 */
public record WampHandlerLimits(int concurrency, int queueCapacity) {

	/** The default waiting queue of a procedure. */
	public static final int DEFAULT_PROCEDURE_QUEUE_CAPACITY = 1000;

	/** The default waiting queue (buffer) of a subscription. */
	public static final int DEFAULT_SUBSCRIPTION_QUEUE_CAPACITY = 10_000;

	private static final WampHandlerLimits PROCEDURE_DEFAULTS = new WampHandlerLimits(
			Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE, DEFAULT_PROCEDURE_QUEUE_CAPACITY);

	private static final WampHandlerLimits SUBSCRIPTION_DEFAULTS = new WampHandlerLimits(1,
			DEFAULT_SUBSCRIPTION_QUEUE_CAPACITY);

	/**
	 * Validate the components.
	 * @param concurrency how many run at once; 0 for no limit (procedures only: then
	 * nothing waits in this layer and the queue is unused)
	 * @param queueCapacity how many may wait for a free slot; 0 to refuse at once when
	 * every slot is taken
	 */
	public WampHandlerLimits {
		if (concurrency < 0) {
			throw new IllegalArgumentException("concurrency must not be negative, got " + concurrency);
		}
		if (queueCapacity < 0) {
			throw new IllegalArgumentException("queue capacity must not be negative, got " + queueCapacity);
		}
	}

	/**
	 * The defaults of a procedure: as many invocations at once as the default handler
	 * scheduler has threads (Reactor's {@code boundedElastic}: 10 per available
	 * processor), 1000 waiting.
	 * @return the limits
	 */
	public static WampHandlerLimits procedureDefaults() {
		return PROCEDURE_DEFAULTS;
	}

	/**
	 * The defaults of a subscription: one event at a time, in order, 10,000 waiting.
	 * @return the limits
	 */
	public static WampHandlerLimits subscriptionDefaults() {
		return SUBSCRIPTION_DEFAULTS;
	}

	/**
	 * These limits with some components replaced.
	 * @param concurrency the concurrency, or null to keep this one
	 * @param queueCapacity the queue capacity, or null to keep this one
	 * @return the limits
	 */
	public WampHandlerLimits with(@Nullable Integer concurrency, @Nullable Integer queueCapacity) {
		return new WampHandlerLimits((concurrency != null) ? concurrency : this.concurrency,
				(queueCapacity != null) ? queueCapacity : this.queueCapacity);
	}

}
