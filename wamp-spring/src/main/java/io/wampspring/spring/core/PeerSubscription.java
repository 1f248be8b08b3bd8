package io.wampspring.spring.core;

import java.util.List;

import io.wampspring.client.Subscription;
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
	 * Unsubscribe on every session.
	 * @return completes when done
	 */
	public Mono<Void> unsubscribe() {
		return Flux.fromIterable(this.subscriptions).flatMap(Subscription::unsubscribe).then();
	}

}
