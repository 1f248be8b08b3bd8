package io.wampspring.router.nexus;

import java.util.Base64;

import io.wampspring.core.id.SecureRandoms;

/**
 * Record ids in the shape Nexus gives them: a random UUID as 22 URL-safe Base64
 * characters, such as {@code dgvlMoyfS3WkIrP0xACV6g}.
 */
public final class NexusIds {

	private NexusIds() {
	}

	/**
	 * A new random id.
	 * @return 22 URL-safe Base64 characters
	 */
	public static String newUuid() {
		// a version 4 UUID's bits, from the shared DRBG: UUID.randomUUID() reads
		// /dev/urandom
		byte[] bytes = new byte[16];
		SecureRandoms.shared().nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
