package io.wampspring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A subscription of a {@link WampClient}. Several local subscriptions with the same topic
 * and options share one router subscription. The handle stays valid across reconnects.
 */
public interface Subscription {

	/**
	 * The subscribed topic (or pattern).
	 * @return the topic
	 */
	String topic();

	/**
	 * The options it was subscribed with.
	 * @return the options
	 */
	SubscribeOptions options();

	/**
	 * The router's subscription id in the current session.
	 * @return the id, or 0 while not subscribed (between sessions)
	 */
	long subscriptionId();

	/**
	 * Whether the subscription is still wanted (not unsubscribed).
	 * @return true until {@link #unsubscribe()} was called
	 */
	boolean isActive();

	/**
	 * The router's event history of this subscription
	 * ({@code wamp.subscription.get_events}; Crossbar.io and the embedded router keep one
	 * for configured topics).
	 * @param limit at most this many events
	 * @return the events, newest first; an error with
	 * {@code wamp.error.history_unavailable} when the router keeps no history for the
	 * topic, or {@link io.wampspring.core.WampUris#NOT_CONNECTED} while not subscribed
	 */
	Mono<List<HistoricEvent>> eventHistory(int limit);

	/**
	 * Stop receiving events. The router subscription is removed when the last local
	 * subscription of the topic is gone. When the client is not joined, or its session
	 * ends before the router confirmed, only the local subscription is removed.
	 * @return a Mono that completes when done
	 */
	Mono<Void> unsubscribe();

	/**
	 * Whether the router revoked the subscription (and it was not made again since).
	 * @return true while revoked
	 */
	default boolean isRevoked() {
		return false;
	}

	/**
	 * The router's reason for the revocation.
	 * @return the reason, or null when not revoked or the router gave none
	 */
	default @Nullable String revocationReason() {
		return null;
	}

}
