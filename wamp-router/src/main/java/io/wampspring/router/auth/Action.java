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
	SUBSCRIBE

}
