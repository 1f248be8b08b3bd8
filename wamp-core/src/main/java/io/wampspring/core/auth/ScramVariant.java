package io.wampspring.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Which dialect of WAMP-SCRAM to speak. The WAMP specification and the implementation in
 * Crossbar.io and Autobahn (an earlier draft) compute different values from the same
 * password, so a client and a router must agree on the dialect; the authmethod name tells
 * them apart.
 */
public enum ScramVariant {

	/**
	 * The WAMP specification: authmethod {@code "wamp-scram"}, kdf names
	 * {@code "argon2id13"} and {@code "pbkdf2"}, the KDF takes the Base64-decoded salt
	 * and SASLprep-normalized password, SaltedPassword is the raw KDF output, {@code c=}
	 * is {@code Base64(gs2-header + channel data)} ({@code "biws"} without channel
	 * binding), the router's nonce is the client nonce followed by its own, and WELCOME
	 * carries the server signature in {@code authextra.verifier}. Reproduces the RFC 7677
	 * test vector.
	 */
	SPEC(Scram.AUTHMETHOD, "verifier"),

	/**
	 * Crossbar.io and Autobahn|Python: authmethod {@code "scram"}, kdf names
	 * {@code "argon2id-13"} and {@code "pbkdf2"}; for Argon2 SaltedPassword is the ASCII
	 * of the unpadded Base64 of the hash (the PHC string's hash part), for PBKDF2 the
	 * salt is the Base64 text itself; the password is used as UTF-8 without
	 * normalization; {@code c=} is the channel binding name or empty; the router's nonce
	 * is {@code Base64(UnBase64(clientNonce) + 16 random bytes)}; WELCOME carries the
	 * server signature in {@code authextra.scram_server_signature}.
	 */
	AUTOBAHN("scram", "scram_server_signature");

	private final String authMethod;

	private final String verifierKey;

	ScramVariant(String authMethod, String verifierKey) {
		this.authMethod = authMethod;
		this.verifierKey = verifierKey;
	}

	/**
	 * The authmethod name for HELLO and CHALLENGE.
	 * @return {@code "wamp-scram"} or {@code "scram"}
	 */
	public String authMethod() {
		return this.authMethod;
	}

	/**
	 * The key in {@code WELCOME.Details.authextra} that carries the Base64 server
	 * signature.
	 * @return {@code "verifier"} or {@code "scram_server_signature"}
	 */
	public String verifierKey() {
		return this.verifierKey;
	}

	/**
	 * The variant for an authmethod name.
	 * @param authMethod the authmethod from HELLO or CHALLENGE
	 * @return the variant, or {@code null} if the name is not a SCRAM method
	 */
	public static @Nullable ScramVariant forAuthMethod(String authMethod) {
		for (ScramVariant variant : values()) {
			if (variant.authMethod.equals(authMethod)) {
				return variant;
			}
		}
		return null;
	}

	/**
	 * The kdf name this variant sends in CHALLENGE.
	 * @param kdf the function
	 * @return its name
	 */
	public String kdfName(ScramKdf kdf) {
		return (this == AUTOBAHN && kdf == ScramKdf.ARGON2ID13) ? "argon2id-13" : kdf.wireName();
	}

	/**
	 * SaltedPassword for this variant.
	 * @param kdf the function
	 * @param password the password
	 * @param salt the salt as sent in {@code CHALLENGE.Details.salt} (Base64 text)
	 * @param iterations the iteration count
	 * @param memoryKiB the Argon2 memory cost in KiB; ignored for PBKDF2
	 * @return the salted password, the key for ClientKey and ServerKey
	 * @throws IllegalArgumentException if the salt is not Base64 or a parameter is out of
	 * range
	 */
	public byte[] saltedPassword(ScramKdf kdf, String password, String salt, int iterations, int memoryKiB) {
		if (this == SPEC) {
			return Scram.saltedPassword(kdf, password, Scram.base64("salt", salt), iterations, memoryKiB);
		}
		byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
		if (kdf == ScramKdf.PBKDF2) {
			return Scram.kdf(kdf, bytes, salt.getBytes(StandardCharsets.UTF_8), iterations, memoryKiB);
		}
		byte[] hash = Scram.kdf(kdf, bytes, Scram.base64("salt", salt), iterations, memoryKiB);
		return Base64.getEncoder().withoutPadding().encodeToString(hash).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The user name as it appears in ClientFirstBare ({@code "n="}).
	 * @param authid the authid from HELLO
	 * @return the SASLprep-normalized authid, escaped for {@link #SPEC}
	 */
	public String user(String authid) {
		String normalized = Scram.normalize("authid", authid);
		return (this == SPEC) ? Scram.escape(normalized) : normalized;
	}

	/**
	 * The {@code c=} value of ClientFinalNoProof.
	 * @param channelBinding the channel binding type, or {@code null}
	 * @param channelData the channel binding data, or {@code null}
	 * @return the value
	 */
	public String channelBindingAttribute(@Nullable String channelBinding, byte @Nullable [] channelData) {
		if (this == SPEC) {
			return Scram.channelBindingAttribute(channelBinding, channelData);
		}
		return (channelBinding != null) ? channelBinding : "";
	}

	/**
	 * Router side: the combined nonce for CHALLENGE, starting with the client's nonce.
	 * @param clientNonce {@code HELLO.Details.authextra.nonce}
	 * @return the combined nonce
	 * @throws IllegalArgumentException for {@link #AUTOBAHN} if the client nonce is not
	 * Base64
	 */
	public String serverNonce(String clientNonce) {
		if (this == SPEC) {
			return clientNonce + Scram.newNonce();
		}
		byte[] client = Scram.base64("client nonce", clientNonce);
		byte[] combined = new byte[client.length + Scram.NONCE_LENGTH];
		System.arraycopy(client, 0, combined, 0, client.length);
		System.arraycopy(Primitives.randomBytes(Scram.NONCE_LENGTH), 0, combined, client.length, Scram.NONCE_LENGTH);
		return Base64.getEncoder().encodeToString(combined);
	}

	/**
	 * Client side: whether the router's combined nonce extends the client's nonce, as the
	 * client must check before answering.
	 * @param clientNonce the client nonce sent in HELLO
	 * @param nonce {@code CHALLENGE.Details.nonce}
	 * @return whether it starts with the client nonce and adds something
	 */
	public boolean nonceExtends(String clientNonce, String nonce) {
		if (this == SPEC) {
			return nonce.length() > clientNonce.length() && nonce.startsWith(clientNonce);
		}
		byte[] client;
		byte[] combined;
		try {
			client = Base64.getDecoder().decode(clientNonce);
			combined = Base64.getDecoder().decode(nonce);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (combined.length <= client.length) {
			return false;
		}
		for (int i = 0; i < client.length; i++) {
			if (client[i] != combined[i]) {
				return false;
			}
		}
		return true;
	}

}
