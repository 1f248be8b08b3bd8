package io.wampspring.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 private key for WAMP-Cryptosign: the client signs the router's challenge
 * with it, and a router signs a client's challenge with its own key (router
 * authentication). Immutable and thread-safe. {@link #toString()} shows the public key
 * only.
 * <p>
 * Accepted forms: a 32-byte seed in hex (64 digits), a 64-byte seed followed by the
 * public key in hex (128 digits, as libsodium and the Erlang wamp_client store it; the
 * public half must match the seed), or a file holding either hex form or an unencrypted
 * OpenSSH {@code ssh-ed25519} private key.
 */
public final class CryptosignKey {

	/** Length in bytes of an Ed25519 seed (the private key proper). */
	public static final int SEED_LENGTH = 32;

	/** Length in bytes of an Ed25519 public key. */
	public static final int PUBLIC_KEY_LENGTH = 32;

	/** Length in bytes of an Ed25519 signature. */
	public static final int SIGNATURE_LENGTH = 64;

	private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";

	private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";

	private static final String CROSSBAR_PRIVATE = "private-key-ed25519:";

	private static final String CROSSBAR_PUBLIC = "public-key-ed25519:";

	private final Ed25519PrivateKeyParameters privateKey;

	private final Ed25519PublicKeyParameters publicKey;

	private final String publicKeyHex;

	private CryptosignKey(Ed25519PrivateKeyParameters privateKey) {
		this.privateKey = privateKey;
		this.publicKey = privateKey.generatePublicKey();
		this.publicKeyHex = Hex.encode(this.publicKey.getEncoded());
	}

	/**
	 * A key from its 32-byte seed.
	 * @param seed the seed (copied)
	 * @return the key
	 * @throws IllegalArgumentException if the seed is not 32 bytes
	 */
	public static CryptosignKey fromSeed(byte[] seed) {
		if (seed.length != SEED_LENGTH) {
			throw new IllegalArgumentException(
					"Invalid cryptosign private key: expected a 32-byte seed, got " + seed.length + " bytes");
		}
		return new CryptosignKey(new Ed25519PrivateKeyParameters(seed, 0));
	}

	/**
	 * A key from hex text: a 32-byte seed (64 hex digits) or a 64-byte seed plus public
	 * key (128 hex digits). Surrounding whitespace is ignored.
	 * @param hex the hex text
	 * @return the key
	 * @throws IllegalArgumentException if the text is not hex, has another length, or its
	 * public half does not belong to its seed
	 */
	public static CryptosignKey fromHex(String hex) {
		String text = hex.strip();
		if (text.length() != SEED_LENGTH * 2 && text.length() != (SEED_LENGTH + PUBLIC_KEY_LENGTH) * 2) {
			throw new IllegalArgumentException("Invalid cryptosign private key: expected 64 hex digits (32-byte seed)"
					+ " or 128 hex digits (64-byte seed + public key), got " + text.length() + " characters");
		}
		byte[] bytes = Hex.decode("cryptosign private key", text);
		CryptosignKey key = new CryptosignKey(new Ed25519PrivateKeyParameters(bytes, 0));
		if (bytes.length > SEED_LENGTH) {
			byte[] given = new byte[PUBLIC_KEY_LENGTH];
			System.arraycopy(bytes, SEED_LENGTH, given, 0, PUBLIC_KEY_LENGTH);
			if (!Primitives.constantTimeEquals(given, key.publicKey.getEncoded())) {
				throw new IllegalArgumentException("Invalid cryptosign private key: the last 32 bytes (public key "
						+ Hex.encode(given) + ") do not match the public key derived from the seed (" + key.publicKeyHex
						+ "); check that the key was copied whole");
			}
		}
		return key;
	}

	/**
	 * A key read from a file holding either hex form (see {@link #fromHex(String)}), an
	 * unencrypted OpenSSH Ed25519 private key ({@code ssh-keygen -t ed25519 -N ""}), or a
	 * Crossbar.io {@code key.priv} file (the public key line, when present, must match).
	 * @param file the file
	 * @return the key
	 * @throws IOException if the file cannot be read
	 * @throws IllegalArgumentException if the content is not a valid key; the message
	 * names the file but never its content
	 */
	public static CryptosignKey fromFile(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8).strip();
		try {
			if (text.startsWith(OPENSSH_BEGIN)) {
				return fromOpenSsh(text);
			}
			if (text.contains(CROSSBAR_PRIVATE)) {
				return fromCrossbarKeyFile(text);
			}
			return fromHex(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Cannot read cryptosign private key file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Crossbar.io's key.priv: "tag: value" lines, among them the hex seed and public key.
	 */
	private static CryptosignKey fromCrossbarKeyFile(String text) {
		@Nullable String seed = null;
		@Nullable String publicKey = null;
		for (String line : text.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.startsWith(CROSSBAR_PRIVATE)) {
				seed = trimmed.substring(CROSSBAR_PRIVATE.length()).strip();
			}
			else if (trimmed.startsWith(CROSSBAR_PUBLIC)) {
				publicKey = trimmed.substring(CROSSBAR_PUBLIC.length()).strip();
			}
		}
		if (seed == null || seed.length() != SEED_LENGTH * 2) {
			throw new IllegalArgumentException("the '" + CROSSBAR_PRIVATE + "' line must hold a 32-byte seed in hex");
		}
		return fromHex((publicKey != null) ? seed + publicKey : seed);
	}

	private static CryptosignKey fromOpenSsh(String text) {
		int end = text.indexOf(OPENSSH_END);
		if (end < 0) {
			throw new IllegalArgumentException("OpenSSH private key has no '" + OPENSSH_END + "' line");
		}
		String body = text.substring(OPENSSH_BEGIN.length(), end).replaceAll("\\s+", "");
		AsymmetricKeyParameter parsed;
		try {
			parsed = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(Base64.getDecoder().decode(body));
		}
		catch (RuntimeException ex) {
			// Bouncy Castle's message may describe the content; keep only what we know is
			// safe.
			throw new IllegalArgumentException("not a readable OpenSSH private key"
					+ " (only unencrypted keys are supported: ssh-keygen -t ed25519 -N \"\")");
		}
		if (!(parsed instanceof Ed25519PrivateKeyParameters ed25519)) {
			throw new IllegalArgumentException("OpenSSH private key is not an Ed25519 key ("
					+ parsed.getClass().getSimpleName() + "); generate one with ssh-keygen -t ed25519");
		}
		return new CryptosignKey(ed25519);
	}

	/**
	 * A new random key.
	 * @return the key
	 */
	public static CryptosignKey generate() {
		return new CryptosignKey(new Ed25519PrivateKeyParameters(Primitives.RANDOM));
	}

	/**
	 * The public key, for {@code HELLO.Details.authextra.pubkey} and router
	 * configuration.
	 * @return 32 bytes as 64 lower-case hex digits
	 */
	public String publicKeyHex() {
		return this.publicKeyHex;
	}

	/**
	 * The public key bytes.
	 * @return a copy of the 32-byte public key
	 */
	public byte[] publicKey() {
		return this.publicKey.getEncoded();
	}

	/**
	 * Sign a message with Ed25519.
	 * @param message the message
	 * @return the 64-byte signature
	 */
	public byte[] sign(byte[] message) {
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.privateKey);
		signer.update(message, 0, message.length);
		return signer.generateSignature();
	}

	/**
	 * Answer a cryptosign challenge as the specification says: sign the 32-byte
	 * challenge, XORed with the channel id when channel binding is active, and return the
	 * hex of the signature followed by the signed message (96 bytes). A client uses it
	 * for {@code CHALLENGE.Extra.challenge}; a router for
	 * {@code HELLO.Details.authextra.challenge} (router authentication).
	 * @param challengeHex the challenge, 32 bytes in hex
	 * @param channelId the TLS channel id (32 bytes, see
	 * {@link Cryptosign#tlsUniqueChannelId}), or {@code null} without channel binding
	 * @return the signature for AUTHENTICATE (or {@code CHALLENGE.Extra.signature}): 192
	 * hex digits
	 * @throws IllegalArgumentException if the challenge is not 32 bytes of hex or the
	 * channel id is not 32 bytes
	 */
	public String signChallenge(String challengeHex, byte @Nullable [] channelId) {
		byte[] message = Cryptosign.signedMessage(challengeHex, channelId);
		byte[] signature = sign(message);
		byte[] out = new byte[SIGNATURE_LENGTH + message.length];
		System.arraycopy(signature, 0, out, 0, SIGNATURE_LENGTH);
		System.arraycopy(message, 0, out, SIGNATURE_LENGTH, message.length);
		return Hex.encode(out);
	}

	/**
	 * Shows the public key only.
	 * @return a description without secret material
	 */
	@Override
	public String toString() {
		return "CryptosignKey[publicKey=" + this.publicKeyHex + "]";
	}

}
