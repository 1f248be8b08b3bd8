package io.wampspring.spring.peer;

import java.util.List;
import java.util.Objects;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.auth.ClientAuthenticator;
import org.jspecify.annotations.Nullable;

/**
 * Who a session joins as: the authid announced in HELLO and the authenticators offered,
 * for {@link WampPeer#changeUser(WampSessionCredentials)} and
 * {@link WampPeer#openSession(WampSessionCredentials)}. Everything else (router, realm,
 * transport, reconnect, features) comes from the peer's options. {@link #toString()}
 * names the methods, never a secret.
 *
 * <pre class="code">
 * peer.changeUser(WampSessionCredentials.of("bob", new TicketAuthenticator("bob-secret"))).block();
 * </pre>
 *
 * @param authid the authid, or null for none (an anonymous session)
 * @param authenticators the authenticators in preference order; empty for anonymous
 */
public record WampSessionCredentials(@Nullable String authid, List<ClientAuthenticator> authenticators) {

	/**
	 * Copy the list.
	 * @param authid the authid, or null for none (an anonymous session)
	 * @param authenticators the authenticators in preference order; empty for anonymous
	 */
	public WampSessionCredentials {
		authenticators = List.copyOf(Objects.requireNonNull(authenticators, "authenticators"));
	}

	/**
	 * Credentials of an authid.
	 * @param authid the authid, or null
	 * @param authenticators the authenticators, in preference order
	 * @return the credentials
	 */
	public static WampSessionCredentials of(@Nullable String authid, ClientAuthenticator... authenticators) {
		return new WampSessionCredentials(authid, List.of(authenticators));
	}

	/**
	 * No authid and no authenticator: the session joins anonymously.
	 * @return the credentials
	 */
	public static WampSessionCredentials anonymous() {
		return new WampSessionCredentials(null, List.of());
	}

	/**
	 * Derive client options that join with these credentials.
	 * @param options the peer's options
	 * @return the same options with this authid and these authenticators instead
	 */
	public ClientOptions applyTo(ClientOptions options) {
		ClientOptions.Builder builder = options.mutate().clearAuthenticators().authid(this.authid);
		for (ClientAuthenticator authenticator : this.authenticators) {
			builder.authenticator(authenticator);
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "WampSessionCredentials[authid=" + this.authid + ", authmethods="
				+ this.authenticators.stream().map(ClientAuthenticator::authMethod).toList() + "]";
	}

}
