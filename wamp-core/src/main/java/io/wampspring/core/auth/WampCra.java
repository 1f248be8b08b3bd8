package io.wampspring.core.auth;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * WAMP-CRA (challenge-response authentication, authmethod {@code "wampcra"}): the
 * signature is the Base64 encoding of HMAC-SHA256 keyed with the UTF-8 bytes of the
 * secret over the UTF-8 bytes of the challenge string. When the router's CHALLENGE
 * carries {@code salt}, {@code iterations} and {@code keylen}, the key is first derived
 * with PBKDF2-HMAC-SHA256 and the derived key, as its Base64 text, takes the place of the
 * secret (as Autobahn and Crossbar.io do).
 * <p>
 * The client uses {@link #signature(String, String, String, int, int)}; the router uses
 * {@link #newChallenge(String, String, String, long)} and
 * {@link #verify(String, String, String)}.
 *
 * @see <a href=
 * "https://wamp-proto.org/wamp_latest_ietf.html#name-challenge-response-authent">WAMP
 * spec, Challenge Response Authentication</a>
 */
public final class WampCra {

	/** The authmethod name announced in HELLO and CHALLENGE. */
	public static final String AUTHMETHOD = "wampcra";

	/**
	 * PBKDF2 iterations Autobahn uses when a salted secret is created without a count.
	 */
	public static final int DEFAULT_ITERATIONS = 1000;

	/**
	 * PBKDF2 key length, in bytes, Autobahn uses when a salted secret is created without
	 * one.
	 */
	public static final int DEFAULT_KEY_LENGTH = 32;

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private WampCra() {
	}

	/**
	 * Sign a challenge with a key given as text (the plain secret, or a derived key as
	 * returned by {@link #deriveKey}).
	 * @param key the key; its UTF-8 bytes key the HMAC
	 * @param challenge the {@code CHALLENGE.Details.challenge} string, signed as UTF-8
	 * @return the Base64 (with padding) HMAC-SHA256, for the AUTHENTICATE signature
	 */
	public static String sign(String key, String challenge) {
		return sign(key.getBytes(StandardCharsets.UTF_8), challenge);
	}

	/**
	 * Sign a challenge with a raw key.
	 * @param key the HMAC key bytes
	 * @param challenge the {@code CHALLENGE.Details.challenge} string, signed as UTF-8
	 * @return the Base64 (with padding) HMAC-SHA256, for the AUTHENTICATE signature
	 */
	public static String sign(byte[] key, String challenge) {
		byte[] mac = Primitives.hmacSha256(key, challenge.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(mac);
	}

	/**
	 * Derive a salted key from a secret with PBKDF2-HMAC-SHA256, as Autobahn's
	 * {@code derive_key} does: secret and salt are used as UTF-8 bytes.
	 * @param secret the secret (password)
	 * @param salt the salt, as sent in {@code CHALLENGE.Details.salt}
	 * @param iterations the PBKDF2 iteration count ({@code CHALLENGE.Details.iterations})
	 * @param keyLength the derived key length in bytes ({@code CHALLENGE.Details.keylen})
	 * @return the derived key as Base64 text; its UTF-8 bytes are the HMAC key for
	 * {@link #sign(String, String)}
	 * @throws IllegalArgumentException if iterations or key length is below 1
	 */
	public static String deriveKey(String secret, String salt, int iterations, int keyLength) {
		byte[] key = Primitives.pbkdf2Sha256(secret.getBytes(StandardCharsets.UTF_8),
				salt.getBytes(StandardCharsets.UTF_8), iterations, keyLength);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The client side in one call: derive the key first when the challenge is salted,
	 * then sign.
	 * @param secret the shared secret
	 * @param challenge the {@code CHALLENGE.Details.challenge} string
	 * @param salt {@code CHALLENGE.Details.salt}, or {@code null} when the secret is not
	 * salted
	 * @param iterations {@code CHALLENGE.Details.iterations} (ignored without salt; use
	 * {@link #DEFAULT_ITERATIONS} when a salted challenge omits it)
	 * @param keyLength {@code CHALLENGE.Details.keylen} (ignored without salt; use
	 * {@link #DEFAULT_KEY_LENGTH} when a salted challenge omits it)
	 * @return the AUTHENTICATE signature
	 */
	public static String signature(String secret, String challenge, @Nullable String salt, int iterations,
			int keyLength) {
		String key = (salt != null) ? deriveKey(secret, salt, iterations, keyLength) : secret;
		return sign(key, challenge);
	}

	/**
	 * Router side: check an AUTHENTICATE signature in constant time.
	 * @param key the secret, or the derived key for salted secrets
	 * @param challenge the challenge string sent in CHALLENGE
	 * @param signature the signature received in AUTHENTICATE
	 * @return whether the signature is the expected one
	 */
	public static boolean verify(String key, String challenge, String signature) {
		return verify(key.getBytes(StandardCharsets.UTF_8), challenge, signature);
	}

	/**
	 * Router side: check an AUTHENTICATE signature in constant time.
	 * @param key the raw HMAC key bytes
	 * @param challenge the challenge string sent in CHALLENGE
	 * @param signature the signature received in AUTHENTICATE
	 * @return whether the signature is the expected one
	 */
	public static boolean verify(byte[] key, String challenge, String signature) {
		byte[] expected = sign(key, challenge).getBytes(StandardCharsets.US_ASCII);
		return Primitives.constantTimeEquals(expected, signature.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Router side: a fresh challenge for an authenticating session, with a random nonce
	 * and the current time.
	 * @param authid the authentication id the session will get
	 * @param authrole the role the session will get
	 * @param authprovider the authentication provider (for example {@code "static"})
	 * @param session the session id the session will get
	 * @return the JSON text for {@code CHALLENGE.Details.challenge}
	 */
	public static String newChallenge(String authid, String authrole, String authprovider, long session) {
		return challenge(authid, authrole, authprovider, session, newNonce(), Instant.now());
	}

	/**
	 * Router side: the challenge JSON object with the members the specification requires:
	 * {@code authid}, {@code authrole}, {@code authmethod} ({@value #AUTHMETHOD}),
	 * {@code authprovider}, {@code nonce}, {@code timestamp} (UTC, ISO 8601 with
	 * milliseconds) and {@code session}.
	 * @param authid the authentication id the session will get
	 * @param authrole the role the session will get
	 * @param authprovider the authentication provider
	 * @param session the session id the session will get
	 * @param nonce a random value
	 * @param timestamp when the authentication started
	 * @return the JSON text for {@code CHALLENGE.Details.challenge}
	 */
	public static String challenge(String authid, String authrole, String authprovider, long session, String nonce,
			Instant timestamp) {
		StringWriter out = new StringWriter(256);
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeStringProperty("authid", authid);
			json.writeStringProperty("authrole", authrole);
			json.writeStringProperty("authmethod", AUTHMETHOD);
			json.writeStringProperty("authprovider", authprovider);
			json.writeStringProperty("nonce", nonce);
			json.writeStringProperty("timestamp", TIMESTAMP.format(timestamp));
			json.writeNumberProperty("session", session);
			json.writeEndObject();
		}
		return out.toString();
	}

	/**
	 * A random challenge nonce: 32 random bytes, Base64.
	 * @return the nonce
	 */
	public static String newNonce() {
		return Base64.getEncoder().encodeToString(Primitives.randomBytes(32));
	}

}
