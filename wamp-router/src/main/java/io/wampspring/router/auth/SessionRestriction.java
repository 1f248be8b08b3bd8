package io.wampspring.router.auth;

/**
 * Limits on top of the role of a session that logged in with a restricted credential
 * (such as a Nexus API key): an action is allowed only when the realm's authorizer allows
 * it and the restriction permits it. Attached to a session by
 * {@link AuthDecision.Accept#restrictedTo}.
 */
public interface SessionRestriction {

	/**
	 * Whether the credential the session logged in with is still valid (not deleted, not
	 * expired). Asked before every action; while false, every action is denied.
	 * @return true while the session may act
	 */
	boolean isValid();

	/**
	 * Whether the credential allows an action on a URI. The answer must depend only on
	 * the action and the URI: the router caches it per session.
	 * @param action the action
	 * @param uri the URI (or the pattern of a pattern registration or subscription)
	 * @return true when permitted
	 */
	boolean permits(Action action, String uri);

}
