package io.wampspring.router.realm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The testaments a session left with {@code wamp.session.add_testament}: events the
 * router publishes for it when it ends, kept in two buckets by scope. The embedded router
 * has no session resumption, so a session is detached and destroyed at the same moment:
 * its {@code detached} testaments are published first, then its {@code destroyed} ones,
 * each bucket in the order the testaments were added. Bounded per scope.
 */
final class Testaments {

	/** The scope published when a session is destroyed (the spec's default). */
	static final String DESTROYED = "destroyed";

	/** The scope published when a session is detached from its transport. */
	static final String DETACHED = "detached";

	/**
	 * The testaments a session may hold per scope; one more is refused with
	 * {@code wamp.error.limit_exceeded}.
	 */
	static final int MAX_PER_SCOPE = 64;

	/**
	 * One testament.
	 *
	 * @param topic the topic
	 * @param args positional arguments of the event
	 * @param kwargs keyword arguments of the event
	 * @param options publish options (acknowledge and exclude_me removed)
	 */
	record Testament(String topic, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			Map<String, Object> options) {
	}

	private final List<Testament> detached = new ArrayList<>();

	private final List<Testament> destroyed = new ArrayList<>();

	private boolean taken;

	/**
	 * Add a testament.
	 * @return false when the scope is full or the session already ended
	 */
	synchronized boolean add(String scope, Testament testament) {
		List<Testament> bucket = bucket(scope);
		if (this.taken || bucket.size() >= MAX_PER_SCOPE) {
			return false;
		}
		bucket.add(testament);
		return true;
	}

	/**
	 * Remove the testaments of a scope.
	 * @return how many were removed
	 */
	synchronized int flush(String scope) {
		List<Testament> bucket = bucket(scope);
		int count = bucket.size();
		bucket.clear();
		return count;
	}

	/**
	 * Take every testament for publication, detached ones first; later adds are refused.
	 */
	synchronized List<Testament> takeAll() {
		this.taken = true;
		List<Testament> all = new ArrayList<>(this.detached.size() + this.destroyed.size());
		all.addAll(this.detached);
		all.addAll(this.destroyed);
		this.detached.clear();
		this.destroyed.clear();
		return all;
	}

	private List<Testament> bucket(String scope) {
		return DETACHED.equals(scope) ? this.detached : this.destroyed;
	}

}
