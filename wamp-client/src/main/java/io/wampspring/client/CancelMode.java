package io.wampspring.client;

/**
 * How the router cancels a call whose caller gave up (the subscriber canceled or the
 * client-side timeout fired). See the WAMP call canceling feature.
 */
public enum CancelMode {

	/** The router answers the caller at once and lets the callee finish. */
	SKIP("skip"),

	/**
	 * The router interrupts the callee and answers the caller once the callee stopped.
	 */
	KILL("kill"),

	/** The router interrupts the callee and answers the caller at once. */
	KILL_NO_WAIT("killnowait");

	private final String wireName;

	CancelMode(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The value of the CANCEL/INTERRUPT {@code mode} option.
	 * @return {@code skip}, {@code kill} or {@code killnowait}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Read a {@code mode} option.
	 * @param value the option value, or null
	 * @return the mode; {@link #KILL_NO_WAIT} when absent or unknown
	 */
	public static CancelMode fromWire(@org.jspecify.annotations.Nullable Object value) {
		for (CancelMode mode : values()) {
			if (mode.wireName.equals(value)) {
				return mode;
			}
		}
		return KILL_NO_WAIT;
	}

}
