package io.wampspring.router.nexus;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * Record ids in the shape Nexus gives them: a random UUID as 22 URL-safe Base64 characters,
 * such as {@code dgvlMoyfS3WkIrP0xACV6g}.
 */
public final class NexusIds {

	private NexusIds() {
	}

	/**
	 * A new random id.
	 * @return 22 URL-safe Base64 characters
	 */
	public static String newUuid() {
		UUID uuid = UUID.randomUUID();
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

}
