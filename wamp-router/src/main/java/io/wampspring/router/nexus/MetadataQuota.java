package io.wampspring.router.nexus;

/**
 * What one authid may hold in a {@link MetadataStore}.
 *
 * @param maxEntries the most keys
 * @param maxBytes the most bytes, summing each entry's {@link MetadataEntry#size()}
 */
public record MetadataQuota(int maxEntries, long maxBytes) {

	/**
	 * Check the values.
	 * @param maxEntries the most keys
	 * @param maxBytes the most bytes, summing each entry's {@link MetadataEntry#size()}
	 */
	public MetadataQuota {
		if (maxEntries < 1 || maxBytes < 1) {
			throw new IllegalArgumentException("a metadata quota must allow at least one entry and one byte");
		}
	}

}
