package io.wampspring.router.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.wampspring.core.auth.TlsChannelBinding;

import org.jspecify.annotations.Nullable;

/**
 * What a client asked for in its HELLO, handed to an {@link Authenticator}.
 *
 * @param realm the realm the client wants to join
 * @param session the session id the client will get if admitted (WAMP-CRA puts it in its
 * challenge)
 * @param authid the authid the client announced, or null
 * @param authmethods the methods the client offered, in its order of preference
 * @param authextra the {@code authextra} of HELLO (a public key for cryptosign, a nonce
 * for SCRAM), may be empty
 * @param helloDetails the whole details dictionary of HELLO
 * @param transport a short description of the transport (such as {@code websocket})
 * @param channelBinding reads the TLS channel binding data of the client's connection
 * ({@code tls-unique} or {@code tls-exporter}), or says why there is none
 */
public record AuthRequest(String realm, long session, @Nullable String authid, List<String> authmethods,
		Map<String, Object> authextra, Map<String, Object> helloDetails, String transport,
		Function<String, TlsChannelBinding.Result> channelBinding) {

	/**
	 * Copy the collections.
	 * @param realm the realm the client wants to join
	 * @param session the session id the client will get if admitted (WAMP-CRA puts it in
	 * its challenge)
	 * @param authid the authid the client announced, or null
	 * @param authmethods the methods the client offered, in its order of preference
	 * @param authextra the {@code authextra} of HELLO (a public key for cryptosign, a
	 * nonce for SCRAM), may be empty
	 * @param helloDetails the whole details dictionary of HELLO
	 * @param transport a short description of the transport (such as {@code websocket})
	 * @param channelBinding reads the TLS channel binding data of the client's connection
	 */
	public AuthRequest {
		authmethods = List.copyOf(authmethods);
		authextra = Map.copyOf(authextra);
		Objects.requireNonNull(channelBinding, "channelBinding");
	}

	/**
	 * A request over a connection without TLS channel binding data.
	 * @param realm the realm the client wants to join
	 * @param session the session id the client will get if admitted
	 * @param authid the authid the client announced, or null
	 * @param authmethods the methods the client offered
	 * @param authextra the {@code authextra} of HELLO
	 * @param helloDetails the whole details dictionary of HELLO
	 * @param transport a short description of the transport
	 */
	public AuthRequest(String realm, long session, @Nullable String authid, List<String> authmethods,
			Map<String, Object> authextra, Map<String, Object> helloDetails, String transport) {
		this(realm, session, authid, authmethods, authextra, helloDetails, transport,
				(type) -> TlsChannelBinding.Result.missing("the connection provides no channel binding data"));
	}

}
