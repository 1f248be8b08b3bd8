package io.wampspring.core.id;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Draws ids from the global scope: uniformly random in 1..2^53, as the specification asks
 * for session and publication ids, so that they cannot be guessed from one another.
 */
public final class GlobalIdGenerator {

	private GlobalIdGenerator() {
	}

	/**
	 * A new random id.
	 * @return an id in 1..2^53
	 */
	public static long next() {
		return ThreadLocalRandom.current().nextLong(1, Ids.MAX + 1);
	}

}
