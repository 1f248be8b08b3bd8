package io.wampspring.client.session;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.CancelMode;
import io.wampspring.client.ClientLimits;
import io.wampspring.client.Payload;
import io.wampspring.client.SessionInfo;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.Result;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * The caller role of one session: CALL with a deadline, progressive results held up to a
 * bound for a slow subscriber, CANCEL on timeout or when the subscriber cancels, RESULT
 * and ERROR matched to their call.
 */
final class Caller {

	private static final Logger logger = LoggerFactory.getLogger(Caller.class);

	/**
	 * Call deadlines on one shared hashed wheel (10 ms ticks): scheduling and canceling a
	 * deadline per call is O(1) and wakes no scheduler thread, where a task per call on
	 * Reactor's parallel scheduler cost a tenth of the client's CPU.
	 */
	private static final HashedWheelTimer TIMEOUTS = new HashedWheelTimer(
			new DefaultThreadFactory("wamp-call-timeouts", true), 10, TimeUnit.MILLISECONDS);

	private final ClientSession session;

	private final RequestTable table;

	private final ClientLimits limits;

	private volatile boolean warnedProgress;

	Caller(ClientSession session, RequestTable table, ClientLimits limits) {
		this.session = session;
		this.table = table;
		this.limits = limits;
	}

	Flux<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions callOptions,
			boolean progressive) {
		// one RESULT for a plain call: no buffer for a demand it never exceeds
		FluxSink.OverflowStrategy overflow = progressive ? FluxSink.OverflowStrategy.BUFFER
				: FluxSink.OverflowStrategy.IGNORE;
		return Flux.create((FluxSink<CallResult> sink) -> {
			if (!this.session.isJoined()) {
				sink.error(this.session.notJoined(what(procedure)));
				return;
			}
			if (!this.session.connection().isWritable()) {
				sink.error(this.session.notWritable(what(procedure)));
				return;
			}
			Duration timeout = callOptions.effectiveTimeout(this.limits.defaultCallTimeout());
			Map<String, Object> wireOptions = wireOptions(procedure, callOptions, progressive, timeout);
			long id = this.table.nextId();
			PendingCall call = new PendingCall(procedure, sink, callOptions.cancelMode(),
					this.limits.progressiveBuffer());
			if (!this.table.addCall(id, call)) {
				sink.error(new WampException(WampUris.UNAVAILABLE,
						"cannot " + what(procedure) + ": " + this.table.pendingCalls()
								+ " calls of this session already wait for" + " their results (limit "
								+ this.table.maxPendingCalls()
								+ "); wait for results before calling again, or raise the client's max pending calls"));
				return;
			}
			sink.onRequest(call::requested);
			sink.onCancel(() -> {
				if (this.table.removeCall(id, call)) {
					call.release();
					sendCancel(id, call, "the caller canceled");
				}
			});
			if (!timeout.isZero()) {
				long millis = timeout.toMillis();
				call.timeout = TIMEOUTS.newTimeout((t) -> {
					if (this.table.removeCall(id, call)) {
						sendCancel(id, call, "the call timed out");
						call.sink.error(new WampException(WampUris.TIMEOUT,
								"call to '" + procedure + "' timed out after " + millis + " ms"));
					}
				}, millis, TimeUnit.MILLISECONDS);
			}
			this.session.connection()
				.send(new Call(id, wireOptions, procedure, PayloadCasts.args(args), PayloadCasts.kwargs(kwargs)))
				.subscribe(null, (error) -> {
					if (this.table.removeCall(id, call)) {
						call.fail(this.session.sendFailure(what(procedure), error));
					}
				});
		}, overflow);
	}

	/**
	 * A call whose arguments stream as progressive call invocations: every chunk goes in
	 * a CALL with {@code progress=true} under the same request id, then a final CALL
	 * without arguments ends the stream. The next chunk is requested only when the
	 * previous CALL was written, so the chunks' producer meets the connection's flow
	 * control.
	 */
	Flux<CallResult> callStreaming(String procedure, Publisher<Payload> chunks, CallOptions callOptions,
			Scheduler chunkScheduler) {
		return Flux.create((FluxSink<CallResult> sink) -> {
			if (!this.session.isJoined()) {
				sink.error(this.session.notJoined(what(procedure)));
				return;
			}
			SessionInfo sessionInfo = this.session.info();
			if (sessionInfo == null || !sessionInfo.routerSupports("dealer", "progressive_call_invocations")) {
				sink.error(new WampException(WampUris.FEATURE_NOT_SUPPORTED,
						"cannot " + what(procedure)
								+ " with progressive call invocations: the router did not announce the dealer feature "
								+ "progressive_call_invocations; send the arguments in one call"));
				return;
			}
			Duration timeout = callOptions.effectiveTimeout(this.limits.defaultCallTimeout());
			Map<String, Object> finalOptions = wireOptions(procedure, callOptions, true, timeout);
			long id = this.table.nextId();
			PendingCall call = new PendingCall(procedure, sink, callOptions.cancelMode(),
					this.limits.progressiveBuffer());
			if (!this.table.addCall(id, call)) {
				sink.error(new WampException(WampUris.UNAVAILABLE,
						"cannot " + what(procedure) + ": " + this.table.pendingCalls()
								+ " calls of this session already wait for their results (limit "
								+ this.table.maxPendingCalls() + "); wait for results before calling again"));
				return;
			}
			ChunkSender sender = new ChunkSender(id, procedure, finalOptions, call);
			call.chunks = sender;
			sink.onRequest(call::requested);
			sink.onCancel(() -> {
				sender.dispose();
				if (this.table.removeCall(id, call)) {
					call.release();
					sendCancel(id, call, "the caller canceled");
				}
			});
			if (!timeout.isZero()) {
				long millis = timeout.toMillis();
				call.timeout = TIMEOUTS.newTimeout((t) -> {
					if (this.table.removeCall(id, call)) {
						sendCancel(id, call, "the call timed out");
						call.fail(new WampException(WampUris.TIMEOUT,
								"call to '" + procedure + "' timed out after " + millis + " ms"));
					}
				}, millis, TimeUnit.MILLISECONDS);
			}
			// subscribeOn also moves request(n) off the I/O thread that completes a
			// write, so the application's producer never runs there
			Flux.from(chunks).subscribeOn(chunkScheduler).subscribe(sender);
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	// built only when a call fails: the hot path allocates no message text
	private static String what(String procedure) {
		return "call '" + procedure + "'";
	}

	// Features the router did not announce are not used silently: fall back and say so.
	private Map<String, Object> wireOptions(String procedure, CallOptions callOptions, boolean progressive,
			Duration timeout) {
		SessionInfo sessionInfo = this.session.info();
		boolean receiveProgress = progressive;
		if (progressive && sessionInfo != null && !sessionInfo.routerSupports("dealer", "progressive_call_results")) {
			receiveProgress = false;
			if (!this.warnedProgress) {
				this.warnedProgress = true;
				logger.info("the router did not announce progressive_call_results: calling '{}' (and later "
						+ "procedures) without receive_progress, only the final result will arrive", procedure);
			}
		}
		Map<String, Object> wire = callOptions.toWire(receiveProgress, timeout);
		if (wire.containsKey("timeout") && sessionInfo != null
				&& !sessionInfo.routerSupports("dealer", "call_timeout")) {
			// the client still enforces the timeout itself
			wire.remove("timeout");
		}
		return wire;
	}

	private void sendCancel(long id, PendingCall call, String why) {
		SessionInfo sessionInfo = this.session.info();
		if (!this.session.isJoined() || sessionInfo == null) {
			return;
		}
		if (!sessionInfo.routerSupports("dealer", "call_canceling")) {
			logger.debug("not canceling call {} to '{}' ({}): the router did not announce call_canceling", id,
					call.procedure, why);
			return;
		}
		this.session.connection()
			.send(new Cancel(id, Map.of("mode", call.mode.wireName())))
			.subscribe(null, (error) -> logger.debug("could not send CANCEL for call {}: {}", id, error.toString()));
	}

	void onResult(Result result) {
		PendingCall call = this.table.call(result.requestId());
		if (call == null) {
			logger.debug("dropping RESULT for unknown call {}", result.requestId());
			return;
		}
		if (Dicts.bool(result.details(), "progress", false)) {
			if (!call.offerProgress()) {
				if (this.table.removeCall(result.requestId(), call)) {
					sendCancel(result.requestId(), call, "its subscriber fell behind");
					call.fail(new WampException(WampUris.CANCELED,
							"more than " + this.limits.progressiveBuffer() + " progressive results of '"
									+ call.procedure + "' wait for a subscriber that does not request"
									+ " them; request them faster (for example without limitRate, or publishOn a faster"
									+ " scheduler) or raise the client's progressive buffer"));
				}
				return;
			}
			call.sink.next(CallResult.of(result));
			return;
		}
		if (this.table.removeCall(result.requestId(), call)) {
			call.release();
			if (!(call.chunks != null && call.emitted.get() > 0 && result.args().isEmpty()
					&& result.kwargs().isEmpty())) {
				// a final RESULT without payload after progressive ones only ends a
				// bidirectional stream
				call.sink.next(CallResult.of(result));
			}
			call.sink.complete();
		}
	}

	/**
	 * A call's RESULT or ERROR could not be read: fail that call, keep the session.
	 * @return true when a call waited under the id
	 */
	boolean onUnreadableAnswer(long requestId, String problem) {
		PendingCall call = this.table.removeCall(requestId);
		if (call == null) {
			return false;
		}
		call.fail(new WampException(WampUris.INVALID_ARGUMENT,
				"the answer to the call to '" + call.procedure + "' could not be read: " + problem));
		return true;
	}

	void onError(long requestId, WampException error) {
		PendingCall call = this.table.removeCall(requestId);
		if (call != null) {
			call.fail(error);
		}
	}

	/**
	 * Sends a streaming call's chunks, one CALL at a time, each as soon as it comes (a
	 * chunk held back to be sent in the final CALL would stall a caller that waits for a
	 * result before producing its next chunk); the final CALL, sent when the chunks
	 * complete, carries no arguments.
	 */
	private final class ChunkSender extends BaseSubscriber<Payload> {

		private static final Map<String, Object> PROGRESS = Map.of("progress", true);

		private final long id;

		private final String procedure;

		private final Map<String, Object> firstOptions;

		private final PendingCall call;

		private volatile boolean sentFirst;

		ChunkSender(long id, String procedure, Map<String, Object> finalOptions, PendingCall call) {
			this.id = id;
			this.procedure = procedure;
			// the first CALL's options hold for the whole call
			this.firstOptions = new LinkedHashMap<>(finalOptions);
			this.firstOptions.put("progress", true);
			this.call = call;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(Payload chunk) {
			Map<String, Object> options = this.sentFirst ? PROGRESS : this.firstOptions;
			this.sentFirst = true;
			send(options, chunk, true);
		}

		@Override
		protected void hookOnComplete() {
			if (this.sentFirst) {
				send(Map.of(), Payload.empty(), false);
			}
			else {
				// no chunk at all: a plain call without arguments
				Map<String, Object> options = new LinkedHashMap<>(this.firstOptions);
				options.remove("progress");
				send(options, Payload.empty(), false);
			}
		}

		@Override
		protected void hookOnError(Throwable error) {
			if (Caller.this.table.removeCall(this.id, this.call)) {
				if (this.sentFirst) {
					sendCancel(this.id, this.call, "its chunks failed");
				}
				this.call.fail(error);
			}
		}

		private void send(Map<String, Object> options, Payload chunk, boolean more) {
			Caller.this.session.connection()
				.send(new Call(this.id, options, this.procedure, chunk.args(), chunk.kwargs()))
				.subscribe(null, (error) -> {
					cancel();
					if (Caller.this.table.removeCall(this.id, this.call)) {
						if (this.sentFirst) {
							sendCancel(this.id, this.call, "a chunk could not be sent");
						}
						this.call.fail(Caller.this.session.sendFailure(what(this.procedure), error));
					}
				}, () -> {
					if (more) {
						request(1);
					}
				});
		}

	}

	/**
	 * A call waiting for its result.
	 */
	static final class PendingCall {

		private final String procedure;

		final FluxSink<CallResult> sink;

		private final CancelMode mode;

		private final int progressiveBuffer;

		// progressive results emitted and requested, to bound those a slow subscriber
		// holds
		final AtomicLong emitted = new AtomicLong();

		private final AtomicLong requested = new AtomicLong();

		volatile @Nullable Timeout timeout;

		// the caller's chunks of a progressive call invocation, still being sent
		volatile @Nullable Disposable chunks;

		PendingCall(String procedure, FluxSink<CallResult> sink, CancelMode mode, int progressiveBuffer) {
			this.procedure = procedure;
			this.sink = sink;
			this.mode = mode;
			this.progressiveBuffer = progressiveBuffer;
		}

		String procedure() {
			return this.procedure;
		}

		void requested(long n) {
			this.requested.accumulateAndGet(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b);
		}

		/**
		 * Count a progressive result.
		 * @return false when the subscriber already holds back as many as it may
		 */
		boolean offerProgress() {
			long waiting = this.emitted.incrementAndGet() - this.requested.get();
			return waiting <= this.progressiveBuffer;
		}

		/** The call ended: stop its deadline and the stream of its arguments. */
		void release() {
			Timeout t = this.timeout;
			if (t != null) {
				t.cancel();
			}
			Disposable chunks = this.chunks;
			if (chunks != null) {
				chunks.dispose();
			}
		}

		void fail(Throwable error) {
			release();
			this.sink.error(error);
		}

	}

}
