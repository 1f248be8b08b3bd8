package io.wampspring.core.concurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Items handed from any number of threads to one consumer that takes them a burst at a
 * time: {@link #add} links an item (through the item itself, so adding allocates nothing)
 * and answers whether the consumer must be started; the consumer then calls {@link #take}
 * and {@link #done} until {@code done} says no item came meanwhile. One task on the
 * consumer's thread thus serves every item that arrived before it ran, where a task per
 * item would wake that thread once per item. Items come out in the order they were added.
 * A burst is unbounded by itself: its producers bound it (the client's pending calls, a
 * connection's writability). Internal to the project; not an API.
 *
 * @param <T> the items
 */
public final class Burst<T extends Burst.Linked<T>> {

	// newest first: a lock-free stack
	private final AtomicReference<@Nullable T> top = new AtomicReference<>();

	private final AtomicInteger pending = new AtomicInteger();

	/**
	 * Add an item.
	 * @param item the item, not in any burst
	 * @return true when the consumer is not running and must be started
	 */
	public boolean add(T item) {
		T current;
		do {
			current = this.top.get();
			item.linkBurst(current);
		}
		while (!this.top.compareAndSet(current, item));
		return this.pending.getAndIncrement() == 0;
	}

	/**
	 * Take the items added so far (for the consumer only).
	 * @return the first of them, in the order they were added, linked through
	 * {@link Linked#nextInBurst()}; null when none
	 */
	public @Nullable T take() {
		T item = this.top.getAndSet(null);
		T ordered = null;
		while (item != null) {
			T next = item.nextInBurst();
			item.linkBurst(ordered);
			ordered = item;
			item = next;
		}
		return ordered;
	}

	/**
	 * The consumer handled what it took.
	 * @param handled the value of the previous {@code done} call, or 1 after the start
	 * @return 0 when the consumer may stop; otherwise more items came: take them and pass
	 * this value to the next {@code done}
	 */
	public int done(int handled) {
		return this.pending.addAndGet(-handled);
	}

	/**
	 * An item that links to the next one of its burst.
	 *
	 * @param <T> the items
	 */
	public interface Linked<T> {

		/**
		 * The next item of the burst.
		 * @return the next item, or null
		 */
		@Nullable T nextInBurst();

		/**
		 * Link the next item.
		 * @param next the next item, or null
		 */
		void linkBurst(@Nullable T next);

	}

}
