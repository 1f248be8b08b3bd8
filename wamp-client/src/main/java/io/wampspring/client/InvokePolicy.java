package io.wampspring.client;

/**
 * How the router picks a callee when several sessions registered the same procedure
 * (shared registration).
 */
public enum InvokePolicy {

	/** Only one registration is allowed (the default). */
	SINGLE("single"),

	/** Callees take turns. */
	ROUNDROBIN("roundrobin"),

	/** A random callee. */
	RANDOM("random"),

	/** The first callee that registered. */
	FIRST("first"),

	/** The last callee that registered. */
	LAST("last");

	private final String wireName;

	InvokePolicy(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The value of the REGISTER {@code invoke} option.
	 * @return such as {@code roundrobin}
	 */
	public String wireName() {
		return this.wireName;
	}

}
