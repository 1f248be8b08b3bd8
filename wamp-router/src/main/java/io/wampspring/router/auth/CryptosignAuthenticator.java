package io.wampspring.router.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code cryptosign} method (Ed25519) against static users' public keys: the client
 * announces its public key in HELLO's {@code authextra.pubkey}, the router sends 32 random
 * bytes as the challenge (hex), and the client answers with its Ed25519 signature of them
 * (hex, optionally followed by the challenge, as Autobahn sends it). TLS channel binding is
 * not supported.
 */
public final class CryptosignAuthenticator implements Authenticator {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key. */
	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final HexFormat HEX = HexFormat.of();

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
		return "cryptosign";
	}

	@Override
	public boolean supports(AuthRequest request) {
		User user = user(request);
		return user != null && (request.authid() == null || request.authid().equals(user.authid()));
	}

	private @Nullable User user(AuthRequest request) {
		Object key = request.authextra().get("pubkey");
		return (key instanceof String hex) ? this.usersByKey.get(hex.toLowerCase(Locale.ROOT)) : null;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		User user = user(request);
		if (user == null) {
			return Mono.just(new AuthDecision.Reject(io.wampspring.core.WampUris.NO_SUCH_PRINCIPAL,
					"no user with this public key on realm '" + request.realm() + "'"));
		}
		byte[] challenge = new byte[32];
		RANDOM.nextBytes(challenge);
		String key = ((String) request.authextra().get("pubkey")).toLowerCase(Locale.ROOT);
		return Mono.just(AuthDecision.challenge(Map.of("challenge", HEX.formatHex(challenge), "channel_binding", ""),
				new Pending(user, key, challenge)));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		if (!(state instanceof Pending pending)) {
			return Mono.just(AuthDecision.reject("no cryptosign challenge is pending"));
		}
		try {
			byte[] bytes = HEX.parseHex(signature);
			if (bytes.length != 64 && bytes.length != 96) {
				return Mono.just(AuthDecision.reject("a cryptosign signature has 64 bytes (or 96 with the challenge)"));
			}
			byte[] sig = java.util.Arrays.copyOf(bytes, 64);
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(publicKey(pending.key()));
			verifier.update(pending.challenge());
			if (!verifier.verify(sig)) {
				return Mono.just(AuthDecision.reject("invalid cryptosign signature for authid '" + pending.user().authid() + "'"));
			}
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Mono.just(AuthDecision.reject("unreadable cryptosign signature: " + ex.getMessage()));
		}
		return Mono.just(new AuthDecision.Accept(pending.user().authid(), pending.user().role(), "static", Map.of()));
	}

	private static PublicKey publicKey(String hex) throws GeneralSecurityException {
		byte[] raw = HEX.parseHex(hex);
		byte[] encoded = new byte[X509_PREFIX.length + raw.length];
		System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
		System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
	}

	private record Pending(User user, String key, byte[] challenge) {
	}

}
