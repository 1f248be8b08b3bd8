package io.wampspring.core;

/**
 * The error and close reason URIs that the WAMP v2 specification defines.
 */
public final class WampUris {

	private WampUris() {
	}

	// Close reasons (GOODBYE and ABORT)

	/** The peer is shutting down the session normally. */
	public static final String CLOSE_NORMAL = "wamp.close.normal";

	/** The router is shutting down. */
	public static final String CLOSE_SYSTEM_SHUTDOWN = "wamp.close.system_shutdown";

	/** The session is being closed by the other side ("close realm"). */
	public static final String CLOSE_REALM = "wamp.close.close_realm";

	/** The reply to a GOODBYE. */
	public static final String CLOSE_GOODBYE_AND_OUT = "wamp.close.goodbye_and_out";

	/** The session was killed through the meta API. */
	public static final String CLOSE_KILLED = "wamp.close.killed";

	/** The realm does not exist on the router. */
	public static final String NO_SUCH_REALM = "wamp.error.no_such_realm";

	/** The requested role or authrole does not exist. */
	public static final String NO_SUCH_ROLE = "wamp.error.no_such_role";

	/** The authid is not known to the router. */
	public static final String NO_SUCH_PRINCIPAL = "wamp.error.no_such_principal";

	/** No authentication method offered by the client is acceptable. */
	public static final String NO_AUTH_METHOD = "wamp.error.no_auth_method";

	/** Authentication was attempted and failed. */
	public static final String AUTHENTICATION_FAILED = "wamp.error.authentication_failed";

	/** A peer broke the protocol. */
	public static final String PROTOCOL_VIOLATION = "wamp.error.protocol_violation";

	// Errors in ERROR messages

	/** A URI was not valid. */
	public static final String INVALID_URI = "wamp.error.invalid_uri";

	/** No procedure is registered under the called URI. */
	public static final String NO_SUCH_PROCEDURE = "wamp.error.no_such_procedure";

	/** A procedure is already registered under the URI. */
	public static final String PROCEDURE_ALREADY_EXISTS = "wamp.error.procedure_already_exists";

	/** The registration to unregister does not exist. */
	public static final String NO_SUCH_REGISTRATION = "wamp.error.no_such_registration";

	/** The subscription to unsubscribe does not exist. */
	public static final String NO_SUCH_SUBSCRIPTION = "wamp.error.no_such_subscription";

	/** The session does not exist. */
	public static final String NO_SUCH_SESSION = "wamp.error.no_such_session";

	/** The arguments of a call or event were not acceptable. */
	public static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";

	/** The action is not allowed to the caller's role. */
	public static final String NOT_AUTHORIZED = "wamp.error.not_authorized";

	/** Authorization could not be decided. */
	public static final String AUTHORIZATION_FAILED = "wamp.error.authorization_failed";

	/** The call was canceled. */
	public static final String CANCELED = "wamp.error.canceled";

	/** The call took longer than its timeout. */
	public static final String TIMEOUT = "wamp.error.timeout";

	/** The option is not allowed. */
	public static final String OPTION_NOT_ALLOWED = "wamp.error.option_not_allowed";

	/** The router does not support the requested feature. */
	public static final String FEATURE_NOT_SUPPORTED = "wamp.error.feature_not_supported";

	/** The callee is not available (unregistered or gone) while the call was routed. */
	public static final String UNAVAILABLE = "wamp.error.unavailable";

	/** No callee was available for a call that must be routed to an eligible callee. */
	public static final String NO_ELIGIBLE_CALLEE = "wamp.error.no_eligible_callee";

	/** The router does not allow caller disclosure for this call. */
	public static final String DISCLOSE_ME_NOT_ALLOWED = "wamp.error.option_disallowed.disclose_me";

	/** A payload could not be serialized for the receiving peer. */
	public static final String NETWORK_FAILURE = "wamp.error.network_failure";

	// Errors raised locally by this library (not routed)

	/**
	 * The transport to the router was lost while a request was pending. Raised locally by
	 * the client so that no call is left waiting.
	 */
	public static final String TRANSPORT_LOST = "wamp.error.transport_lost";

	/**
	 * The session is not joined (not yet, or no longer), so the request could not be
	 * sent.
	 */
	public static final String NOT_CONNECTED = "wamp.error.not_connected";

	/** The session was closed by the application while a request was pending. */
	public static final String SESSION_CLOSED = "wamp.error.session_closed";

}
