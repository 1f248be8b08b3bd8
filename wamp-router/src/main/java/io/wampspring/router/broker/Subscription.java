package io.wampspring.router.broker;

import java.util.Arrays;
import java.util.List;

import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.realm.RouterSession;
import io.wampspring.router.realm.UriIndex;

/**
 * A subscription: one id per (topic, match), shared by all its subscribers. The
 * subscriber array is replaced under the broker's lock and read without locks. Internal
 * to the embedded router; not an API.
 */
public final class Subscription extends UriIndex.Entry {

	private static final RouterSession[] NONE = new RouterSession[0];

	volatile RouterSession[] subscribers = NONE;

	Subscription(long id, String uri, MatchPolicy match) {
		super(id, uri, match);
	}

	/**
	 * The subscribers' sessions, in the order they subscribed.
	 * @return a snapshot
	 */
	public List<RouterSession> subscriberSessions() {
		return List.of(this.subscribers);
	}

	boolean add(RouterSession session) {
		RouterSession[] old = this.subscribers;
		for (RouterSession s : old) {
			if (s == session) {
				return false;
			}
		}
		RouterSession[] copy = Arrays.copyOf(old, old.length + 1);
		copy[old.length] = session;
		this.subscribers = copy;
		return true;
	}

	boolean remove(RouterSession session) {
		RouterSession[] old = this.subscribers;
		RouterSession[] copy = Arrays.stream(old).filter((s) -> s != session).toArray(RouterSession[]::new);
		this.subscribers = copy;
		return copy.length != old.length;
	}

}
