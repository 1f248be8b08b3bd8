package io.wampspring.client.session;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.client.CancelMode;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.Payload;
import io.wampspring.client.WampInvocation;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.id.EndedStreams;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The callee role of one session: runs each INVOCATION's handler off the I/O thread,
 * writes its results as YIELDs (progressive ones held up to a bound), answers INTERRUPT,
 * refuses invocations beyond the session's bound with {@code wamp.error.unavailable}, and
 * turns handler exceptions into ERRORs that carry no exception message unless the options
 * say so.
 */
final class Callee {

	private static final Logger logger = LoggerFactory.getLogger(Callee.class);

	/** The error of an invocation whose handler falls behind its caller's stream. */
	static final String LIMIT_EXCEEDED = "wamp.error.limit_exceeded";

	private final ClientSession session;

	private final ClientOptions options;

	private final InboundPressure pressure;

	private final Map<Long, InvocationTarget> registrations = new ConcurrentHashMap<>();

	private final Map<Long, InvocationRunner> running = new ConcurrentHashMap<>();

	private final RateLimitedLog refused = new RateLimitedLog(logger);

	// progressive call invocations that ended before their final chunk
	private final EndedStreams endedStreams = new EndedStreams(1024);

	Callee(ClientSession session, ClientOptions options, InboundPressure pressure) {
		this.session = session;
		this.options = options;
		this.pressure = pressure;
	}

	void registered(long registrationId, InvocationTarget target) {
		this.registrations.put(registrationId, target);
	}

	boolean unregistered(long registrationId) {
		return this.registrations.remove(registrationId) != null;
	}

	int running() {
		return this.running.size();
	}

	void onInvocation(Invocation invocation) {
		boolean progress = Dicts.bool(invocation.details(), "progress", false);
		InvocationRunner streaming = this.running.get(invocation.requestId());
		if (streaming != null && streaming.chunks != null) {
			streaming.nextChunk(invocation, progress);
			return;
		}
		if (this.endedStreams.drop(invocation.requestId(), progress)) {
			// a chunk of a progressive call invocation that already ended
			return;
		}
		InvocationTarget target = this.registrations.get(invocation.registration());
		if (target == null) {
			if (progress) {
				this.endedStreams.ended(invocation.requestId());
			}
			answer(new ErrorMessage(WampMessageType.INVOCATION, invocation.requestId(), Map.of(),
					WampUris.NO_SUCH_REGISTRATION,
					List.of("no registration " + invocation.registration() + " in this session"), Map.of()));
			return;
		}
		String procedure = Dicts.string(invocation.details(), "procedure");
		String called = (procedure != null) ? procedure : target.registration().procedure();
		ChunkStream chunks = null;
		WampInvocation call;
		if (progress) {
			// a handler that falls behind the caller's stream pauses reading (the chunks
			// count in the inbound pressure); the queue bounds what was read meanwhile
			chunks = new ChunkStream(this.options.limits().maxQueuedInvocations(), this.pressure,
					this.options.handlerScheduler());
			chunks.offer(new Payload(invocation.args(), invocation.kwargs()));
			call = new WampInvocation(called, invocation.args(), invocation.kwargs(), invocation.details(),
					target.registration(), chunks.flux());
		}
		else {
			call = new WampInvocation(called, invocation.args(), invocation.kwargs(), invocation.details(),
					target.registration());
		}
		if (!this.pressure.tryAcquireInvocation()) {
			if (chunks != null) {
				chunks.releaseAll();
				this.endedStreams.ended(invocation.requestId());
			}
			this.refused.warn("refusing invocations of '{}' with {}: {} invocations are running or queued, the limit",
					call.procedure(), WampUris.UNAVAILABLE, this.options.limits().maxQueuedInvocations());
			this.session.listener().onInvocationRefused();
			answer(new ErrorMessage(WampMessageType.INVOCATION, invocation.requestId(), Map.of(), WampUris.UNAVAILABLE,
					List.of("the callee is busy: " + this.options.limits().maxQueuedInvocations()
							+ " invocations are running or queued; retry later"),
					Map.of()));
			return;
		}
		InvocationRunner runner = new InvocationRunner(invocation.requestId(), call.receiveProgress(), call.procedure(),
				chunks);
		this.running.put(invocation.requestId(), runner);
		Flux<InvocationResult> results = Flux.defer(() -> {
			Publisher<InvocationResult> publisher = target.handler().handle(call);
			// a Mono has one result: no need to hold it back to know it is the last
			runner.immediate = runner.chunks != null && call.receiveProgress() && !(publisher instanceof Mono);
			return publisher;
		});
		if (call.receiveProgress()) {
			// the runner asks for one result per YIELD written: the buffer absorbs a Flux
			// that ignores demand (a plain invocation keeps only the last result and
			// needs none)
			results = results.onBackpressureBuffer(this.options.limits().progressiveBuffer(),
					BufferOverflowStrategy.ERROR);
		}
		// subscribeOn also moves request(n) to the handler scheduler, so a synchronous
		// Flux never produces its elements on the I/O thread
		results.subscribeOn(this.options.handlerScheduler()).subscribe(runner);
	}

