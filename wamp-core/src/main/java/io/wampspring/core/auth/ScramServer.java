package io.wampspring.core.auth;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The router side of one WAMP-SCRAM authentication: the CHALLENGE details, the check of
 * the client's proof in AUTHENTICATE, and the server signature for WELCOME. Create one
 * per attempt; not thread-safe (an attempt is sequential).
 *
 * <pre>
 * ScramServer scram = new ScramServer(credential, authid, clientNonce, channelBinding, channelData);
 * send CHALLENGE(credential.variant().authMethod(), scram.challengeExtra());
 * if (scram.verify(authenticate.signature(), authenticate.extra())) {
 *     welcome.authextra.putAll(scram.welcomeAuthExtra());
 * }
 * </pre> To avoid revealing which authids exist, a router can answer an unknown authid
 * with a credential derived from a fixed secret and a salt derived from the authid, and
 * let the proof fail.
 */
public final class ScramServer {

	private final ScramCredential credential;

	private final String authMessage;

	private final String nonce;

	private final @Nullable String channelBinding;

	/**
	 * Start an authentication.
	 * @param credential the user's credential
	 * @param authid {@code HELLO.Details.authid}
	 * @param clientNonce {@code HELLO.Details.authextra.nonce}
	 * @param channelBinding {@code HELLO.Details.authextra.channel_binding}, or
	 * {@code null}
	 * @param channelData this side's channel binding data for that type (for example the
	 * tls-unique bytes), or {@code null}; required with a channel binding type
	 * @throws IllegalArgumentException if the client nonce is empty (or not Base64 for
	 * {@link ScramVariant#AUTOBAHN}), or channel binding is requested without data
	 */
	public ScramServer(ScramCredential credential, String authid, String clientNonce, @Nullable String channelBinding,
			byte @Nullable [] channelData) {
		if (clientNonce.isEmpty()) {
			throw new IllegalArgumentException("WAMP-SCRAM HELLO has an empty authextra.nonce");
		}
		if (channelBinding != null && channelData == null) {
			throw new IllegalArgumentException("WAMP-SCRAM channel binding '" + channelBinding
					+ "' requested but this transport has no channel binding data for it");
		}
		ScramVariant variant = credential.variant();
		this.credential = credential;
		this.channelBinding = channelBinding;
		this.nonce = variant.serverNonce(clientNonce);
		this.authMessage = Scram.authMessage(variant.user(authid), clientNonce, this.nonce, credential.saltBase64(),
				credential.iterations(), variant.channelBindingAttribute(channelBinding, channelData));
	}

	/**
	 * The combined nonce sent in CHALLENGE.
	 * @return the nonce
	 */
	public String nonce() {
		return this.nonce;
	}

	/**
	 * The {@code CHALLENGE.Details}: {@code nonce}, {@code salt}, {@code kdf},
	 * {@code iterations}, {@code memory} (Argon2 only) and {@code channel_binding} (when
	 * requested).
	 * @return a new mutable map
	 */
	public Map<String, Object> challengeExtra() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("nonce", this.nonce);
		extra.put("salt", this.credential.saltBase64());
		extra.put("kdf", this.credential.variant().kdfName(this.credential.kdf()));
		extra.put("iterations", (long) this.credential.iterations());
		if (this.credential.kdf() == ScramKdf.ARGON2ID13) {
			extra.put("memory", (long) this.credential.memory());
		}
		if (this.channelBinding != null) {
			extra.put("channel_binding", this.channelBinding);
		}
		return extra;
	}

	/**
	 * Check the AUTHENTICATE message: the Base64 ClientProof against the stored key (in
	 * constant time) and, when present in {@code extra}, that {@code nonce} and
	 * {@code channel_binding} are the ones of this exchange. The client's
	 * {@code cbind_data} is not trusted: this side's channel data went into the
	 * AuthMessage, so a client on another channel fails the proof.
	 * @param signature the AUTHENTICATE signature
	 * @param extra {@code AUTHENTICATE.Extra}
	 * @return whether the client proved knowledge of the password
	 */
	public boolean verify(String signature, Map<String, ?> extra) {
		Object nonce = extra.get("nonce");
		if (nonce != null && !this.nonce.equals(nonce)) {
			return false;
		}
		if (extra.containsKey("channel_binding")
				&& !Objects.equals(extra.get("channel_binding"), this.channelBinding)) {
			return false;
		}
		byte[] proof;
		try {
			proof = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return Scram.verifyClientProof(this.credential.storedKey(), this.authMessage, proof);
	}

	/**
	 * The Base64 ServerSignature, for WELCOME once {@link #verify} succeeded.
	 * @return the server signature
	 */
	public String serverSignature() {
		return Base64.getEncoder().encodeToString(Scram.serverSignature(this.credential.serverKey(), this.authMessage));
	}

	/**
	 * The {@code WELCOME.Details.authextra} entry with the server signature, under the
	 * variant's key.
	 * @return a new mutable map
	 */
	public Map<String, Object> welcomeAuthExtra() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put(this.credential.variant().verifierKey(), serverSignature());
		return extra;
	}

}
