package io.wampspring.core.id;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Session-scoped ids: 1, 2, 3, ... and back to 1 after 2^53, as the specification asks
 * for request ids (and the router's registration and subscription ids per session).
 * Thread safe.
 */
public final class RequestIdSequence {

	private final AtomicLong last;

	/**
	 * Create a sequence whose first id is 1.
	 */
	public RequestIdSequence() {
		this(0);
	}

	/** For tests: a sequence that continues after {@code last}. */
	RequestIdSequence(long last) {
		this.last = new AtomicLong(last);
	}

	/**
	 * The next id of the sequence.
	 * @return an id in 1..2^53
	 */
	public long next() {
		return this.last.updateAndGet((previous) -> (previous >= Ids.MAX) ? 1 : previous + 1);
	}

	/**
	 * Restart the sequence at 1 (a new session starts its own scope).
	 */
	public void reset() {
		this.last.set(0);
	}

}