	/**
	 * An INVOCATION whose payload could not be read: answer it, keep the session.
	 */
	void onUnreadableInvocation(long requestId, String problem) {
		answer(new ErrorMessage(WampMessageType.INVOCATION, requestId, Map.of(), WampUris.INVALID_ARGUMENT,
				List.of("the callee could not read the invocation: " + problem), Map.of()));
	}

	void onInterrupt(Interrupt interrupt) {
		InvocationRunner runner = this.running.get(interrupt.requestId());
		if (runner != null) {
			runner.interrupt(CancelMode.fromWire(interrupt.options().get("mode")));
		}
	}

	/**
	 * Wait until no invocation is running, or the timeout passed, or the session ended.
	 */
	Mono<Void> awaitIdle(Duration timeout) {
		if (timeout.isZero() || this.running.isEmpty()) {
			return Mono.empty();
		}
		// shutdown path only: a short poll keeps the hot path free of idle bookkeeping
		return Flux.interval(Duration.ofMillis(10))
			.filter((tick) -> this.running.isEmpty() || this.session.isEnded())
			.next()
			.then()
			.timeout(timeout,
					Mono.fromRunnable(() -> logger.info("{} invocations still running after {} ms, leaving anyway",
							this.running.size(), timeout.toMillis())));
	}

	/** The session ended: stop every handler. */
	void disposeAll() {
		for (Long id : List.copyOf(this.running.keySet())) {
			InvocationRunner runner = this.running.remove(id);
			if (runner != null) {
				runner.dispose();
				this.pressure.releaseInvocation();
			}
		}
		this.registrations.clear();
	}

	private void answer(WampMessage message) {
		this.session.connection().send(message).subscribe(null, (error) -> {
		});
	}

	private ErrorMessage invocationError(long requestId, String procedure, Throwable error) {
		if (error instanceof WampException wampError) {
			return new ErrorMessage(WampMessageType.INVOCATION, requestId, Map.of(), wampError.getUri(),
					wampError.getArgs(), wampError.getKwargs());
		}
		if (Exceptions.isOverflow(error)) {
			String text = "the handler of '" + procedure + "' produced more than "
					+ this.options.limits().progressiveBuffer()
					+ " progressive results ahead of the connection; make its"
					+ " Flux respect demand (for example onBackpressureBuffer(n) or delayElements) or raise the client's"
					+ " progressive buffer";
			logger.warn(text);
			return new ErrorMessage(WampMessageType.INVOCATION, requestId, Map.of(), this.options.defaultErrorUri(),
					List.of(text), Map.of());
		}
		String correlationId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		logger.warn("handler of '{}' failed (correlation id {})", procedure, correlationId, error);
		String text = (this.options.includeExceptionMessages())
				? String.valueOf((error.getMessage() != null) ? error.getMessage() : error.getClass().getName())
				: "the callee failed; its log names correlation id " + correlationId;
		return new ErrorMessage(WampMessageType.INVOCATION, requestId, Map.of(), this.options.defaultErrorUri(),
				List.of(text), Map.of("correlation_id", correlationId));
	}

	/**
	 * Subscribes to a handler's results and writes them as YIELDs, one element at a time,
	 * holding back one element to know which one is the last. The runner stays in the
	 * running table until its final YIELD or ERROR was written, so a graceful close waits
	 * for it.
	 */
	private final class InvocationRunner extends BaseSubscriber<InvocationResult> {

		private final long requestId;

		private final boolean receiveProgress;

		private final String procedure;

		// set once by whichever comes first: the final answer or an INTERRUPT
		private final AtomicBoolean finished = new AtomicBoolean();

		private @Nullable InvocationResult held;

		// the chunks of a progressive call invocation, fed on the I/O thread
		final @Nullable ChunkStream chunks;

		// whether more chunks are to come (their final INVOCATION has not arrived)
		private volatile boolean streaming;

