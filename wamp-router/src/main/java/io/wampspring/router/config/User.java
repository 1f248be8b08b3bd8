package io.wampspring.router.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.wampspring.core.auth.Cryptosign;
import io.wampspring.core.auth.Scram;
import io.wampspring.core.auth.ScramCredential;
import io.wampspring.core.auth.ScramKdf;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.auth.WampCra;
import org.jspecify.annotations.Nullable;

/**
 * A static user of a realm, with the credentials of the methods it may use: a secret for
 * {@code ticket} and {@code wampcra} (for salted WAMP-CRA the secret is the derived key,
 * with the salt, iterations and key length the client needs to derive it), Ed25519 public
 * keys (hex) for {@code cryptosign}, and a SCRAM credential for {@code wamp-scram} or
 * {@code scram} (by its {@link ScramVariant}).
 *
 * @param authid the user's authid
 * @param role the role the user gets
 * @param secret the ticket or WAMP-CRA secret, or null
 * @param salt the WAMP-CRA salt, or null for an unsalted secret
 * @param iterations the WAMP-CRA PBKDF2 iterations (when salted)
 * @param keylen the WAMP-CRA derived key length in bytes (when salted)
 * @param publicKeys the cryptosign public keys, as 64 hex characters each
 * @param scram the WAMP-SCRAM credential (wamp-core's), or null
 */
public record User(String authid, String role, @Nullable String secret, @Nullable String salt, int iterations,
		int keylen, List<String> publicKeys, @Nullable ScramCredential scram) {

	/**
	 * Check and copy.
	 * @throws IllegalArgumentException if a public key is not a valid Ed25519 key in hex
	 * @param authid the user's authid
	 * @param role the role the user gets
	 * @param secret the ticket or WAMP-CRA secret, or null
	 * @param salt the WAMP-CRA salt, or null for an unsalted secret
	 * @param iterations the WAMP-CRA PBKDF2 iterations (when salted)
	 * @param keylen the WAMP-CRA derived key length in bytes (when salted)
	 * @param publicKeys the cryptosign public keys, as 64 hex characters each
	 * @param scram the WAMP-SCRAM credential (wamp-core's), or null
	 */
	public User {
		Objects.requireNonNull(authid, "authid");
		Objects.requireNonNull(role, "role");
		publicKeys = publicKeys.stream().map((key) -> checkPublicKey(authid, key)).toList();
	}

	private static String checkPublicKey(String authid, String key) {
		try {
			return Cryptosign.checkPublicKey(key).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("User '" + authid + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * A user with a secret (ticket and unsalted WAMP-CRA).
	 * @param authid the authid
	 * @param role the role
	 * @param secret the secret, or null
	 */
	public User(String authid, String role, @Nullable String secret) {
		this(authid, role, secret, null, 0, 0, List.of(), null);
	}

	/**
	 * A copy with WAMP-CRA salting parameters; the secret must then be the derived key.
	 * @param salt the salt
	 * @param iterations the PBKDF2 iterations
	 * @param keylen the derived key length in bytes
	 * @return the new user
	 */
	public User withSalt(String salt, int iterations, int keylen) {
		return new User(this.authid, this.role, this.secret, salt, iterations, keylen, this.publicKeys, this.scram);
	}

	/**
	 * A copy for salted WAMP-CRA, derived here from the password: the secret becomes the
	 * PBKDF2 key the client derives from the password with the salt, iterations and key
	 * length the CHALLENGE carries. The ticket method is then not offered to this user.
	 * @param password the password the client knows
	 * @param salt the salt
	 * @param iterations the PBKDF2 iterations (such as
	 * {@link WampCra#DEFAULT_ITERATIONS})
	 * @param keylen the derived key length in bytes (such as
	 * {@link WampCra#DEFAULT_KEY_LENGTH})
	 * @return the new user
	 */
	public User withSaltedPassword(String password, String salt, int iterations, int keylen) {
		return new User(this.authid, this.role, WampCra.deriveKey(password, salt, iterations, keylen), salt, iterations,
				keylen, this.publicKeys, this.scram);
	}

	/**
	 * A copy with cryptosign public keys.
	 * @param keys Ed25519 public keys, 64 hex characters each
	 * @return the new user
	 */
	public User withPublicKeys(String... keys) {
		return new User(this.authid, this.role, this.secret, this.salt, this.iterations, this.keylen, List.of(keys),
				this.scram);
	}

	/**
	 * A copy with a WAMP-SCRAM credential; its variant decides the method name
	 * ({@code wamp-scram} or {@code scram}).
	 * @param credential the credential, such as
	 * {@link ScramCredential#derive(ScramVariant, ScramKdf, String, byte[], int, int)}
	 * @return the new user
	 */
	public User withScram(ScramCredential credential) {
		return new User(this.authid, this.role, this.secret, this.salt, this.iterations, this.keylen, this.publicKeys,
				credential);
	}

	/**
	 * A copy with a SCRAM credential derived here from a password with PBKDF2 (4096
	 * iterations) and a random salt; the router keeps only the derived keys.
	 * @param variant {@link ScramVariant#SPEC} for {@code wamp-scram},
	 * {@link ScramVariant#AUTOBAHN} for Crossbar.io's and Autobahn's {@code scram}
	 * @param password the password
	 * @return the new user
	 */
	public User withScramPassword(ScramVariant variant, String password) {
		return withScram(ScramCredential.derive(variant, ScramKdf.PBKDF2, password, Scram.newSalt(), 4096, 0));
	}

	@Override
	public String toString() {
		// Never print the secret.
		return "User[authid=" + this.authid + ", role=" + this.role + "]";
	}

}
