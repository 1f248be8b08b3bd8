package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.config.ScramCredential;
import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code wamp-scram} method (WAMP-SCRAM, SCRAM-SHA-256 after RFC 5802/7677) against
 * static users' {@link ScramCredential}s: HELLO carries the client nonce, CHALLENGE the
 * combined nonce, salt and KDF parameters, AUTHENTICATE the Base64 {@code ClientProof}, and
 * WELCOME's {@code authextra.verifier} the Base64 {@code ServerSignature}. Channel binding is
 * not supported; usernames are not SASLprep-normalized (ASCII authids are unaffected).
 */
public final class ScramAuthenticator implements Authenticator {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Base64 of the channel binding input "n,," (no channel binding). */
	private static final String NO_CHANNEL_BINDING = Base64.getEncoder()
		.encodeToString("n,,".getBytes(StandardCharsets.US_ASCII));

	private final Map<String, User> users;

	private ScramAuthenticator(Map<String, User> users) {
		this.users = Map.copyOf(users);
	}

	/**
	 * An authenticator for static users.
	 * @param users the users by authid; those with a SCRAM credential can use WAMP-SCRAM
	 * @return the authenticator
	 */
	public static ScramAuthenticator forUsers(Map<String, User> users) {
		return new ScramAuthenticator(users);
	}

	@Override
	public String authMethod() {
		return "wamp-scram";
	}

	@Override
	public boolean supports(AuthRequest request) {
		User user = (request.authid() != null) ? this.users.get(request.authid()) : null;
		return user != null && user.scram() != null;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		User user = this.users.get(request.authid());
		ScramCredential credential = (user != null) ? user.scram() : null;
		if (user == null || credential == null) {
			return Mono.just(AuthDecision.reject("no WAMP-SCRAM user '" + request.authid() + "'"));
		}
		if (!(request.authextra().get("nonce") instanceof String clientNonce) || clientNonce.isEmpty()) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM needs a client nonce in HELLO's authextra.nonce"));
		}
		if (request.authextra().get("channel_binding") != null) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM channel binding is not supported by this router"));
		}
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String nonce = clientNonce + Base64.getEncoder().encodeToString(random);
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("nonce", nonce);
		extra.put("salt", credential.salt());
		extra.put("kdf", credential.kdf());
		extra.put("iterations", (long) credential.iterations());
		if (credential.memory() > 0) {
			extra.put("memory", (long) credential.memory());
		}
		String clientFirstBare = "n=" + escape(user.authid()) + ",r=" + clientNonce;
		String serverFirst = "r=" + nonce + ",s=" + credential.salt() + ",i=" + credential.iterations();
		return Mono.just(AuthDecision.challenge(extra, new Pending(user, credential, clientFirstBare, serverFirst, nonce)));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		if (!(state instanceof Pending pending)) {
			return Mono.just(AuthDecision.reject("no WAMP-SCRAM challenge is pending"));
		}
		if (!pending.nonce().equals(extra.get("nonce"))) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM nonce does not match the challenge"));
		}
		if (extra.get("channel_binding") != null) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM channel binding is not supported by this router"));
		}
		try {
			Base64.Decoder base64 = Base64.getDecoder();
			String authMessage = pending.clientFirstBare() + "," + pending.serverFirst() + ",c=" + NO_CHANNEL_BINDING
					+ ",r=" + pending.nonce();
			byte[] storedKey = base64.decode(pending.credential().storedKey());
			byte[] proof = base64.decode(signature);
			byte[] clientSignature = hmac(storedKey, authMessage);
			if (proof.length != clientSignature.length) {
				return Mono.just(AuthDecision.reject("invalid WAMP-SCRAM proof for authid '" + pending.user().authid() + "'"));
			}
			byte[] clientKey = new byte[proof.length];
			for (int i = 0; i < proof.length; i++) {
				clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
			}
			byte[] recovered = MessageDigest.getInstance("SHA-256").digest(clientKey);
			if (!MessageDigest.isEqual(recovered, storedKey)) {
				return Mono.just(AuthDecision.reject("invalid WAMP-SCRAM proof for authid '" + pending.user().authid() + "'"));
			}
			String verifier = Base64.getEncoder()
				.encodeToString(hmac(base64.decode(pending.credential().serverKey()), authMessage));
			return Mono.just(new AuthDecision.Accept(pending.user().authid(), pending.user().role(), "static",
					Map.of("verifier", verifier)));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Mono.just(AuthDecision.reject("unreadable WAMP-SCRAM proof: " + ex.getMessage()));
		}
	}

	private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String escape(String authid) {
		return authid.replace("=", "=3D").replace(",", "=2C");
	}

	private record Pending(User user, ScramCredential credential, String clientFirstBare, String serverFirst,
			String nonce) {
	}

}
