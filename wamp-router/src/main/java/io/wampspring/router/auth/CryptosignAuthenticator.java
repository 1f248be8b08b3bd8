package io.wampspring.router.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.auth.Cryptosign;
import io.wampspring.core.auth.TlsChannelBinding;
import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code cryptosign} method (Ed25519) against static users' public keys: the client
 * announces its public key in HELLO's {@code authextra.pubkey}, the router sends 32
 * random bytes as the challenge (hex), and the client answers with its Ed25519 signature
 * of them (hex, followed by the challenge as the specification says, or bare). The
 * computations are wamp-core's {@link Cryptosign}.
 * <p>
 * TLS channel binding: a client that asks for {@code tls-unique} (TLS 1.2) or
 * {@code tls-exporter} (TLS 1.3) in {@code authextra.channel_binding} must sign the
 * challenge XORed with the channel id of its connection as the router sees it (see
 * {@link TlsChannelBinding}); the CHALLENGE confirms the binding. The router reads the
 * data from a TLS listener on the Bouncy Castle JSSE provider; where it cannot (not TLS,
 * Java's own TLS provider, {@code tls-unique} on TLS 1.3) the handshake is refused with a
 * message that says why, never continued without the binding the client asked for.
 */
public final class CryptosignAuthenticator implements Authenticator {

	private final Map<String, User> usersByKey = new HashMap<>();

	private CryptosignAuthenticator(Map<String, User> users) {
		for (User user : users.values()) {
			for (String key : user.publicKeys()) {
				this.usersByKey.put(key, user);
			}
		}
	}

	/**
	 * An authenticator for static users.
	 * @param users the users by authid; those with public keys can use cryptosign
	 * @return the authenticator
	 */
	public static CryptosignAuthenticator forUsers(Map<String, User> users) {
		return new CryptosignAuthenticator(users);
	}

	@Override
	public String authMethod() {
		return Cryptosign.AUTHMETHOD;
	}

	@Override
	public boolean supports(AuthRequest request) {
		User user = user(request);
		return user != null && (request.authid() == null || request.authid().equals(user.authid()));
	}

	private @Nullable User user(AuthRequest request) {
		String key = publicKey(request);
		return (key != null) ? this.usersByKey.get(key) : null;
	}

	private static @Nullable String publicKey(AuthRequest request) {
		Object key = request.authextra().get("pubkey");
		return (key instanceof String hex) ? hex.strip().toLowerCase(Locale.ROOT) : null;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		User user = user(request);
		String key = publicKey(request);
		if (user == null || key == null) {
			return Mono.just(new AuthDecision.Reject(WampUris.NO_SUCH_PRINCIPAL,
					"no user with this public key on realm '" + request.realm() + "'"));
		}
		Object binding = request.authextra().get("channel_binding");
		byte @Nullable [] channelId = null;
		if (binding != null) {
			if (!(binding instanceof String type) || !TlsChannelBinding.isKnown(type)) {
				return Mono.just(AuthDecision
					.reject("unknown cryptosign channel binding '" + binding + "': use " + TlsChannelBinding.TLS_UNIQUE
							+ " (TLS 1.2) or " + TlsChannelBinding.TLS_EXPORTER + " (TLS 1.3)"));
			}
			TlsChannelBinding.Result data = request.channelBinding().apply(type);
			if (data.data() == null) {
				return Mono.just(AuthDecision.reject("cryptosign channel binding '" + type
						+ "' is not available on this connection: " + data.problem()));
			}
			channelId = TlsChannelBinding.channelId(type, data.data());
		}
		String challenge = Cryptosign.newChallenge();
		Map<String, Object> extra = new HashMap<>();
		extra.put("challenge", challenge);
		if (binding != null) {
			extra.put("channel_binding", binding);
		}
		return Mono.just(AuthDecision.challenge(extra, new Pending(user, key, challenge, channelId)));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		if (!(state instanceof Pending pending)) {
			return Mono.just(AuthDecision.reject("no cryptosign challenge is pending"));
		}
		boolean valid;
		try {
			valid = Cryptosign.verify(pending.key(), pending.challenge(), pending.channelId(), signature);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(AuthDecision.reject("unreadable cryptosign signature: " + ex.getMessage()));
		}
		if (!valid) {
			return Mono.just(AuthDecision.reject("invalid cryptosign signature for authid '" + pending.user().authid()
					+ "'" + ((pending.channelId() != null) ? " (or it is not bound to this TLS connection)" : "")));
		}
		return Mono.just(AuthDecision.accept(pending.user().authid(), pending.user().role()));
	}

	private record Pending(User user, String key, String challenge, byte @Nullable [] channelId) {
	}

}
