package io.wampspring.router.auth;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who a joined session is: what an {@link Authorizer} decides on and what the meta API
 * shows.
 *
 * @param realm the realm the session joined
 * @param session the session id
 * @param authid the authenticated id (for anonymous sessions a random one)
 * @param authrole the role
 * @param authmethod the authentication method that admitted the session
 * @param authprovider who checked the credentials (such as {@code static} or
 * {@code dynamic})
 * @param transport a short description of the transport (such as {@code websocket})
 * @param authextra extra data of the authentication, may be empty
 */
public record SessionIdentity(String realm, long session, String authid, String authrole, String authmethod,
		String authprovider, String transport, Map<String, @Nullable Object> authextra) {

	/**
	 * Copy the extra data.
	 * @param realm the realm the session joined
	 * @param session the session id
	 * @param authid the authenticated id (for anonymous sessions a random one)
	 * @param authrole the role
	 * @param authmethod the authentication method that admitted the session
	 * @param authprovider who checked the credentials (such as {@code static} or
	 * {@code dynamic})
	 * @param transport a short description of the transport (such as {@code websocket})
	 * @param authextra extra data of the authentication, may be empty
	 */
	public SessionIdentity {
		authextra = (authextra == null) ? Map.of() : Map.copyOf(authextra);
	}

}
