package io.wampspring.spring.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.wampspring.spring.support.WampIdentity;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The {@code Authentication} of a WAMP caller (or publisher) as the router disclosed it:
 * the router authenticated the session, so the token is authenticated; its name is the
 * authid, its authority {@code ROLE_<authrole>} (the prefix configurable, as Spring
 * Security's {@code GrantedAuthorityDefaults}). It carries no credentials.
 */
public final class WampAuthenticationToken extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String authid;

	private final @Nullable String authrole;

	private final @Nullable Long session;

	/**
	 * Create an authenticated token.
	 * @param authid the caller's authid
	 * @param authrole the caller's authrole, or null when not disclosed
	 * @param session the caller's session id, or null when not disclosed
	 * @param authorities the authorities
	 */
	public WampAuthenticationToken(String authid, @Nullable String authrole, @Nullable Long session,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.authid = Objects.requireNonNull(authid, "authid");
		this.authrole = authrole;
		this.session = session;
		super.setAuthenticated(true);
	}

	/**
	 * The token of a disclosed identity, with the authority
	 * {@code <rolePrefix><authrole>}.
	 * @param identity the identity
	 * @param rolePrefix the prefix of the role authority, such as {@code ROLE_}
	 * @return the token, or null when the router disclosed no authid
	 */
	public static @Nullable WampAuthenticationToken of(WampIdentity identity, String rolePrefix) {
		String authid = identity.authid();
		if (authid == null) {
			return null;
		}
		String authrole = identity.authrole();
		List<GrantedAuthority> authorities = (authrole != null)
				? List.of(new SimpleGrantedAuthority(rolePrefix + authrole)) : List.of();
		return new WampAuthenticationToken(authid, authrole, identity.session(), authorities);
	}

	/**
	 * The authid.
	 * @return the authid
	 */
	@Override
	public String getPrincipal() {
		return this.authid;
	}

	/**
	 * None: the router checked the caller's credentials.
	 * @return an empty string
	 */
	@Override
	public Object getCredentials() {
		return "";
	}

	/**
	 * The caller's authid.
	 * @return the authid
	 */
	public String getAuthid() {
		return this.authid;
	}

	/**
	 * The caller's authrole.
	 * @return the authrole, or null when not disclosed
	 */
	public @Nullable String getAuthrole() {
		return this.authrole;
	}

	/**
	 * The caller's WAMP session id.
	 * @return the session id, or null when not disclosed
	 */
	public @Nullable Long getSession() {
		return this.session;
	}

	/**
	 * Refuses to mark the token authenticated again; only unauthenticated.
	 * @param authenticated must be false
	 */
	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("a WampAuthenticationToken is authenticated when created");
		}
		super.setAuthenticated(false);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof WampAuthenticationToken token && super.equals(other)
				&& Objects.equals(this.session, token.session);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + Objects.hashCode(this.session);
	}

}
