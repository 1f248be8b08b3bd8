package io.wampspring.spring.core;

import java.util.List;

import io.wampspring.client.HistoricEvent;
import io.wampspring.client.Subscription;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A subscription made at run time on every session of a peer.
 *
 * @param topic the absolute URI
 * @param subscriptions one subscription per session of the pool
 */
public record PeerSubscription(String topic, List<Subscription> subscriptions) {

	/**
	 * Copy the list.
	 * @param topic the absolute URI
	 * @param subscriptions one subscription per session of the pool
	 */
	public PeerSubscription {
		subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * The router's event history of this subscription (the sessions of a pool share one
	 * router subscription, so the first subscribed session asks).
	 * @param limit at most this many events
	 * @return the events, newest first; see {@link Subscription#eventHistory(int)}
	 */
	public Mono<List<HistoricEvent>> eventHistory(int limit) {
		return Flux.fromIterable(this.subscriptions)
			.filter((subscription) -> subscription.subscriptionId() != 0)
			.next()
			.switchIfEmpty(Mono.error(() -> new WampException(WampUris.NOT_CONNECTED,
					"no session of the peer is subscribed to '" + this.topic + "' now")))
			.flatMap((subscription) -> subscription.eventHistory(limit));
	}

	/**
	 * Unsubscribe on every session.
	 * @return completes when done
	 */
	public Mono<Void> unsubscribe() {
		return Flux.fromIterable(this.subscriptions).flatMap(Subscription::unsubscribe).then();
	}

}
