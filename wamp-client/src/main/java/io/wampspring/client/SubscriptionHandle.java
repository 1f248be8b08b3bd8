package io.wampspring.client;

import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link Subscription} the application holds. Its events run one at a time, in order,
 * on its own worker of the handler scheduler.
 */
final class SubscriptionHandle implements Subscription {

	private final WampClient client;

	private final SubscriptionGroup group;

	private final EventHandler handler;

	private final Scheduler.Worker worker;

	private volatile boolean active = true;

	SubscriptionHandle(WampClient client, SubscriptionGroup group, EventHandler handler, Scheduler.Worker worker) {
		this.client = client;
		this.group = group;
		this.handler = handler;
		this.worker = worker;
	}

	SubscriptionGroup group() {
		return this.group;
	}

	void deliver(WampEvent event) {
		if (this.active) {
			try {
				this.worker.schedule(() -> {
					if (this.active) {
						SubscriptionGroup.runHandler(this.handler, event);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// unsubscribed meanwhile (worker disposed) or the scheduler was shut down
				SubscriptionGroup.dropped(event, ex);
			}
		}
	}

	void deactivate() {
		this.active = false;
		this.worker.dispose();
	}

	@Override
	public String topic() {
		return this.group.topic();
	}

	@Override
	public SubscribeOptions options() {
		return this.group.key().options();
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
	public Mono<Void> unsubscribe() {
		return this.client.unsubscribe(this);
	}

	@Override
	public String toString() {
		return "Subscription[" + topic() + ", id=" + subscriptionId() + "]";
	}

}
