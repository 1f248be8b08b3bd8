package io.wampspring.router.auth;

/**
 * What a session asks to do with a URI; the unit of authorization.
 */
public enum Action {

	/** Call a procedure. */
	CALL,

	/** Register a procedure. */
	REGISTER,

	/** Publish to a topic. */
	PUBLISH,

	/** Subscribe to a topic. */
	SUBSCRIBE,

	/**
	 * Keep a publication as the topic's retained event ({@code retain} option of
	 * PUBLISH); asked in addition to {@link #PUBLISH}. The role-based authorizer allows
	 * it where the winning rule allows publishing and retention.
	 */
	RETAIN

}
