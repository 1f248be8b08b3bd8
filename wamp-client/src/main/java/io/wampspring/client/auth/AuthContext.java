package io.wampspring.client.auth;

import java.util.function.Function;

import io.wampspring.core.auth.TlsChannelBinding;
import org.jspecify.annotations.Nullable;

/**
 * What an authenticator may know about the session it authenticates: the realm, the
 * authid announced in HELLO, and what the transport connection offers for channel
 * binding.
 * <p>
 * Channel binding: {@link #channelBinding(String)} reads the {@code tls-unique} (TLS 1.2)
 * or {@code tls-exporter} (TLS 1.3) data of the TLS connection. The built-in transports
 * can read it when they run on the Bouncy Castle JSSE provider
 * ({@code TlsProvider.BOUNCY_CASTLE}); Java's own TLS implementation does not expose it,
 * and the result then says so.
 */
public final class AuthContext {

	private final String realm;

	private final @Nullable String authid;

	private final String address;

	private final boolean secure;

	private final Function<String, TlsChannelBinding.Result> channelBinding;

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
		this(realm, authid, address, secure, fixed(secure, (tlsUnique != null) ? tlsUnique.clone() : null));
	}

	/**
	 * Create a context that reads channel binding data from the connection.
	 * @param realm the realm to join
	 * @param authid the authid announced in HELLO, or null
	 * @param address the router address, for messages (such as {@code wss://host:443/ws})
	 * @param secure whether the connection is encrypted with TLS
	 * @param channelBinding reads the data of a channel binding type, or says why there
	 * is none
	 */
	public AuthContext(String realm, @Nullable String authid, String address, boolean secure,
			Function<String, TlsChannelBinding.Result> channelBinding) {
		this.realm = realm;
		this.authid = authid;
		this.address = address;
		this.secure = secure;
		this.channelBinding = channelBinding;
	}

	private static Function<String, TlsChannelBinding.Result> fixed(boolean secure, byte @Nullable [] tlsUnique) {
		return (type) -> {
			if (TlsChannelBinding.TLS_UNIQUE.equals(type) && tlsUnique != null) {
				return new TlsChannelBinding.Result(tlsUnique.clone(), null);
			}
			return TlsChannelBinding.Result.missing(secure ? "the connection provides no " + type + " data"
					: "the connection is not encrypted with TLS");
		};
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
	 * @return the data, or null when the connection cannot provide it
	 */
	public byte @Nullable [] tlsUnique() {
		return channelBinding(TlsChannelBinding.TLS_UNIQUE).data();
	}

	/**
	 * The channel binding data of the connection.
	 * @param type {@code tls-unique} or {@code tls-exporter}
	 * @return the data, or why there is none (not TLS, a provider that does not expose
	 * it, {@code tls-unique} on TLS 1.3)
	 */
	public TlsChannelBinding.Result channelBinding(String type) {
		return this.channelBinding.apply(type);
	}

	@Override
	public String toString() {
		return "AuthContext[realm=" + this.realm + ", authid=" + this.authid + ", address=" + this.address + ", secure="
				+ this.secure + "]";
	}

}
