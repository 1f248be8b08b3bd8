package io.wampspring.router.auth;

/**
 * Decides whether a session may call, register, publish or subscribe to a URI. Called on
 * the hot path from the session's transport thread, so it must be fast and must never
 * block; an implementation that needs a remote lookup should answer from a cache it
 * refreshes elsewhere.
 */
@FunctionalInterface
public interface Authorizer {

	/** Allows everything; the default of a realm without roles. */
	Authorizer ALLOW_ALL = (session, action, uri) -> Authorization.ALLOW;

	/**
	 * Decide.
	 * @param session the session that asks
	 * @param action what it wants to do
	 * @param uri the concrete URI, or the pattern of a pattern registration or
	 * subscription
	 * @return the decision
	 */
	Authorization authorize(SessionIdentity session, Action action, String uri);

	/**
	 * Whether the router may cache this authorizer's decision per session, action and URI
	 * for the lifetime of the session (true when decisions depend only on those).
	 * @return false by default
	 */
	default boolean cacheable() {
		return false;
	}

}
