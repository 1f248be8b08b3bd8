package io.wampspring.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link Burst} hands every item over exactly once, in the order each producer added
 * them, and starts its consumer once per burst.
 */
@Timeout(30)
class BurstTests {

	@Test
	void itemsComeOutInTheOrderTheyWereAdded() {
		Burst<Item> burst = new Burst<>();
		assertThat(burst.add(new Item(0, 1))).isTrue();
		assertThat(burst.add(new Item(0, 2))).isFalse();
		assertThat(burst.add(new Item(0, 3))).isFalse();

		List<Long> taken = new ArrayList<>();
		for (Item item = burst.take(); item != null; item = item.nextInBurst()) {
			taken.add(item.seq);
		}
		assertThat(taken).containsExactly(1L, 2L, 3L);
		assertThat(burst.done(3)).isZero();
		assertThat(burst.take()).isNull();
		// the next item starts the consumer again
		assertThat(burst.add(new Item(0, 4))).isTrue();
	}

	@Test
	void manyProducersLoseNothingAndKeepTheirOwnOrder() throws InterruptedException {
		Burst<Item> burst = new Burst<>();
		int producers = 4;
		int perProducer = 50_000;
		List<List<Long>> seen = new ArrayList<>();
		for (int p = 0; p < producers; p++) {
			seen.add(new ArrayList<>());
		}
		AtomicInteger consumersRunning = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		CountDownLatch finished = new CountDownLatch(producers);
		List<Thread> threads = new ArrayList<>();
		for (int p = 0; p < producers; p++) {
			int producer = p;
			Thread thread = new Thread(() -> {
				for (long seq = 0; seq < perProducer; seq++) {
					if (burst.add(new Item(producer, seq))) {
						// the consumer runs on the thread that started it, like a task
						// would
						if (consumersRunning.incrementAndGet() > 1) {
							overlaps.incrementAndGet();
						}
						int handled = 1;
						do {
							for (Item item = burst.take(); item != null; item = item.nextInBurst()) {
								seen.get(item.producer).add(item.seq);
							}
							consumersRunning.decrementAndGet();
							handled = burst.done(handled);
							if (handled != 0) {
								consumersRunning.incrementAndGet();
							}
						}
						while (handled != 0);
					}
				}
				finished.countDown();
			});
			thread.start();
			threads.add(thread);
		}
		assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(overlaps).hasValue(0);
		for (List<Long> sequence : seen) {
			assertThat(sequence).hasSize(perProducer).isSorted();
		}
	}

	static final class Item implements Burst.Linked<Item> {

		final int producer;

		final long seq;

		private @Nullable Item next;

		Item(int producer, long seq) {
			this.producer = producer;
			this.seq = seq;
		}

		@Override
		public @Nullable Item nextInBurst() {
			return this.next;
		}

		@Override
		public void linkBurst(@Nullable Item next) {
			this.next = next;
		}

	}

}
