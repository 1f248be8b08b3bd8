package io.wampspring.core.auth;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jspecify.annotations.Nullable;

/**
 * WAMP-Cryptosign (authmethod {@code "cryptosign"}) without the private key: challenges,
 * channel binding and signature verification. The router uses {@link #newChallenge()} and
 * {@link #verify(String, String, byte[], String)}; a client that asked for router
 * authentication verifies {@code CHALLENGE.Extra.signature} the same way. Signing lives
 * in {@link CryptosignKey}.
 * <p>
 * The challenge is 32 random bytes in hex. Without channel binding the message signed is
 * the challenge; with channel binding it is the challenge XORed bytewise with the 32-byte
 * TLS channel id. The AUTHENTICATE signature is the hex of the 64-byte Ed25519 signature
 * followed by that 32-byte message.
 *
 * @see <a href=
 * "https://wamp-proto.org/wamp_latest_ietf.html#name-cryptosign-based-authentica">WAMP
 * spec, Cryptosign-based Authentication</a>
 */
public final class Cryptosign {

	/** The authmethod name announced in HELLO and CHALLENGE. */
	public static final String AUTHMETHOD = "cryptosign";

	/** The {@code channel_binding} value for RFC 5929 {@code tls-unique}. */
	public static final String CHANNEL_BINDING_TLS_UNIQUE = "tls-unique";

	/** Length in bytes of a challenge and of a channel id. */
	public static final int CHALLENGE_LENGTH = 32;

	private Cryptosign() {
	}

	/**
	 * A fresh random challenge.
	 * @return 32 random bytes in hex, for {@code CHALLENGE.Extra.challenge} (router) or
	 * {@code HELLO.Details.authextra.challenge} (client asking for router authentication)
	 */
	public static String newChallenge() {
		return Hex.encode(Primitives.randomBytes(CHALLENGE_LENGTH));
	}

	/**
	 * The 32-byte channel id for {@code tls-unique} channel binding, as Autobahn and
	 * Crossbar.io compute it: SHA-256 of the RFC 5929 {@code tls-unique} binding data
	 * (the first TLS Finished message of the connection, 12 bytes in TLS 1.2). Both sides
	 * must use the same Finished message: the one the client sent. {@code tls-unique} is
	 * not defined for TLS 1.3.
	 * @param tlsUnique the {@code tls-unique} channel binding data
	 * @return the channel id to XOR with the challenge
	 */
	public static byte[] tlsUniqueChannelId(byte[] tlsUnique) {
		return Primitives.sha256(tlsUnique);
	}

	/**
	 * The 32-byte message that is signed: the challenge, XORed with the channel id when
	 * channel binding is active.
	 * @param challengeHex the challenge in hex
	 * @param channelId the 32-byte channel id, or {@code null} without channel binding
	 * @return the message
	 * @throws IllegalArgumentException if the challenge is not 32 bytes of hex or the
	 * channel id is not 32 bytes
	 */
	public static byte[] signedMessage(String challengeHex, byte @Nullable [] channelId) {
		byte[] challenge = Hex.decode("cryptosign challenge", challengeHex, CHALLENGE_LENGTH);
		if (channelId == null) {
			return challenge;
		}
		return Primitives.xor("TLS channel id for channel binding", challenge, channelId);
	}

	/**
	 * Check a cryptosign signature: it must carry the expected message (the challenge,
	 * XORed with the channel id when bound) and a valid Ed25519 signature of it by the
	 * public key. The 96-byte form of the specification is expected; the bare 64-byte
	 * signature is also accepted, since the message is known.
	 * @param publicKeyHex the signer's public key in hex (32 bytes)
	 * @param challengeHex the challenge that was sent, in hex (32 bytes)
	 * @param channelId the 32-byte channel id when channel binding is active, else
	 * {@code null}
	 * @param signatureHex the signature received, in hex
	 * @return whether the signature is valid
	 * @throws IllegalArgumentException if an argument is malformed (bad hex, wrong
	 * length, public key not on the curve); the message names which one
	 */
	public static boolean verify(String publicKeyHex, String challengeHex, byte @Nullable [] channelId,
			String signatureHex) {
		Ed25519PublicKeyParameters publicKey = publicKey(publicKeyHex);
		byte[] message = signedMessage(challengeHex, channelId);
		byte[] signature = Hex.decode("cryptosign signature", signatureHex);
		if (signature.length != CryptosignKey.SIGNATURE_LENGTH
				&& signature.length != CryptosignKey.SIGNATURE_LENGTH + CHALLENGE_LENGTH) {
			throw new IllegalArgumentException("Invalid cryptosign signature: expected 96 bytes (signature + message)"
					+ " or 64 bytes, got " + signature.length + " bytes");
		}
		boolean messageMatches = true;
		if (signature.length > CryptosignKey.SIGNATURE_LENGTH) {
			byte[] carried = new byte[CHALLENGE_LENGTH];
			System.arraycopy(signature, CryptosignKey.SIGNATURE_LENGTH, carried, 0, CHALLENGE_LENGTH);
			messageMatches = Primitives.constantTimeEquals(carried, message);
		}
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, publicKey);
		verifier.update(message, 0, message.length);
		byte[] bare = new byte[CryptosignKey.SIGNATURE_LENGTH];
		System.arraycopy(signature, 0, bare, 0, bare.length);
		boolean valid = verifier.verifySignature(bare);
		return messageMatches & valid;
	}

	/**
	 * Check that text is a usable Ed25519 public key, as a router does for configured
	 * keys.
	 * @param publicKeyHex the public key in hex
	 * @return the public key in lower-case hex
	 * @throws IllegalArgumentException if it is not 32 bytes of hex or not a point on the
	 * curve
	 */
	public static String checkPublicKey(String publicKeyHex) {
		return Hex.encode(publicKey(publicKeyHex).getEncoded());
	}

	private static Ed25519PublicKeyParameters publicKey(String publicKeyHex) {
		byte[] bytes = Hex.decode("cryptosign public key", publicKeyHex.strip(), CryptosignKey.PUBLIC_KEY_LENGTH);
		try {
			return new Ed25519PublicKeyParameters(bytes, 0);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Invalid cryptosign public key " + publicKeyHex.strip() + ": not a valid Ed25519 point");
		}
	}

}
