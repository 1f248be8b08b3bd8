package io.wampspring.router.realm;

import java.util.Arrays;

import io.wampspring.core.uri.MatchPolicy;

/**
 * A subscription: one id per (topic, match), shared by all its subscribers. The
 * subscriber array is replaced under the broker's lock and read without locks.
 */
final class Subscription extends UriIndex.Entry {

	private static final RouterSession[] NONE = new RouterSession[0];

	volatile RouterSession[] subscribers = NONE;

	Subscription(long id, String uri, MatchPolicy match) {
		super(id, uri, match);
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
