package io.wampspring.spring.peer;

import java.util.List;

import io.wampspring.client.EventHandler;
import io.wampspring.client.HistoricEvent;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.Subscription;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A subscription of a {@link WampPeer}'s pool: made on one session at a time, it moves to
 * another session when that one leaves (see {@link WampPeer#subscribe}).
 */
public final class PoolSubscription implements Subscription {

	private static final Logger logger = LoggerFactory.getLogger(PoolSubscription.class);

	private final PoolSubscriptions pool;

	private final String topic;

	private final SubscribeOptions options;

	private final EventHandler handler;

	// guarded by this
	private int index = -1;

	private @Nullable Subscription current;

	private @Nullable Disposable moving;

	private boolean active = true;

	PoolSubscription(PoolSubscriptions pool, String topic, SubscribeOptions options, EventHandler handler) {
		this.pool = pool;
		this.topic = topic;
		this.options = options;
		this.handler = handler;
	}

	synchronized PoolSubscription bind(int index, Subscription subscription) {
		this.index = index;
		this.current = subscription;
		return this;
	}

	/**
	 * The index of the pool's session that holds the subscription now.
	 * @return the index, or -1 while it moves
	 */
	public synchronized int sessionIndex() {
		return (this.current != null) ? this.index : -1;
	}

	/** Move to another session, unless it is there already, revoked or removed. */
	void moveTo(int target) {
		Subscription old;
		synchronized (this) {
			if (!this.active || this.index == target || (this.current != null && this.current.isRevoked())) {
				return;
			}
			old = this.current;
			this.index = target;
			this.current = null;
			if (this.moving != null) {
				this.moving.dispose();
			}
		}
		// the old session is gone: the unsubscribe only forgets it there, so that its
		// client does not subscribe it again when it rejoins
		Mono<Void> drop = (old != null) ? old.unsubscribe().onErrorResume((error) -> Mono.empty()) : Mono.empty();
		Disposable move = drop
			.then(Mono.defer(() -> this.pool.client(target).subscribe(this.topic, this.options, this.handler)))
			.retryWhen(Retry.max(3).filter(PoolSubscriptions::isConnectionLoss))
			.subscribe((subscription) -> moved(target, subscription), (error) -> {
				logger.warn("peer '{}': could not move the subscription to '{}' to session {}: {}",
						this.pool.peerName(), this.topic, target, error.getMessage());
				synchronized (this) {
					if (this.index == target) {
						// the next change of state moves it again
						this.index = -1;
					}
				}
			});
		synchronized (this) {
			if (this.index == target && this.current == null) {
				this.moving = move;
			}
		}
	}

	private void moved(int target, Subscription subscription) {
		boolean keep;
		synchronized (this) {
			keep = this.active && this.index == target;
			if (keep) {
				this.current = subscription;
				this.moving = null;
			}
		}
		if (!keep) {
			subscription.unsubscribe().subscribe(null, (error) -> {
			});
		}
	}

	@Override
	public String topic() {
		return this.topic;
	}

	@Override
	public SubscribeOptions options() {
		return this.options;
	}

	@Override
	public synchronized long subscriptionId() {
		return (this.current != null) ? this.current.subscriptionId() : 0;
	}

	@Override
	public synchronized boolean isActive() {
		return this.active;
	}

	@Override
	public synchronized boolean isRevoked() {
		return this.current != null && this.current.isRevoked();
	}

	@Override
	public synchronized @Nullable String revocationReason() {
		return (this.current != null) ? this.current.revocationReason() : null;
	}

	@Override
	public Mono<List<HistoricEvent>> eventHistory(int limit) {
		Subscription subscription;
		synchronized (this) {
			subscription = this.current;
		}
		if (subscription == null) {
			return Mono.error(new WampException(WampUris.NOT_CONNECTED,
					"the subscription to '" + this.topic + "' is moving to another session of its pool; try again"));
		}
		return subscription.eventHistory(limit);
	}

	@Override
	public Mono<Void> unsubscribe() {
		Subscription old;
		synchronized (this) {
			this.active = false;
			old = this.current;
			this.current = null;
			if (this.moving != null) {
				this.moving.dispose();
			}
		}
		this.pool.removed(this);
		return (old != null) ? old.unsubscribe() : Mono.empty();
	}

	@Override
	public String toString() {
		return "PoolSubscription[" + this.topic + ", session " + sessionIndex() + "]";
	}

}
