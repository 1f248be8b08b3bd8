package io.wampspring.router.broker;

import io.wampspring.core.uri.WampUriValidator;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Broker} needs from its realm and router: configuration and limits, the
 * counters and the meta events. Internal to the embedded router; not an API.
 */
public interface BrokerContext {

	/**
	 * The realm's configuration.
	 * @return the current configuration
	 */
	RealmConfig config();

	/**
	 * The router's limits.
	 * @return the limits
	 */
	RouterLimits limits();

	/**
	 * The rules topic URIs must follow.
	 * @return the validator
	 */
	WampUriValidator uris();

	/**
	 * The trust level of a session's publications.
	 * @param session the session
	 * @return the level of its role, or null when none is configured
	 */
	@Nullable Integer trustlevel(RouterSession session);

	/**
	 * Count a publication.
	 */
	void published();

	/**
	 * Count events delivered.
	 * @param count how many
	 */
	void delivered(int count);

	/**
	 * A subscription was created (the meta event {@code wamp.subscription.on_create}).
	 * @param session the session that subscribed
	 * @param subscription the subscription
	 */
	void subscriptionCreated(RouterSession session, Subscription subscription);

	/**
	 * A subscriber was added to a subscription ({@code wamp.subscription.on_subscribe}).
	 * @param session the subscriber
	 * @param subscription the subscription
	 */
	void subscriptionAdded(RouterSession session, Subscription subscription);

	/**
	 * A subscriber left a subscription ({@code wamp.subscription.on_unsubscribe}), or the
	 * subscription was deleted ({@code wamp.subscription.on_delete}).
	 * @param session the subscriber
	 * @param subscription the subscription
	 * @param deleted whether the subscription was deleted
	 */
	void subscriptionRemoved(RouterSession session, Subscription subscription, boolean deleted);

}
