package io.wampspring.router.nexus;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One metadata value of an authid.
 *
 * @param key the key
 * @param value the value as it arrived (maps, lists, strings, numbers, booleans, binary),
 * or null
 * @param uuid the entry's id, kept when the value changes (Nexus shows it in
 * {@code my.metadata.list})
 * @param size what the entry counts against the quota: the JSON size of its key and
 * value, in bytes
 */
public record MetadataEntry(String key, @Nullable Object value, String uuid, long size) {

	/**
	 * Check the fields.
	 * @param key the key
	 * @param value the value as it arrived (maps, lists, strings, numbers, booleans,
	 * binary), or null
	 * @param uuid the entry's id, kept when the value changes (Nexus shows it in
	 * {@code my.metadata.list})
	 * @param size what the entry counts against the quota: the JSON size of its key and
	 * value, in bytes
	 */
	public MetadataEntry {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(uuid, "uuid");
	}

}
