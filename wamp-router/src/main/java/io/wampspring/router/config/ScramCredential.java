package io.wampspring.router.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the router stores for a WAMP-SCRAM user: never the password, only the salt, the key
 * derivation parameters, and the derived {@code StoredKey} and {@code ServerKey}. Keys made
 * elsewhere (for example with Argon2id, {@code kdf = "argon2id13"}) can be configured as they
 * are; {@link #pbkdf2(String, int)} derives them from a password here.
 *
 * @param kdf the key derivation function the client must use: {@code pbkdf2} or
 * {@code argon2id13}
 * @param salt the Base64 salt
 * @param iterations the KDF's iterations
 * @param memory the KDF's memory in KiB (Argon2 only, 0 otherwise)
 * @param storedKey the Base64 {@code StoredKey} (SHA-256 of the client key)
 * @param serverKey the Base64 {@code ServerKey}
 */
public record ScramCredential(String kdf, String salt, int iterations, int memory, String storedKey,
		String serverKey) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Check the fields.
	 */
	public ScramCredential {
		Objects.requireNonNull(kdf, "kdf");
		Objects.requireNonNull(salt, "salt");
		Objects.requireNonNull(storedKey, "storedKey");
		Objects.requireNonNull(serverKey, "serverKey");
	}

	/**
	 * Derive a credential from a password with PBKDF2-HMAC-SHA256 and a random 16-byte salt
	 * (the salt's octets, not its Base64 text, are the KDF salt).
	 * @param password the password
	 * @param iterations the iteration count (4096 or more)
	 * @return the credential
	 */
	public static ScramCredential pbkdf2(String password, int iterations) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		try {
			SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
			byte[] salted = factory.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
				.getEncoded();
			byte[] clientKey = hmac(salted, "Client Key");
			byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
			byte[] serverKey = hmac(salted, "Server Key");
			Base64.Encoder base64 = Base64.getEncoder();
			return new ScramCredential("pbkdf2", base64.encodeToString(salt), iterations, 0,
					base64.encodeToString(storedKey), base64.encodeToString(serverKey));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "ScramCredential[kdf=" + this.kdf + ", iterations=" + this.iterations + "]";
	}

}
