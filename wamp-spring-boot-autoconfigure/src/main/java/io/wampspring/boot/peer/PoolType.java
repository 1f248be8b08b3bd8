package io.wampspring.boot.peer;

/**
 * How a peer picks a session of its pool for a call or a publication.
 */
public enum PoolType {

	/** By a hash of the URI, so that one URI always uses the same session. */
	HASH,

	/** The sessions take turns. */
	ROUND_ROBIN,

	/** Always the first session. */
	DIRECT,

	/** A session at random. */
	RANDOM

}
