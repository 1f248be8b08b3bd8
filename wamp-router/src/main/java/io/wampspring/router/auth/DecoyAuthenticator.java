package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.core.WampUris;
import io.wampspring.core.auth.Cryptosign;
import io.wampspring.core.auth.Scram;
import io.wampspring.core.auth.ScramCredential;
import io.wampspring.core.auth.ScramKdf;
import io.wampspring.core.auth.ScramServer;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.auth.WampCra;
import io.wampspring.core.id.SecureRandoms;
import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Answers a HELLO whose principal the realm does not know (an unknown authid, a
 * cryptosign key nobody has) as if it knew it: the client gets a CHALLENGE of the usual
 * shape for its method, and its AUTHENTICATE is then rejected. A client thus sees the
 * same steps, URI and message for an unknown authid as for a wrong secret, and cannot
 * enumerate users. Salts sent for an unknown authid are derived from it with a per-router
 * key, so that asking twice gives the same salt, as it would for a real user.
 * <p>
 * Its rejections carry {@code wamp.error.no_such_principal}, so that the router logs and
 * counts them by their true reason before answering with the uniform ABORT.
 */
public final class DecoyAuthenticator implements Authenticator {

	private final String authMethod;

	private final byte[] key;

	private final String craRole;

	private final @Nullable User saltedCraUser;

	private final @Nullable ScramCredential scramTemplate;

	/**
	 * Create a decoy for one method.
	 * @param authMethod the method the client offered, such as {@code ticket}
	 * @param users the realm's static users: the decoy mimics their challenges (WAMP-CRA
	 * role and salting, SCRAM KDF parameters)
	 * @param key the router's secret key for the salts, at least 16 bytes; never sent
	 */
	public DecoyAuthenticator(String authMethod, Map<String, User> users, byte[] key) {
		this.authMethod = Objects.requireNonNull(authMethod, "authMethod");
		if (key.length < 16) {
			throw new IllegalArgumentException("the decoy key must have at least 16 bytes");
		}
		this.key = key.clone();
		// The most common role of the WAMP-CRA users, so that the decoy challenge looks
		// like theirs.
		this.craRole = users.values()
			.stream()
			.filter((user) -> user.secret() != null)
			.collect(Collectors.groupingBy(User::role, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.orElse("user");
		this.saltedCraUser = users.values()
			.stream()
			.filter((user) -> user.secret() != null && user.salt() != null)
			.min(Comparator.comparing(User::authid))
			.orElse(null);
		ScramVariant variant = Arrays.stream(ScramVariant.values())
			.filter((v) -> v.authMethod().equals(authMethod))
			.findFirst()
			.orElse(null);
		ScramCredential template = null;
		if (variant != null) {
			template = users.values()
				.stream()
				.filter((user) -> user.scram() != null && user.scram().variant() == variant)
				.min(Comparator.comparing(User::authid))
				.map(User::scram)
				.orElse(null);
			if (template == null) {
				template = new ScramCredential(variant, ScramKdf.PBKDF2, new byte[16], 4096, 0,
						new byte[Scram.KEY_LENGTH], new byte[Scram.KEY_LENGTH]);
			}
		}
		this.scramTemplate = template;
	}

	/**
	 * A random key for {@link #DecoyAuthenticator(String, Map, byte[])}.
	 * @return 32 random bytes
	 */
	public static byte[] newKey() {
		byte[] key = new byte[32];
		SecureRandoms.shared().nextBytes(key);
		return key;
	}

	@Override
	public String authMethod() {
		return this.authMethod;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		String authid = (request.authid() != null) ? request.authid() : "";
		if (WampCra.AUTHMETHOD.equals(this.authMethod)) {
			return Mono.just(AuthDecision.challenge(craExtra(authid, request.session()), null));
		}
		if (Cryptosign.AUTHMETHOD.equals(this.authMethod)) {
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("challenge", Cryptosign.newChallenge());
			return Mono.just(AuthDecision.challenge(extra, null));
		}
		ScramCredential template = this.scramTemplate;
		if (template != null) {
			return scramChallenge(template, authid, request);
		}
		return Mono.just(AuthDecision.challenge(Map.of(), null));
	}

	private Map<String, Object> craExtra(String authid, long session) {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("challenge", WampCra.newChallenge(authid, this.craRole, "static", session));
		User salted = this.saltedCraUser;
		if (salted != null) {
			extra.put("salt", Base64.getEncoder().encodeToString(derive("wampcra", authid)));
			extra.put("iterations", (long) salted.iterations());
			extra.put("keylen", (long) salted.keylen());
		}
		return extra;
	}

	private Mono<AuthDecision> scramChallenge(ScramCredential template, String authid, AuthRequest request) {
		// The same checks, in the same order and with the same messages, as
		// ScramAuthenticator's.
		if (!(request.authextra().get("nonce") instanceof String clientNonce) || clientNonce.isEmpty()) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM needs a client nonce in HELLO's authextra.nonce"));
		}
		if (request.authextra().get("channel_binding") != null) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM channel binding is not supported by this router"));
		}
		byte[] storedKey = new byte[Scram.KEY_LENGTH];
		SecureRandoms.shared().nextBytes(storedKey);
		ScramCredential decoy = new ScramCredential(template.variant(), template.kdf(), derive("scram", authid),
				template.iterations(), template.memory(), storedKey, storedKey);
		try {
			return Mono.just(AuthDecision
				.challenge(new ScramServer(decoy, authid, clientNonce, null, null).challengeExtra(), null));
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(AuthDecision.reject(ex.getMessage()));
		}
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		String who = (request.authid() != null) ? "authid '" + request.authid() + "'" : "this public key";
		return Mono.just(new AuthDecision.Reject(WampUris.NO_SUCH_PRINCIPAL,
				"no principal for " + who + " with method " + this.authMethod + " on realm '" + request.realm() + "'"));
	}

	private byte[] derive(String purpose, String authid) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] digest = mac.doFinal((purpose + ':' + authid).getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(digest, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
