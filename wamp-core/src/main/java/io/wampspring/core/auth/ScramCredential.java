package io.wampspring.core.auth;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a router stores for a WAMP-SCRAM user: never the password, only the salt, the KDF
 * parameters, StoredKey and ServerKey. {@link #toString()} hides the keys.
 *
 * @param variant the dialect the keys were derived for
 * @param kdf the key derivation function
 * @param salt the per-user random salt (raw bytes; sent Base64 in CHALLENGE)
 * @param iterations the iteration count (Argon2: time cost)
 * @param memory the Argon2 memory cost in KiB (0 for PBKDF2)
 * @param storedKey SHA256(ClientKey)
 * @param serverKey HMAC(SaltedPassword, "Server Key")
 */
public record ScramCredential(ScramVariant variant, ScramKdf kdf, byte[] salt, int iterations, int memory,
		byte[] storedKey, byte[] serverKey) {

	/**
	 * Copy the arrays and check the lengths.
	 * @param variant the dialect the keys were derived for
	 * @param kdf the key derivation function
	 * @param salt the per-user random salt
	 * @param iterations the iteration count
	 * @param memory the Argon2 memory cost in KiB (0 for PBKDF2)
	 * @param storedKey SHA256(ClientKey), 32 bytes
	 * @param serverKey HMAC(SaltedPassword, "Server Key"), 32 bytes
	 * @throws IllegalArgumentException if a key is not 32 bytes or iterations is below 1
	 */
	public ScramCredential {
		salt = salt.clone();
		storedKey = storedKey.clone();
		serverKey = serverKey.clone();
		if (storedKey.length != Scram.KEY_LENGTH || serverKey.length != Scram.KEY_LENGTH) {
			throw new IllegalArgumentException("Invalid WAMP-SCRAM credential: stored key and server key must be "
					+ Scram.KEY_LENGTH + " bytes, got " + storedKey.length + " and " + serverKey.length);
		}
		if (iterations < 1) {
			throw new IllegalArgumentException("Invalid WAMP-SCRAM credential: iterations must be at least 1");
		}
	}

	/**
	 * Derive a credential from a password, as a router does when a user is configured
	 * with a password (or a tool does to produce a user record).
	 * @param variant the dialect
	 * @param kdf the key derivation function
	 * @param password the password
	 * @param salt the salt (for example {@link Scram#newSalt()})
	 * @param iterations the iteration count
	 * @param memory the Argon2 memory cost in KiB (ignored for PBKDF2)
	 * @return the credential
	 */
	public static ScramCredential derive(ScramVariant variant, ScramKdf kdf, String password, byte[] salt,
			int iterations, int memory) {
		String saltText = Base64.getEncoder().encodeToString(salt);
		byte[] saltedPassword = variant.saltedPassword(kdf, password, saltText, iterations, memory);
		byte[] storedKey = Scram.storedKey(Scram.clientKey(saltedPassword));
		byte[] serverKey = Scram.serverKey(saltedPassword);
		return new ScramCredential(variant, kdf, salt, iterations, (kdf == ScramKdf.PBKDF2) ? 0 : memory, storedKey,
				serverKey);
	}

	/**
	 * The salt as sent in {@code CHALLENGE.Details.salt}.
	 * @return the Base64 salt
	 */
	public String saltBase64() {
		return Base64.getEncoder().encodeToString(this.salt);
	}

	/**
	 * The salt.
	 * @return a copy
	 */
	@Override
	public byte[] salt() {
		return this.salt.clone();
	}

	/**
	 * The stored key.
	 * @return a copy
	 */
	@Override
	public byte[] storedKey() {
		return this.storedKey.clone();
	}

	/**
	 * The server key.
	 * @return a copy
	 */
	@Override
	public byte[] serverKey() {
		return this.serverKey.clone();
	}

	/**
	 * Compare by content.
	 * @param other the other object
	 * @return whether it is an equal credential
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ScramCredential that && this.variant == that.variant && this.kdf == that.kdf
				&& this.iterations == that.iterations && this.memory == that.memory
				&& Arrays.equals(this.salt, that.salt) && Primitives.constantTimeEquals(this.storedKey, that.storedKey)
				&& Primitives.constantTimeEquals(this.serverKey, that.serverKey);
	}

	/**
	 * A hash of the non-secret parts.
	 * @return the hash code
	 */
	@Override
	public int hashCode() {
		return Objects.hash(this.variant, this.kdf, this.iterations, this.memory, Arrays.hashCode(this.salt));
	}

	/**
	 * Shows the parameters, never the keys.
	 * @return a description without key material
	 */
	@Override
	public String toString() {
		return "ScramCredential[variant=" + this.variant + ", kdf=" + this.kdf.wireName() + ", iterations="
				+ this.iterations + ", memory=" + this.memory + ", keys=(hidden)]";
	}

}
