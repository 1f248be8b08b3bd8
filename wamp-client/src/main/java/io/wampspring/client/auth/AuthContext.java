package io.wampspring.client.auth;

import org.jspecify.annotations.Nullable;

/**
 * What an authenticator may know about the session it authenticates: the realm, the
 * authid announced in HELLO, and what the transport connection offers for channel
 * binding.
 * <p>
 * Channel binding: {@link #tlsUnique()} is the RFC 5929 {@code tls-unique} data of the
 * TLS connection when the transport can read it. The built-in transports run on Java's
 * TLS implementation (JSSE), which does not expose the TLS Finished message that
 * {@code tls-unique} is made of (and {@code tls-unique} is not defined for TLS 1.3), so
 * with them it is always {@code null}; a custom transport may provide it.
 */
public final class AuthContext {

	private final String realm;

	private final @Nullable String authid;

	private final String address;

	private final boolean secure;

	private final byte @Nullable [] tlsUnique;

	/**
	 * Create a context.
	 * @param realm the realm to join
	 * @param authid the authid announced in HELLO, or null
	 * @param address the router address, for messages (such as {@code wss://host:443/ws})
	 * @param secure whether the connection is encrypted with TLS
	 * @param tlsUnique the {@code tls-unique} channel binding data, or null when
	 * unavailable
	 */
	public AuthContext(String realm, @Nullable String authid, String address, boolean secure,
			byte @Nullable [] tlsUnique) {
		this.realm = realm;
		this.authid = authid;
		this.address = address;
		this.secure = secure;
		this.tlsUnique = (tlsUnique != null) ? tlsUnique.clone() : null;
	}

	/**
	 * The realm to join.
	 * @return the realm
	 */
	public String realm() {
		return this.realm;
	}

	/**
	 * The authid announced in HELLO.
	 * @return the authid, or null
	 */
	public @Nullable String authid() {
		return this.authid;
	}

	/**
	 * The router address, for messages.
	 * @return such as {@code wss://host:443/ws}
	 */
	public String address() {
		return this.address;
	}

	/**
	 * Whether the connection is encrypted with TLS.
	 * @return true for {@code wss://} and {@code tcps://}
	 */
	public boolean isSecure() {
		return this.secure;
	}

	/**
	 * The {@code tls-unique} channel binding data of the connection.
	 * @return a copy, or null when the connection cannot provide it (always with JSSE)
	 */
	public byte @Nullable [] tlsUnique() {
		return (this.tlsUnique != null) ? this.tlsUnique.clone() : null;
	}

	@Override
	public String toString() {
		return "AuthContext[realm=" + this.realm + ", authid=" + this.authid + ", address=" + this.address + ", secure="
				+ this.secure + "]";
	}

}
