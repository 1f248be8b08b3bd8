package io.wampspring.router.realm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.wampspring.core.uri.MatchPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Registrations or subscriptions indexed for matching: a hash map for exact URIs, and
 * arrays for prefix (longest first) and wildcard patterns (most fixed components first).
 * Reads are lock free; writes happen under the owner's lock and publish new arrays. The
 * dealer and the broker each keep one. Internal to the embedded router; not an API.
 *
 * @param <T> the entry type
 */
public final class UriIndex<T extends UriIndex.Entry> {

	/**
	 * What the index holds: an id for a URI under a match policy (a registration, a
	 * subscription). Internal to the embedded router; not an API.
	 */
	public abstract static class Entry {

		private final long id;

		private final String uri;

		private final MatchPolicy match;

		private final Instant created = Instant.now();

		/**
		 * An entry created now.
		 * @param id its id
		 * @param uri its URI or pattern
		 * @param match its match policy
		 */
		protected Entry(long id, String uri, MatchPolicy match) {
			this.id = id;
			this.uri = uri;
			this.match = match;
		}

		/**
		 * The id.
		 * @return the registration or subscription id
		 */
		public final long id() {
			return this.id;
		}

		/**
		 * The URI.
		 * @return the URI or pattern
		 */
		public final String uri() {
			return this.uri;
		}

		/**
		 * The match policy.
		 * @return the policy
		 */
		public final MatchPolicy match() {
			return this.match;
		}

		/**
		 * When the entry was created.
		 * @return the instant
		 */
		public final Instant created() {
			return this.created;
		}

	}

	private final ConcurrentHashMap<String, T> exact = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, T> prefixByUri = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, T> wildcardByUri = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, T> byId = new ConcurrentHashMap<>();

	private volatile Entry[] prefixes = new Entry[0];

	private volatile Entry[] wildcards = new Entry[0];

	/**
	 * The entry of a URI under a match policy.
	 * @param uri the URI or pattern
	 * @param match the match policy
	 * @return the entry, or null
	 */
	public @Nullable T get(String uri, MatchPolicy match) {
		return mapFor(match).get(uri);
	}

	/**
	 * The entry of an id.
	 * @param id the id
	 * @return the entry, or null
	 */
	public @Nullable T byId(long id) {
		return this.byId.get(id);
	}

	/**
	 * How many entries the index holds.
	 * @return the count
	 */
	public int size() {
		return this.byId.size();
	}

	/**
	 * Every entry.
	 * @return a snapshot
	 */
	public List<T> all() {
		return new ArrayList<>(this.byId.values());
	}

	/**
	 * Add an entry; the caller holds the owner's lock.
	 * @param entry the entry
	 */
	public void add(T entry) {
		mapFor(entry.match()).put(entry.uri(), entry);
		this.byId.put(entry.id(), entry);
		rebuild(entry.match());
	}

	/**
	 * Remove an entry; the caller holds the owner's lock.
	 * @param entry the entry
	 */
	public void remove(T entry) {
		mapFor(entry.match()).remove(entry.uri(), entry);
		this.byId.remove(entry.id(), entry);
		rebuild(entry.match());
	}

	/**
	 * The entry that wins for a concrete URI: exact, then the longest prefix, then the
	 * wildcard with the most fixed components.
	 * @param uri the concrete URI
	 * @return the entry, or null when none matches
	 */
	@SuppressWarnings("unchecked")
	public @Nullable T best(String uri) {
		T found = this.exact.get(uri);
		if (found != null) {
			return found;
		}
		for (Entry entry : this.prefixes) {
			if (uri.startsWith(entry.uri())) {
				return (T) entry;
			}
		}
		for (Entry entry : this.wildcards) {
			if (MatchPolicy.WILDCARD.matches(entry.uri(), uri)) {
				return (T) entry;
			}
		}
		return null;
	}

	/**
	 * Visit every entry that matches a concrete URI.
	 * @param uri the concrete URI
	 * @param action what to do with each
	 */
	@SuppressWarnings("unchecked")
	public void forEachMatch(String uri, Consumer<T> action) {
		T found = this.exact.get(uri);
		if (found != null) {
			action.accept(found);
		}
		for (Entry entry : this.prefixes) {
			if (uri.startsWith(entry.uri())) {
				action.accept((T) entry);
			}
		}
		for (Entry entry : this.wildcards) {
			if (MatchPolicy.WILDCARD.matches(entry.uri(), uri)) {
				action.accept((T) entry);
			}
		}
	}

	private ConcurrentHashMap<String, T> mapFor(MatchPolicy match) {
		return switch (match) {
			case EXACT -> this.exact;
			case PREFIX -> this.prefixByUri;
			case WILDCARD -> this.wildcardByUri;
		};
	}

	private void rebuild(MatchPolicy match) {
		if (match == MatchPolicy.PREFIX) {
			Entry[] array = this.prefixByUri.values().toArray(new Entry[0]);
			Arrays.sort(array,
					Comparator.comparingInt((Entry e) -> e.uri().length()).reversed().thenComparingLong(Entry::id));
			this.prefixes = array;
		}
		else if (match == MatchPolicy.WILDCARD) {
			Entry[] array = this.wildcardByUri.values().toArray(new Entry[0]);
			Arrays.sort(array,
					Comparator.comparingInt((Entry e) -> fixedComponents(e.uri()))
						.reversed()
						.thenComparingLong(Entry::id));
			this.wildcards = array;
		}
	}

	private static int fixedComponents(String pattern) {
		int count = 0;
		for (String part : pattern.split("\\.", -1)) {
			if (!part.isEmpty()) {
				count++;
			}
		}
		return count;
	}

}
