package io.wampspring.core.id;

/**
 * The identifier rules of WAMP: every id is an integer in 1..2^53 so that it survives
 * serializers (JSON in JavaScript) that hold numbers as IEEE doubles.
 */
public final class Ids {

	/** The largest valid id: 2^53. */
	public static final long MAX = 1L << 53;

	private Ids() {
	}

	/**
	 * Whether a value is a valid id.
	 * @param id the value
	 * @return true when {@code 1 <= id <= 2^53}
	 */
	public static boolean isValid(long id) {
		return id >= 1 && id <= MAX;
	}

	/**
	 * Check that a value is a valid id.
	 * @param id the value
	 * @param name what the value is, for the error message
	 * @return the id
	 * @throws IllegalArgumentException when the id is outside 1..2^53
	 */
	public static long check(long id, String name) {
		if (!isValid(id)) {
			throw new IllegalArgumentException(name + " must be an id in 1..2^53, got " + id);
		}
		return id;
	}

}
