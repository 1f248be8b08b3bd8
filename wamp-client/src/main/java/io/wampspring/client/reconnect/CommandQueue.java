package io.wampspring.client.reconnect;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

/**
 * The serialized queue through which every command that changes a client's state runs:
 * one command at a time, in the order submitted, the next one starting when the previous
 * one's Mono finished. No lock is held while a command runs, and no command sees the half
 * done work of another (a restore, a register, a close). The queue is bounded; a command
 * submitted to a full queue fails at once.
 * <p>
 * A subscriber that cancels the Mono of its command removes a command that has not
 * started, and cancels one that is running (unless it was submitted as not cancelable),
 * so that the queue moves on.
 */
public final class CommandQueue {

	private static final Logger logger = LoggerFactory.getLogger(CommandQueue.class);

	private final int capacity;

	private final AtomicInteger size = new AtomicInteger();

	private final FluxSink<Entry<?>> sink;

	/**
	 * Create a queue and start draining it.
	 * @param capacity the most commands that may wait
	 */
	public CommandQueue(int capacity) {
		this.capacity = capacity;
		AtomicReference<@Nullable FluxSink<Entry<?>>> created = new AtomicReference<>();
		// Flux.create's sink is serialized, so any thread may submit without a lock; it
		// is handed over synchronously on subscribe
		Flux.<Entry<?>>create(created::set)
			.concatMap(Entry::run, 0)
			.subscribe(null, (error) -> logger.error("the command queue stopped", error));
		this.sink = Objects.requireNonNull(created.get());
	}

	/**
	 * Run a command after those submitted before it.
	 * @param <T> the command's result
	 * @param name what the command does, for messages
	 * @param command makes the command's Mono; called when its turn comes
	 * @return the command's outcome
	 */
	public <T> Mono<T> submit(String name, Supplier<Mono<T>> command) {
		return submit(name, command, true);
	}

	/**
	 * Run a command after those submitted before it.
	 * @param <T> the command's result
	 * @param name what the command does, for messages
	 * @param command makes the command's Mono; called when its turn comes
	 * @param cancelable whether the subscriber's cancel cancels the running command
	 * @return the command's outcome
	 */
	public <T> Mono<T> submit(String name, Supplier<Mono<T>> command, boolean cancelable) {
		return Mono.create((MonoSink<T> result) -> {
			if (this.size.incrementAndGet() > this.capacity) {
				this.size.decrementAndGet();
				result.error(new WampException(WampUris.UNAVAILABLE, "cannot " + name + ": " + this.capacity
						+ " state changes of this client already wait their turn"));
				return;
			}
			Entry<T> entry = new Entry<>(command, result, this.size, cancelable);
			result.onCancel(entry::cancel);
			this.sink.next(entry);
		});
	}

	private static final class Entry<T> {

		private final Supplier<Mono<T>> command;

		private final MonoSink<T> result;

		private final AtomicInteger size;

		private final Sinks.Empty<Void> canceled = Sinks.empty();

		private final boolean cancelable;

		// the subscriber went away: its outcome is not delivered (a canceled sink would
		// drop it as an error with a stack trace)
		private volatile boolean isCanceled;

		Entry(Supplier<Mono<T>> command, MonoSink<T> result, AtomicInteger size, boolean cancelable) {
			this.command = command;
			this.result = result;
			this.size = size;
			this.cancelable = cancelable;
		}

		void cancel() {
			this.isCanceled = true;
			if (this.cancelable) {
				this.canceled.tryEmitEmpty();
			}
		}

		Mono<Void> run() {
			this.size.decrementAndGet();
			if (this.isCanceled && this.cancelable) {
				return Mono.empty();
			}
			Mono<T> work;
			try {
				work = this.command.get();
			}
			catch (RuntimeException ex) {
				fail(ex);
				return Mono.empty();
			}
			return work.takeUntilOther(this.canceled.asMono())
				.doOnNext(this::succeed)
				.doOnError(this::fail)
				.doOnSuccess((value) -> {
					if (value == null && !this.isCanceled) {
						this.result.success();
					}
				})
				.onErrorResume((error) -> Mono.empty())
				.then();
		}

		private void succeed(T value) {
			if (!this.isCanceled) {
				this.result.success(value);
			}
		}

		private void fail(Throwable error) {
			if (!this.isCanceled) {
				this.result.error(error);
			}
		}

	}

}
