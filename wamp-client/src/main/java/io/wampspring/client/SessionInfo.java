package io.wampspring.client;

import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * What the router said in WELCOME about the joined session.
 *
 * @param sessionId the session id
 * @param realm the realm
 * @param authid the authenticated identity, if the router sent one
 * @param authrole the role, if the router sent one
 * @param authmethod the authentication method used, if sent
 * @param authprovider the authentication provider, if sent
 * @param roles the router's roles ({@code broker}, {@code dealer}) with their details
 * @param details the whole WELCOME details
 */
public record SessionInfo(long sessionId, String realm, @Nullable String authid, @Nullable String authrole,
		@Nullable String authmethod, @Nullable String authprovider, Map<String, Object> roles,
		Map<String, Object> details) {

	/**
	 * Whether the router announced a feature of one of its roles.
	 * @param role {@code dealer} or {@code broker}
	 * @param feature such as {@code call_canceling}
	 * @return true when {@code roles.<role>.features.<feature>} is true
	 */
	public boolean routerSupports(String role, String feature) {
		Object roleDetails = this.roles.get(role);
		if (!(roleDetails instanceof Map<?, ?> map)) {
			return false;
		}
		Object features = map.get("features");
		return features instanceof Map<?, ?> f && Boolean.TRUE.equals(f.get(feature));
	}

	/**
	 * Read a WELCOME's details.
	 * @param sessionId the session id
	 * @param realm the realm joined
	 * @param details the details
	 * @return the info
	 */
	public static SessionInfo of(long sessionId, String realm, Map<String, Object> details) {
		Map<String, Object> roles = Dicts.dict(details, "roles");
		return new SessionInfo(sessionId, realm, Dicts.string(details, "authid"), Dicts.string(details, "authrole"),
				Dicts.string(details, "authmethod"), Dicts.string(details, "authprovider"),
				(roles != null) ? roles : Map.of(), details);
	}

}
