package io.wampspring.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * The WAMP-SCRAM computations (RFC 5802 with SHA-256, as RFC 7677 and the WAMP
 * specification define them), as stateless functions. {@link ScramClient} and
 * {@link ScramServer} put them together for one authentication; use these directly to
 * create credentials or for another variant. <pre>
 * SaltedPassword  = KDF(Normalize(password), salt, iterations, memory)
 * ClientKey       = HMAC(SaltedPassword, "Client Key")
 * StoredKey       = SHA256(ClientKey)
 * ServerKey       = HMAC(SaltedPassword, "Server Key")
 * AuthMessage     = ClientFirstBare + "," + ServerFirst + "," + ClientFinalNoProof
 * ClientProof     = ClientKey XOR HMAC(StoredKey, AuthMessage)
 * ServerSignature = HMAC(ServerKey, AuthMessage)
 * </pre>
 *
 * @see <a href=
 * "https://wamp-proto.org/wamp_latest_ietf.html#name-salted-challenge-response-a">WAMP
 * spec, Salted Challenge Response Authentication</a>
 */
public final class Scram {

	/** The authmethod name of the WAMP specification. */
	public static final String AUTHMETHOD = "wamp-scram";

	/**
	 * Random bytes in a nonce (client part or server part), as the specification
	 * recommends.
	 */
	public static final int NONCE_LENGTH = 16;

	/** Random bytes in a new salt. */
	public static final int SALT_LENGTH = 16;

	/** Length in bytes of SaltedPassword and of every key and signature (SHA-256). */
	public static final int KEY_LENGTH = 32;

	private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

	private Scram() {
	}

	/**
	 * A new nonce: 16 random bytes, Base64.
	 * @return the nonce
	 */
	public static String newNonce() {
		return Base64.getEncoder().encodeToString(Primitives.randomBytes(NONCE_LENGTH));
	}

	/**
	 * A new random salt for a user record.
	 * @return 16 random bytes
	 */
	public static byte[] newSalt() {
		return Primitives.randomBytes(SALT_LENGTH);
	}

