package io.wampspring.spring.listener.adapter;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.ObservationRegistry;
import io.wampspring.spring.support.WampJsonConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events wait in a bounded buffer; when it is full the newest is dropped, counted and
 * logged once per interval; one at a time keeps their order.
 */
class WampEventAdapterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Handlers handlers = new Handlers();

	private final List<String> droppedBy = new CopyOnWriteArrayList<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		((Logger) LoggerFactory.getLogger(WampEventAdapter.class)).addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.handlers.open.countDown();
		((Logger) LoggerFactory.getLogger(WampEventAdapter.class)).detachAppender(this.log);
	}

	private WampEventAdapter adapter(WampHandlerLimits limits) throws NoSuchMethodException {
		Method method = Handlers.class.getDeclaredMethod("onEvent", int.class);
		WampOverloadListener overload = new WampOverloadListener() {
			@Override
			public void eventDropped(String peer, String topic) {
				WampEventAdapterTests.this.droppedBy.add(peer + " " + topic);
			}
		};
		return new WampEventAdapter(
				new WampHandlerMethod(this.handlers, method, "com.example.topic", WampJsonConverter.shared()), limits,
				Schedulers.boundedElastic(), "default", ObservationRegistry.NOOP, null, overload);
	}

	private static void deliver(WampEventAdapter adapter, int value) {
		adapter.onEvent(TestMessages.event(List.of(value), Map.of(), Map.of()));
	}

	@Test
	void eventsAreHandledOneAtATimeInOrder() throws Exception {
		WampEventAdapter adapter = adapter(new WampHandlerLimits(1, 100));
		this.handlers.open.countDown();
		for (int i = 0; i < 50; i++) {
			deliver(adapter, i);
		}
		await().atMost(TIMEOUT).until(() -> this.handlers.handled.size() == 50);
		assertThat(this.handlers.handled).isSortedAccordingTo(Integer::compare);
		assertThat(this.handlers.maxRunning).hasValue(1);
		assertThat(adapter.droppedCount()).isZero();
	}

	@Test
	void whenTheBufferIsFullTheNewestEventIsDroppedCountedAndLoggedOnce() throws Exception {
		WampEventAdapter adapter = adapter(new WampHandlerLimits(1, 2));
		deliver(adapter, 0);
		assertThat(this.handlers.started.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 1; i <= 5; i++) {
			deliver(adapter, i);
		}
		// 0 runs, 1 and 2 wait, 3, 4 and 5 find the buffer full
		assertThat(adapter.buffered()).isEqualTo(2);
		assertThat(adapter.droppedCount()).isEqualTo(3);
		assertThat(this.droppedBy).hasSize(3).containsOnly("default com.example.topic");
		assertThat(this.log.list).singleElement()
			.satisfies((line) -> assertThat(line.getFormattedMessage()).contains("dropped 1 event(s)",
					"buffer of 2 events is full", "raise its concurrency or queue-capacity"));
		this.handlers.open.countDown();
		await().atMost(TIMEOUT).until(() -> this.handlers.handled.size() == 3);
		assertThat(this.handlers.handled).containsExactly(0, 1, 2);
	}

	@Test
	void bufferedEventsAreSkippedOnceDeactivated() throws Exception {
		WampEventAdapter adapter = adapter(new WampHandlerLimits(1, 10));
		deliver(adapter, 0);
		assertThat(this.handlers.started.await(5, TimeUnit.SECONDS)).isTrue();
		deliver(adapter, 1);
		adapter.deactivate();
		deliver(adapter, 2);
		this.handlers.open.countDown();
		await().atMost(TIMEOUT).until(() -> adapter.buffered() == 0 && this.handlers.running.get() == 0);
		assertThat(this.handlers.handled).containsExactly(0);
	}

	static class Handlers {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch open = new CountDownLatch(1);

		final List<Integer> handled = new CopyOnWriteArrayList<>();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxRunning = new AtomicInteger();

		// runs on the handler scheduler (boundedElastic), where blocking is allowed
		void onEvent(int value) throws InterruptedException {
			this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			this.started.countDown();
			this.open.await(5, TimeUnit.SECONDS);
			this.handled.add(value);
			this.running.decrementAndGet();
		}

	}

}
