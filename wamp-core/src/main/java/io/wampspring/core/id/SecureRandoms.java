package io.wampspring.core.id;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * One shared {@link SecureRandom} that never reads the operating system's entropy source
 * after it was created: a DRBG seeded once, when this class loads. The default
 * {@code NativePRNG} reads {@code /dev/urandom} on every call, which is a blocking file
 * read on an event loop (BlockHound reports it); nonces, salts, one-time passwords and
 * API keys are made on event loops.
 */
public final class SecureRandoms {

	private static final SecureRandom SHARED = create();

	private SecureRandoms() {
	}

	private static SecureRandom create() {
		SecureRandom random;
		try {
			random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			random = new SecureRandom();
		}
		// seed now, on the thread that loads the class, not on the first event loop that
		// asks
		random.nextBytes(new byte[16]);
		return random;
	}

	/**
	 * The shared instance (thread safe).
	 * @return the random
	 */
	public static SecureRandom shared() {
		return SHARED;
	}

}
