package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code wampcra} method (WAMP Challenge-Response Authentication) against static users:
 * the router sends a challenge (a JSON string with the authid, role, a nonce, a timestamp and
 * the session id), and the client answers with the Base64 HMAC-SHA256 of it, keyed with its
 * secret. For salted secrets the CHALLENGE also carries {@code salt}, {@code iterations} and
 * {@code keylen}; the client derives the key with PBKDF2 and the user's configured secret is
 * that derived key.
 */
public final class WampCraAuthenticator implements Authenticator {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, User> users;

	private WampCraAuthenticator(Map<String, User> users) {
		this.users = Map.copyOf(users);
	}

	/**
	 * An authenticator for static users.
	 * @param users the users by authid; those with a secret can use WAMP-CRA
	 * @return the authenticator
	 */
	public static WampCraAuthenticator forUsers(Map<String, User> users) {
		return new WampCraAuthenticator(users);
	}

	@Override
	public String authMethod() {
		return "wampcra";
	}

	@Override
	public boolean supports(AuthRequest request) {
		User user = (request.authid() != null) ? this.users.get(request.authid()) : null;
		return user != null && user.secret() != null;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		User user = this.users.get(request.authid());
		if (user == null || user.secret() == null) {
			return Mono.just(AuthDecision.reject("no WAMP-CRA user '" + request.authid() + "'"));
		}
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String challenge = "{\"authid\":" + quote(user.authid()) + ",\"authrole\":" + quote(user.role())
				+ ",\"authmethod\":\"wampcra\",\"authprovider\":\"static\",\"nonce\":"
				+ quote(Base64.getEncoder().encodeToString(nonce)) + ",\"timestamp\":"
				+ quote(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()) + ",\"session\":" + request.session()
				+ "}";
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("challenge", challenge);
		if (user.salt() != null) {
			extra.put("salt", user.salt());
			extra.put("iterations", (long) user.iterations());
			extra.put("keylen", (long) user.keylen());
		}
		return Mono.just(AuthDecision.challenge(extra, new Pending(user, sign(user.secret(), challenge))));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		if (!(state instanceof Pending pending)) {
			return Mono.just(AuthDecision.reject("no WAMP-CRA challenge is pending"));
		}
		boolean valid = MessageDigest.isEqual(pending.expected().getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
		if (!valid) {
			return Mono.just(AuthDecision.reject("invalid WAMP-CRA signature for authid '" + pending.user().authid() + "'"));
		}
		return Mono.just(new AuthDecision.Accept(pending.user().authid(), pending.user().role(), "static", Map.of()));
	}

	/**
	 * The WAMP-CRA signature of a challenge.
	 * @param key the secret (or the derived key of a salted secret)
	 * @param challenge the challenge string
	 * @return the Base64 HMAC-SHA256
	 */
	static String sign(String key, String challenge) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private record Pending(User user, String expected) {
	}

}