	/**
	 * Run a KDF with a 32-byte output.
	 * @param kdf the function
	 * @param password the password bytes (already normalized and encoded)
	 * @param salt the salt bytes
	 * @param iterations the iteration count (Argon2: time cost), at least 1
	 * @param memoryKiB the Argon2 memory cost in KiB (at least 8); ignored for PBKDF2
	 * @return the 32-byte derived key
	 * @throws IllegalArgumentException if a parameter is out of range
	 */
	public static byte[] kdf(ScramKdf kdf, byte[] password, byte[] salt, int iterations, int memoryKiB) {
		if (iterations < 1) {
			throw new IllegalArgumentException("WAMP-SCRAM iterations must be at least 1, got " + iterations);
		}
		if (kdf == ScramKdf.PBKDF2) {
			return Primitives.pbkdf2Sha256(password, salt, iterations, KEY_LENGTH);
		}
		if (memoryKiB < 8) {
			throw new IllegalArgumentException("WAMP-SCRAM argon2id13 memory must be at least 8 KiB, got " + memoryKiB);
		}
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withIterations(iterations)
			.withMemoryAsKB(memoryKiB)
			.withParallelism(1)
			.withSalt(salt)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] out = new byte[KEY_LENGTH];
		generator.generateBytes(password, out);
		return out;
	}

	/**
	 * SaltedPassword as the specification defines it: the KDF over the UTF-8 bytes of the
	 * SASLprep-normalized password.
	 * @param kdf the function
	 * @param password the password
	 * @param salt the salt bytes (the Base64-decoded {@code CHALLENGE.Details.salt})
	 * @param iterations the iteration count
	 * @param memoryKiB the Argon2 memory cost in KiB; ignored for PBKDF2
	 * @return the 32-byte SaltedPassword
	 * @throws IllegalArgumentException if a parameter is out of range or the password has
	 * a character SASLprep prohibits
	 */
	public static byte[] saltedPassword(ScramKdf kdf, String password, byte[] salt, int iterations, int memoryKiB) {
		byte[] bytes = normalize("password", password).getBytes(StandardCharsets.UTF_8);
		return kdf(kdf, bytes, salt, iterations, memoryKiB);
	}

	/**
	 * Normalize a user name or password with SASLprep (RFC 4013): mapping, NFKC and the
	 * prohibited characters; the bidirectional and unassigned code point checks are not
	 * done.
	 * @param what what the text is, for error messages ("authid", "password")
	 * @param text the text
	 * @return the normalized text (the same instance for printable ASCII)
	 * @throws IllegalArgumentException if the text has a prohibited character; the
	 * message never shows the text
	 */
	public static String normalize(String what, String text) {
		return SaslPrep.prepare(what, text);
	}

	/**
	 * ClientKey = HMAC(SaltedPassword, "Client Key").
	 * @param saltedPassword the salted password
	 * @return the client key
	 */
	public static byte[] clientKey(byte[] saltedPassword) {
		return Primitives.hmacSha256(saltedPassword, CLIENT_KEY);
	}

	/**
	 * StoredKey = SHA256(ClientKey).
	 * @param clientKey the client key
	 * @return the stored key
	 */
	public static byte[] storedKey(byte[] clientKey) {
		return Primitives.sha256(clientKey);
	}

	/**
	 * ServerKey = HMAC(SaltedPassword, "Server Key").
	 * @param saltedPassword the salted password
	 * @return the server key
	 */
	public static byte[] serverKey(byte[] saltedPassword) {
		return Primitives.hmacSha256(saltedPassword, SERVER_KEY);
	}

	/**
	 * Escape a user name for the AuthMessage: {@code ","} becomes {@code "=2C"} and
	 * {@code "="} becomes {@code "=3D"}.
	 * @param name the name
	 * @return the escaped name
	 */
	public static String escape(String name) {
		if (name.indexOf(',') < 0 && name.indexOf('=') < 0) {
			return name;
		}
		return name.replace("=", "=3D").replace(",", "=2C");
	}

	/**
	 * The {@code c=} attribute of the specification's ClientFinalNoProof:
	 * {@code Base64(CBindFlag + ",," + CBindData)} where CBindFlag is {@code "n"} without
	 * channel binding and {@code "p=" + name} with it.
	 * @param channelBinding the channel binding type (for example {@code "tls-unique"}),
	 * or {@code null}
	 * @param channelData the channel binding data, or {@code null}
	 * @return the attribute value, {@code "biws"} without channel binding
	 */
	public static String channelBindingAttribute(@Nullable String channelBinding, byte @Nullable [] channelData) {
		byte[] flag = ((channelBinding != null) ? "p=" + channelBinding + ",," : "n,,")
			.getBytes(StandardCharsets.UTF_8);
		byte[] data = (channelData != null) ? channelData : new byte[0];
		byte[] input = new byte[flag.length + data.length];
		System.arraycopy(flag, 0, input, 0, flag.length);
		System.arraycopy(data, 0, input, flag.length, data.length);
		return Base64.getEncoder().encodeToString(input);
	}

	/**
	 * The AuthMessage:
	 * {@code "n=" + user + ",r=" + clientNonce + ",r=" + nonce + ",s=" + salt
	 * + ",i=" + iterations + ",c=" + channelBinding + ",r=" + nonce}.
	 * @param user the user name as it appears in ClientFirstBare (already normalized and
	 * escaped as the variant requires)
	 * @param clientNonce {@code HELLO.Details.authextra.nonce}
	 * @param nonce the combined nonce, {@code CHALLENGE.Details.nonce}
	 * @param salt {@code CHALLENGE.Details.salt} as sent (Base64 text)
	 * @param iterations {@code CHALLENGE.Details.iterations}
	 * @param channelBinding the {@code c=} value (see
	 * {@link #channelBindingAttribute(String, byte[])})
	 * @return the AuthMessage
	 */
	public static String authMessage(String user, String clientNonce, String nonce, String salt, long iterations,
			String channelBinding) {
		return "n=" + user + ",r=" + clientNonce + ",r=" + nonce + ",s=" + salt + ",i=" + iterations + ",c="
				+ channelBinding + ",r=" + nonce;
	}

	/**
	 * ClientProof = ClientKey XOR HMAC(StoredKey, AuthMessage).
	 * @param clientKey the client key
	 * @param authMessage the AuthMessage
	 * @return the 32-byte proof (sent Base64 as the AUTHENTICATE signature)
	 */
	public static byte[] clientProof(byte[] clientKey, String authMessage) {
		byte[] clientSignature = Primitives.hmacSha256(storedKey(clientKey), utf8(authMessage));
		return Primitives.xor("ClientKey", clientSignature, clientKey);
	}

	/**
	 * Server side: recover the client key from a proof and compare its hash with the
	 * stored key, in constant time.
	 * @param storedKey the stored key of the user
	 * @param authMessage the AuthMessage
	 * @param clientProof the proof received (Base64-decoded)
	 * @return whether the proof is valid; {@code false} for a proof of the wrong length
	 */
	public static boolean verifyClientProof(byte[] storedKey, String authMessage, byte[] clientProof) {
		if (clientProof.length != KEY_LENGTH) {
			return false;
		}
		byte[] clientSignature = Primitives.hmacSha256(storedKey, utf8(authMessage));
		byte[] recoveredClientKey = Primitives.xor("ClientProof", clientSignature, clientProof);
		return Primitives.constantTimeEquals(storedKey(recoveredClientKey), storedKey);
	}

	/**
	 * ServerSignature = HMAC(ServerKey, AuthMessage).
	 * @param serverKey the server key
	 * @param authMessage the AuthMessage
	 * @return the 32-byte server signature (sent Base64 in WELCOME)
	 */
	public static byte[] serverSignature(byte[] serverKey, String authMessage) {
		return Primitives.hmacSha256(serverKey, utf8(authMessage));
	}

	/**
	 * Client side: check the router's server signature in constant time.
	 * @param serverKey the server key the client computed
	 * @param authMessage the AuthMessage
	 * @param serverSignature the signature received (Base64-decoded)
	 * @return whether it is the expected one
	 */
	public static boolean verifyServerSignature(byte[] serverKey, String authMessage, byte[] serverSignature) {
		return Primitives.constantTimeEquals(serverSignature(serverKey, authMessage), serverSignature);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Decode Base64 received from the peer, naming the field on error. */
	static byte[] base64(String what, String text) {
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid WAMP-SCRAM " + what + ": not Base64 (" + ex.getMessage() + ")");
		}
	}

}
