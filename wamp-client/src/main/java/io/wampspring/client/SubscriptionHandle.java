package io.wampspring.client;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.session.InboundPressure;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link Subscription} the application holds. Its events run one at a time, in order,
 * on its own worker of the handler scheduler; at most {@link ClientLimits#eventBuffer()}
 * of them wait, and a newer one that does not fit is dropped and counted.
 */
final class SubscriptionHandle implements Subscription {

	private final WampClient client;

	private final SubscriptionGroup group;

	private final EventHandler handler;

	private final SubscribeOptions options;

	private final Scheduler.Worker worker;

	private final AtomicInteger waiting = new AtomicInteger();

	private volatile boolean active = true;

	SubscriptionHandle(WampClient client, SubscriptionGroup group, EventHandler handler, SubscribeOptions options,
			Scheduler.Worker worker) {
		this.client = client;
		this.group = group;
		this.handler = handler;
		this.options = options;
		this.worker = worker;
	}

	SubscriptionGroup group() {
		return this.group;
	}

	void deliver(WampEvent event, InboundPressure pressure) {
		if (!this.active) {
			return;
		}
		int buffer = this.client.options().limits().eventBuffer();
		if (this.waiting.incrementAndGet() > buffer) {
			this.waiting.decrementAndGet();
			this.client.eventDropped(event.topic(), buffer);
			return;
		}
		pressure.acquire();
		try {
			this.worker.schedule(() -> {
				try {
					if (this.active) {
						SubscriptionGroup.runHandler(this.handler, event);
					}
				}
				finally {
					pressure.release();
					if (this.waiting.decrementAndGet() == 0 && !this.active) {
						this.worker.dispose();
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// unsubscribed meanwhile (worker disposed) or the scheduler was shut down
			this.waiting.decrementAndGet();
			pressure.release();
		}
	}

	// Events already queued still run (skipping the handler) so that the session's
	// backpressure count is released; the worker goes when the last one ran.
	void deactivate() {
		this.active = false;
		if (this.waiting.get() == 0) {
			this.worker.dispose();
		}
	}

	@Override
	public String topic() {
		return this.group.topic();
	}

	@Override
	public SubscribeOptions options() {
		return this.options;
	}

	@Override
	public long subscriptionId() {
		return this.group.subscriptionId(this);
	}

	@Override
	public boolean isActive() {
		return this.active;
	}

	@Override
	public Mono<List<HistoricEvent>> eventHistory(int limit) {
		return Mono.defer(() -> {
			long id = subscriptionId();
			if (id == 0) {
				return Mono.error(new WampException(WampUris.NOT_CONNECTED,
						"the subscription to '" + topic() + "' is not subscribed at the router now"));
			}
			return this.client.eventHistory(id, limit);
		});
	}

	@Override
	public boolean isRevoked() {
		return this.group.isRevoked();
	}

	@Override
	public @Nullable String revocationReason() {
		return this.group.revocationReason();
	}

	@Override
	public Mono<Void> unsubscribe() {
		return this.client.unsubscribe(this);
	}

	@Override
	public String toString() {
		return "Subscription[" + topic() + ", id=" + subscriptionId() + "]";
	}

}
