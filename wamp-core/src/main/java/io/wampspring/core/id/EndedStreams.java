package io.wampspring.core.id;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request ids of progressive call invocations that ended before their final chunk arrived
 * (an error, a cancel, a result that did not wait for every chunk). Chunks already on
 * their way for such a request carry the same id as a new call would, so a peer remembers
 * the id to drop them until the final chunk comes, instead of starting a new call.
 * Bounded: the oldest id is forgotten first. Thread safe.
 */
public final class EndedStreams {

	private final Map<Long, Boolean> ids;

	// read without the lock: every new call asks, almost always of an empty set
	private volatile int size;

	/**
	 * Remember up to the given number of ended streams.
	 * @param capacity how many ids to remember, at least 1
	 */
	public EndedStreams(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
		}
		this.ids = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Remember a stream that ended before its final chunk.
	 * @param requestId its request id
	 */
	public synchronized void ended(long requestId) {
		this.ids.put(requestId, Boolean.TRUE);
		this.size = this.ids.size();
	}

	/**
	 * Whether a chunk belongs to an ended stream and is to be dropped; the final chunk
	 * makes the id usable again.
	 * @param requestId the chunk's request id
	 * @param progress whether more chunks follow it
	 * @return true to drop the chunk
	 */
	public boolean drop(long requestId, boolean progress) {
		if (this.size == 0) {
			return false;
		}
		synchronized (this) {
			boolean known = progress ? this.ids.containsKey(requestId) : this.ids.remove(requestId) != null;
			this.size = this.ids.size();
			return known;
		}
	}

}
