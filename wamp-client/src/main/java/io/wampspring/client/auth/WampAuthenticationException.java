package io.wampspring.client.auth;

import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;

/**
 * The router refused to open the session because of the client's identity: it answered
 * HELLO or AUTHENTICATE with ABORT and an authentication reason. {@link #getUri()} is the
 * ABORT's reason (such as {@code wamp.error.authentication_failed}) and
 * {@link #getRouterMessage()} the router's {@code message} detail, if it sent one.
 * <p>
 * The client raises it too when it cannot authenticate for reasons of its own (a
 * challenge it cannot answer, a router that failed to prove its identity, a method that
 * cannot be used on this connection): then {@link #getUri()} is
 * {@code wamp.error.authentication_failed} and {@link #getRouterMessage()} is null.
 * Either way trying again with the same settings would fail the same way, so reconnection
 * follows the {@link io.wampspring.client.reconnect.ReconnectOptions.AuthFailurePolicy}.
 * Messages never contain a secret.
 */
public class WampAuthenticationException extends WampException {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final Set<String> AUTH_REASONS = Set.of(WampUris.AUTHENTICATION_FAILED, WampUris.NOT_AUTHORIZED,
			WampUris.NO_SUCH_PRINCIPAL, WampUris.NO_AUTH_METHOD, WampUris.NO_SUCH_ROLE, WampUris.AUTHORIZATION_FAILED);

	/** The router's message, if any. */
	private final @Nullable String routerMessage;

	/**
	 * Create an exception from an ABORT.
	 * @param reason the ABORT reason URI
	 * @param routerMessage the router's message, if any
	 * @param details the ABORT details
	 * @param realm the realm the client tried to join
	 */
	public WampAuthenticationException(String reason, @Nullable String routerMessage, Map<String, Object> details,
			String realm) {
		super(reason, (routerMessage != null) ? List.of(routerMessage) : List.of(), Map.of(), details,
				"router refused to open a session on realm '" + realm + "': " + reason
						+ ((routerMessage != null) ? " (" + routerMessage + ")" : "")
						+ "; check the authid, the credentials and the authentication methods",
				null);
		this.routerMessage = routerMessage;
	}

	/**
	 * Create an exception for an authentication the client gave up on its own.
	 * @param realm the realm the client tried to join
	 * @param problem what went wrong, without secrets
	 * @param cause the underlying error, if any
	 */
	public WampAuthenticationException(String realm, String problem, @Nullable Throwable cause) {
		super(WampUris.AUTHENTICATION_FAILED, List.of(problem), Map.of(), Map.of(),
				"could not authenticate to realm '" + realm + "': " + problem, cause);
		this.routerMessage = null;
	}

	/**
	 * Whether an ABORT reason means that the router refused the client's identity.
	 * @param reason the ABORT reason URI
	 * @return true for authentication and authorization failures
	 */
	public static boolean isAuthenticationFailure(String reason) {
		return AUTH_REASONS.contains(reason);
	}

	/**
	 * The router's message, if it sent one in the ABORT details.
	 * @return the message, or null
	 */
	public @Nullable String getRouterMessage() {
		return this.routerMessage;
	}

}
