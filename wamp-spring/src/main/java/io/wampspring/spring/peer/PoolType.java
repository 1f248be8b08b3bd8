package io.wampspring.spring.peer;

/**
 * How a {@link WampPeer} picks one of its sessions for a call or a publication. Only
 * joined sessions are picked while any is joined.
 */
public enum PoolType {

	/**
	 * The same key (the URI, unless the caller gives one) always goes to the same
	 * session.
	 */
	HASH,

	/** The sessions take turns. */
	ROUND_ROBIN,

	/** The first session, or the one whose index the caller gives as the key. */
	DIRECT,

	/** A session at random. */
	RANDOM

}