		// a bidirectional stream: every result goes out as it comes, the final YIELD
		// carries none (holding one back to know the last would stall a caller that
		// waits for a result before it sends its next chunk); set before the first
		// element
		volatile boolean immediate;

		InvocationRunner(long requestId, boolean receiveProgress, String procedure, @Nullable ChunkStream chunks) {
			this.requestId = requestId;
			this.receiveProgress = receiveProgress;
			this.procedure = procedure;
			this.chunks = chunks;
			this.streaming = chunks != null;
		}

		/**
		 * One more INVOCATION of a progressive call invocation: hand its arguments to the
		 * handler, or fail the call when the handler holds as many as it may.
		 */
		void nextChunk(Invocation invocation, boolean progress) {
			ChunkStream sink = this.chunks;
			if (sink == null || !this.streaming) {
				return;
			}
			if (!progress) {
				this.streaming = false;
				if (invocation.args().isEmpty() && invocation.kwargs().isEmpty()) {
					// a final INVOCATION without arguments only ends the stream (this
					// client's callers send one)
					sink.complete();
					return;
				}
			}
			Sinks.EmitResult result = sink.offer(new Payload(invocation.args(), invocation.kwargs()));
			if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
				String text = "the handler of '" + this.procedure + "' falls behind the caller's stream: "
						+ Callee.this.options.limits().maxQueuedInvocations()
						+ " chunks wait for it although the connection stopped reading; make it read its chunks "
						+ "faster, or send them more slowly, or raise the client's max queued invocations";
				Callee.this.refused.warn("{}", text);
				dispose();
				finish(new ErrorMessage(WampMessageType.INVOCATION, this.requestId, Map.of(), LIMIT_EXCEEDED,
						List.of(text), Map.of()));
				return;
			}
			if (!progress) {
				// the handler may have stopped reading already: nothing left to tell it
				sink.complete();
			}
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(InvocationResult value) {
			if (this.immediate) {
				yieldProgress(value);
				return;
			}
			InvocationResult previous = this.held;
			this.held = value;
			if (previous == null || !this.receiveProgress) {
				request(1);
				return;
			}
			yieldProgress(previous);
		}

		private void yieldProgress(InvocationResult result) {
			Callee.this.session.connection()
				.send(new Yield(this.requestId, Map.of("progress", true), result.args(), result.kwargs()))
				.subscribe(null, (error) -> {
					logger.debug("could not send a progressive YIELD for '{}': {}", this.procedure, error.toString());
					cancel();
					finish(null);
				}, () -> request(1));
		}

		@Override
		protected void hookOnComplete() {
			InvocationResult last = (this.held != null && !this.immediate) ? this.held : InvocationResult.empty();
			finish(new Yield(this.requestId, Map.of(), last.args(), last.kwargs()));
		}

		@Override
		protected void hookOnError(Throwable error) {
			finish(invocationError(this.requestId, this.procedure, error));
		}

		void interrupt(CancelMode mode) {
			dispose();
			finish((mode != CancelMode.KILL_NO_WAIT)
					? new ErrorMessage(WampMessageType.INVOCATION, this.requestId, Map.of(), WampUris.CANCELED,
							List.of("invocation of '" + this.procedure + "' was canceled"), Map.of())
					: null);
		}

		private void finish(@Nullable WampMessage answer) {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			if (answer == null) {
				done();
				return;
			}
			Callee.this.session.connection()
				.send(answer)
				.onErrorResume(IllegalArgumentException.class,
						// the serializer could not write the results: tell the caller
						// instead
						(error) -> Callee.this.session.connection()
							.send(new ErrorMessage(WampMessageType.INVOCATION, this.requestId, Map.of(),
									WampUris.INVALID_ARGUMENT,
									List.of("the callee could not serialize the result of '" + this.procedure + "': "
											+ error.getMessage()),
									Map.of())))
				.doFinally((signal) -> done())
				.subscribe(null, (error) -> logger.debug("could not answer the invocation of '{}': {}", this.procedure,
						error.toString()));
		}

		private void done() {
			ChunkStream stream = this.chunks;
			if (stream != null) {
				stream.releaseAll();
			}
			if (this.streaming) {
				// ended before its final chunk: the chunks still coming are not new calls
				Callee.this.endedStreams.ended(this.requestId);
			}
			if (Callee.this.running.remove(this.requestId, this)) {
				Callee.this.pressure.releaseInvocation();
			}
		}

	}

}
