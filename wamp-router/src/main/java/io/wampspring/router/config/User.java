package io.wampspring.router.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A static user of a realm, with the credentials of the methods it may use: a secret for
 * {@code ticket} and {@code wampcra} (for salted WAMP-CRA the secret is the derived key, with
 * the salt, iterations and key length the client needs to derive it), and Ed25519 public
 * keys (hex) for {@code cryptosign}.
 *
 * @param authid the user's authid
 * @param role the role the user gets
 * @param secret the ticket or WAMP-CRA secret, or null
 * @param salt the WAMP-CRA salt, or null for an unsalted secret
 * @param iterations the WAMP-CRA PBKDF2 iterations (when salted)
 * @param keylen the WAMP-CRA derived key length in bytes (when salted)
 * @param publicKeys the cryptosign public keys, as 64 hex characters each
 * @param scram the WAMP-SCRAM credential, or null
 */
public record User(String authid, String role, @Nullable String secret, @Nullable String salt, int iterations,
		int keylen, List<String> publicKeys, @Nullable ScramCredential scram) {

	/**
	 * Check and copy.
	 */
	public User {
		Objects.requireNonNull(authid, "authid");
		Objects.requireNonNull(role, "role");
		publicKeys = publicKeys.stream().map((key) -> key.toLowerCase(Locale.ROOT)).toList();
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
	 * A copy with cryptosign public keys.
	 * @param keys Ed25519 public keys, 64 hex characters each
	 * @return the new user
	 */
	public User withPublicKeys(String... keys) {
		return new User(this.authid, this.role, this.secret, this.salt, this.iterations, this.keylen, List.of(keys),
				this.scram);
	}

	/**
	 * A copy with a WAMP-SCRAM credential.
	 * @param credential the credential, such as {@link ScramCredential#pbkdf2(String, int)}
	 * @return the new user
	 */
	public User withScram(ScramCredential credential) {
		return new User(this.authid, this.role, this.secret, this.salt, this.iterations, this.keylen, this.publicKeys,
				credential);
	}

	@Override
	public String toString() {
		// Never print the secret.
		return "User[authid=" + this.authid + ", role=" + this.role + "]";
	}

}
