package io.wampspring.router.broker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's state of one session: its subscriptions. Each session holds one; only the
 * broker reads it. Internal to the embedded router; not an API.
 */
public final class SessionSubscriptions {

	final Set<Subscription> all = ConcurrentHashMap.newKeySet();

	/**
	 * Empty state, for a new session.
	 */
	public SessionSubscriptions() {
	}

}
