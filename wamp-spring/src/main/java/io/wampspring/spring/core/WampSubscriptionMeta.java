package io.wampspring.spring.core;

import java.util.List;
import java.util.Map;

import io.wampspring.core.uri.MatchPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The subscription meta API of the router ({@code wamp.subscription.*}) as typed calls,
 * from {@link WampTemplate#subscriptionMeta()}.
 */
public final class WampSubscriptionMeta {

	private final MetaCalls calls;

	WampSubscriptionMeta(WampTemplate template) {
		this.calls = new MetaCalls(template);
	}

	/**
	 * The ids of every subscription, by match policy ({@code wamp.subscription.list}).
	 * @return the ids per match policy
	 */
	public Mono<MatchLists> list() {
		return this.calls.call("wamp.subscription.list", List.of(), Map.of(),
				(value) -> MatchLists.of(MetaCalls.dict(value)));
	}

	/**
	 * The subscription of a URI under a match policy ({@code wamp.subscription.lookup}).
	 * @param uri the URI or pattern
	 * @param match the match policy
	 * @return its id, or empty when there is none
	 */
	public Mono<Long> lookup(String uri, MatchPolicy match) {
		return this.calls.call("wamp.subscription.lookup", List.of(uri, Map.of("match", match.wireName())), Map.of(),
				MetaCalls::id);
	}

	/**
	 * One subscription ({@code wamp.subscription.get}).
	 * @param id the subscription id
	 * @return its details; an error {@code wamp.error.no_such_subscription} when unknown
	 */
	public Mono<SubscriptionDetails> get(long id) {
		return this.calls.call("wamp.subscription.get", List.of(id), Map.of(),
				(value) -> SubscriptionDetails.of(MetaCalls.dict(value)));
	}

	/**
	 * The sessions attached to a subscription
	 * ({@code wamp.subscription.list_subscribers}).
	 * @param id the subscription id
	 * @return their session ids
	 */
	public Mono<List<Long>> listSubscribers(long id) {
		return this.calls.call("wamp.subscription.list_subscribers", List.of(id), Map.of(), MetaCalls::ids);
	}

	/**
	 * How many sessions are attached to a subscription
	 * ({@code wamp.subscription.count_subscribers}).
	 * @param id the subscription id
	 * @return the count
	 */
	public Mono<Long> countSubscribers(long id) {
		return this.calls.call("wamp.subscription.count_subscribers", List.of(id), Map.of(), MetaCalls::id);
	}

	/**
	 * Revoke a subscription for every session attached to it
	 * ({@code wamp.subscription.remove}, an extension of this project's router): sessions
	 * that announced subscription_revocation get the reason.
	 * @param id the subscription id
	 * @param reason the reason, or null
	 * @return completes when revoked
	 */
	public Mono<Void> remove(long id, @Nullable String reason) {
		return this.calls.callVoid("wamp.subscription.remove", List.of(id), MetaCalls.reasonAndMessage(reason, null));
	}

	/**
	 * Revoke a subscription for one session ({@code wamp.subscription.remove_subscriber},
	 * as Crossbar.io names it).
	 * @param id the subscription id
	 * @param sessionId the session
	 * @param reason the reason, or null
	 * @return completes when revoked
	 */
	public Mono<Void> removeSubscriber(long id, long sessionId, @Nullable String reason) {
		return this.calls.callVoid("wamp.subscription.remove_subscriber", List.of(id, sessionId),
				MetaCalls.reasonAndMessage(reason, null));
	}

	/**
	 * The subscriptions that an event on a topic would reach
	 * ({@code wamp.subscription.match}).
	 * @param topic the topic URI
	 * @return their ids (empty when none matches)
	 */
	public Mono<List<Long>> match(String topic) {
		return this.calls.call("wamp.subscription.match", List.of(topic), Map.of(), MetaCalls::ids)
			.defaultIfEmpty(List.of());
	}

	/**
	 * A subscription as the meta API describes it.
	 *
	 * @param id the subscription id
	 * @param created when it was created (ISO 8601)
	 * @param uri the topic or pattern
	 * @param match the match policy
	 */
	public record SubscriptionDetails(long id, String created, String uri, String match) {

		static SubscriptionDetails of(Map<String, @Nullable Object> dict) {
			return new SubscriptionDetails(MetaCalls.id(dict.get("id")), MetaCalls.string(dict, "created"),
					MetaCalls.string(dict, "uri"), MetaCalls.string(dict, "match"));
		}

	}

}
