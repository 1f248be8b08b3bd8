package io.wampspring.router.auth;

/**
 * The answer of an {@link Authorizer}.
 *
 * @param allowed whether the action is allowed
 * @param disclose whether the router discloses the session's identity to the receivers
 * (caller disclosure for {@link Action#CALL}, publisher disclosure for
 * {@link Action#PUBLISH}) even when the session did not ask for it
 */
public record Authorization(boolean allowed, boolean disclose) {

	/** Allowed, without forced disclosure. */
	public static final Authorization ALLOW = new Authorization(true, false);

	/** Allowed, disclosing the session's identity. */
	public static final Authorization ALLOW_AND_DISCLOSE = new Authorization(true, true);

	/** Denied. */
	public static final Authorization DENY = new Authorization(false, false);

}
