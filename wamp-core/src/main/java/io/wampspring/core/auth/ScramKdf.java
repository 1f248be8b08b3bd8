package io.wampspring.core.auth;

import java.util.Locale;

/**
 * The key derivation functions of WAMP-SCRAM, named in {@code CHALLENGE.Details.kdf}.
 */
public enum ScramKdf {

	/**
	 * Argon2id version 1.3 with parallelism 1 and a 32-byte output; {@code iterations} is
	 * the time cost and {@code memory} the memory cost in KiB.
	 */
	ARGON2ID13("argon2id13"),

	/** PBKDF2 with HMAC-SHA256 and a 32-byte output; {@code memory} is not used. */
	PBKDF2("pbkdf2");

	private final String wireName;

	ScramKdf(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name the WAMP specification uses.
	 * @return {@code "argon2id13"} or {@code "pbkdf2"}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Look up a KDF by its wire name, case-insensitively; {@code "argon2id-13"} (the name
	 * Crossbar.io and Autobahn use) is accepted too.
	 * @param name the name from {@code CHALLENGE.Details.kdf} or a user record
	 * @return the KDF
	 * @throws IllegalArgumentException if the name is not a supported KDF
	 */
	public static ScramKdf fromWire(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("argon2id13") || lower.equals("argon2id-13")) {
			return ARGON2ID13;
		}
		if (lower.equals("pbkdf2")) {
			return PBKDF2;
		}
		throw new IllegalArgumentException(
				"Unsupported WAMP-SCRAM kdf '" + name + "': expected 'argon2id13' (or 'argon2id-13') or 'pbkdf2'");
	}

}
