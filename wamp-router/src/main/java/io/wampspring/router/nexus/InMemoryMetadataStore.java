package io.wampspring.router.nexus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The default {@link MetadataStore}: values in the router's heap, lost when it stops.
 * Each authid's quota is enforced atomically, and all authids together may hold at most a
 * router-wide number of bytes, so that many authids (for example a crowd of anonymous
 * sessions) cannot exhaust the heap either.
 */
public final class InMemoryMetadataStore implements MetadataStore {

	/** The default router-wide budget: 64 MiB. */
	public static final long DEFAULT_MAX_TOTAL_BYTES = 64L * 1024 * 1024;

	private record Owner(String realm, String authid) {
	}

	/** One authid's entries; changed only inside {@link ConcurrentHashMap#compute}. */
	private static final class Entries {

		final Map<String, MetadataEntry> byKey = new LinkedHashMap<>();

		long bytes;

	}

	private final ConcurrentHashMap<Owner, Entries> owners = new ConcurrentHashMap<>();

	private final AtomicLong totalBytes = new AtomicLong();

	private final long maxTotalBytes;

	/**
	 * A store with the default budget ({@link #DEFAULT_MAX_TOTAL_BYTES}).
	 */
	public InMemoryMetadataStore() {
		this(DEFAULT_MAX_TOTAL_BYTES);
	}

	/**
	 * A store with a router-wide budget.
	 * @param maxTotalBytes the most bytes all authids together may hold
	 */
	public InMemoryMetadataStore(long maxTotalBytes) {
		if (maxTotalBytes < 1) {
			throw new IllegalArgumentException("the metadata budget must be at least 1 byte, got " + maxTotalBytes);
		}
		this.maxTotalBytes = maxTotalBytes;
	}

	@Override
	public Mono<MetadataEntry> get(String realm, String authid, String key) {
		return Mono.fromSupplier(() -> {
			Entries entries = this.owners.get(new Owner(realm, authid));
			if (entries == null) {
				return null;
			}
			synchronized (entries) {
				return entries.byKey.get(key);
			}
		});
	}

	@Override
	public Mono<List<MetadataEntry>> list(String realm, String authid) {
		return Mono.fromSupplier(() -> {
			Entries entries = this.owners.get(new Owner(realm, authid));
			if (entries == null) {
				return List.of();
			}
			synchronized (entries) {
				return List.copyOf(entries.byKey.values());
			}
		});
	}

	@Override
	public Mono<MetadataEntry> put(String realm, String authid, String key, @Nullable Object value, long size,
			MetadataQuota quota) {
		return Mono.fromSupplier(() -> {
			MetadataEntry[] stored = new MetadataEntry[1];
			this.owners.compute(new Owner(realm, authid), (owner, existing) -> {
				Entries entries = (existing != null) ? existing : new Entries();
				synchronized (entries) {
					stored[0] = put(entries, authid, key, value, size, quota);
				}
				return entries;
			});
			return stored[0];
		});
	}

	private MetadataEntry put(Entries entries, String authid, String key, @Nullable Object value, long size,
			MetadataQuota quota) {
		MetadataEntry previous = entries.byKey.get(key);
		if (previous == null && entries.byKey.size() >= quota.maxEntries()) {
			throw new MetadataQuotaExceededException("authid '" + authid + "' already holds " + entries.byKey.size()
					+ " metadata entries, the most allowed; delete one first");
		}
		long delta = size - ((previous != null) ? previous.size() : 0);
		if (entries.bytes + delta > quota.maxBytes()) {
			throw new MetadataQuotaExceededException("authid '" + authid + "' would hold " + (entries.bytes + delta)
					+ " bytes of metadata, more than the " + quota.maxBytes() + " allowed");
		}
		if (delta > 0 && this.totalBytes.addAndGet(delta) > this.maxTotalBytes) {
			this.totalBytes.addAndGet(-delta);
			throw new MetadataQuotaExceededException(
					"the router's metadata budget of " + this.maxTotalBytes + " bytes is used up; try again later");
		}
		if (delta < 0) {
			this.totalBytes.addAndGet(delta);
		}
		MetadataEntry entry = new MetadataEntry(key, value, (previous != null) ? previous.uuid() : NexusIds.newUuid(),
				size);
		entries.byKey.put(key, entry);
		entries.bytes += delta;
		return entry;
	}

	@Override
	public Mono<Boolean> delete(String realm, String authid, String key) {
		return Mono.fromSupplier(() -> {
			boolean[] deleted = new boolean[1];
			this.owners.computeIfPresent(new Owner(realm, authid), (owner, entries) -> {
				synchronized (entries) {
					MetadataEntry removed = entries.byKey.remove(key);
					if (removed != null) {
						deleted[0] = true;
						entries.bytes -= removed.size();
						this.totalBytes.addAndGet(-removed.size());
					}
					return entries.byKey.isEmpty() ? null : entries;
				}
			});
			return deleted[0];
		});
	}

	@Override
	public Mono<Void> deleteAll(String realm, String authid) {
		return Mono.fromRunnable(() -> {
			Entries removed = this.owners.remove(new Owner(realm, authid));
			if (removed != null) {
				synchronized (removed) {
					this.totalBytes.addAndGet(-removed.bytes);
				}
			}
		});
	}

	/**
	 * The bytes all authids hold now.
	 * @return the sum of the entries' sizes
	 */
	public long totalBytes() {
		return this.totalBytes.get();
	}

	/**
	 * The number of authids that hold metadata now.
	 * @return the count
	 */
	public int owners() {
		return this.owners.size();
	}

}
