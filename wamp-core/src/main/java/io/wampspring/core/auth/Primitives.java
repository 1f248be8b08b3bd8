package io.wampspring.core.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The primitives the methods share: HMAC-SHA256, SHA-256, PBKDF2-HMAC-SHA256, XOR,
 * constant time comparison and a shared {@link SecureRandom}.
 */
final class Primitives {

	/** Shared: SecureRandom is thread-safe, and seeding one per call is slow. */
	static final SecureRandom RANDOM = io.wampspring.core.id.SecureRandoms.shared();

	private Primitives() {
	}

	static byte[] hmacSha256(byte[] key, byte[] data) {
		HMac mac = new HMac(new SHA256Digest());
		mac.init(new KeyParameter(key));
		mac.update(data, 0, data.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	static byte[] sha256(byte[] data) {
		SHA256Digest digest = new SHA256Digest();
		digest.update(data, 0, data.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	/**
	 * PBKDF2 with HMAC-SHA256 over raw bytes (the JDK's factory only takes char[]
	 * passwords).
	 */
	static byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations, int keyLengthBytes) {
		if (iterations < 1) {
			throw new IllegalArgumentException("PBKDF2 iterations must be at least 1, got " + iterations);
		}
		if (keyLengthBytes < 1) {
			throw new IllegalArgumentException("PBKDF2 key length must be at least 1 byte, got " + keyLengthBytes);
		}
		PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
		generator.init(password, salt, iterations);
		return ((KeyParameter) generator.generateDerivedParameters(keyLengthBytes * 8)).getKey();
	}

	static byte[] xor(String what, byte[] a, byte[] b) {
		if (a.length != b.length) {
			throw new IllegalArgumentException(
					"Invalid " + what + ": expected " + a.length + " bytes, got " + b.length + " bytes");
		}
		byte[] out = new byte[a.length];
		for (int i = 0; i < a.length; i++) {
			out[i] = (byte) (a[i] ^ b[i]);
		}
		return out;
	}

	/**
	 * Constant time for equal lengths (MessageDigest.isEqual does not stop at the first
	 * difference).
	 */
	static boolean constantTimeEquals(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
