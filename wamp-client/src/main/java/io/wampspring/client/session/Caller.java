package io.wampspring.client.session;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.HashedWheelTimer;
import io.netty.util.TimerTask;
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
import reactor.core.CoreSubscriber;
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
	 * Runs every session's deadline sweep: one task per session every
	 * {@link #SWEEP_MILLIS} while it has calls, where a timer entry per call (scheduled,
	 * then canceled) cost a tenth of the client's CPU.
	 */
	private static final HashedWheelTimer SWEEPS = new HashedWheelTimer(
			new DefaultThreadFactory("wamp-call-timeouts", true), 10, TimeUnit.MILLISECONDS);

	/** How often the calls are checked for passed deadlines: their precision. */
	private static final long SWEEP_MILLIS = 10;

	private final ClientSession session;

	private final RequestTable table;

	private final ClientLimits limits;

	private final ResultDispatcher dispatcher;

	private volatile boolean warnedProgress;

	private volatile @Nullable WireOptions lastWireOptions;

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final TimerTask sweep = (fired) -> sweep();

	Caller(ClientSession session, RequestTable table, ClientLimits limits, Scheduler resultScheduler) {
		this.session = session;
		this.table = table;
		this.limits = limits;
		this.dispatcher = new ResultDispatcher(resultScheduler);
	}

	/** The session ended and failed its calls: release what delivers their outcomes. */
	void close() {
		this.dispatcher.close();
	}

	/**
	 * Start a plain call for a subscriber: one {@link SingleCall} is its subscription,
	 * its table entry and its deadline; the outcome arrives on the result scheduler.
	 */
	void call(CoreSubscriber<? super CallResult> actual, String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions) {
		SingleCall call = new SingleCall(this, procedure, callOptions.cancelMode(), actual, this.dispatcher);
		actual.onSubscribe(call);
		if (call.isCancelled()) {
			return;
		}
		WampException refused = start(call, args, kwargs, callOptions, false);
		if (refused != null) {
			call.complete(refused);
		}
	}

	/**
	 * A call with progressive results, as a Flux of them and the final one.
	 */
	Flux<CallResult> callProgressive(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions callOptions) {
		return Flux.create((FluxSink<CallResult> sink) -> {
			StreamingCall call = new StreamingCall(this, procedure, sink, callOptions.cancelMode(),
					this.limits.progressiveBuffer());
			sink.onRequest(call::requested);
			sink.onCancel(() -> onCancel(call));
			WampException refused = start(call, args, kwargs, callOptions, true);
			if (refused != null) {
				sink.error(refused);
			}
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	/**
	 * Send a call: checks, its place in the table, its deadline, the CALL.
	 * @return why the call cannot be made, or null when it is on its way
	 */
	private @Nullable WampException start(PendingCall call, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions, boolean progressive) {
		if (!this.session.isJoined()) {
			return this.session.notJoined(what(call.procedure));
		}
		if (!this.session.connection().isWritable()) {
			return this.session.notWritable(what(call.procedure));
		}
		Duration timeout = callOptions.effectiveTimeout(this.limits.defaultCallTimeout());
		Map<String, Object> wireOptions = wireOptions(call.procedure, callOptions, progressive, timeout);
		WampException refused = enter(call, timeout);
		if (refused != null) {
			return refused;
		}
		send(call,
				new Call(call.id, wireOptions, call.procedure, PayloadCasts.args(args), PayloadCasts.kwargs(kwargs)));
		return null;
	}

	/**
	 * Give the call an id and a place in the table, and start its deadline.
	 * @return why the call cannot be made, or null
	 */
	private @Nullable WampException enter(PendingCall call, Duration timeout) {
		long id = this.table.nextId();
		call.id = id;
		boolean deadline = !timeout.isZero();
		if (deadline) {
			// set before the call enters the table, where the sweep reads them
			call.timeoutMillis = timeout.toMillis();
			call.deadline = System.nanoTime() + timeout.toNanos();
		}
		if (!this.table.addCall(id, call)) {
			return new WampException(WampUris.UNAVAILABLE,
					"cannot " + what(call.procedure) + ": " + this.table.pendingCalls()
							+ " calls of this session already wait for their results (limit "
							+ this.table.maxPendingCalls()
							+ "); wait for results before calling again, or raise the client's max pending calls");
		}
		if (deadline && !this.sweeping.get() && this.sweeping.compareAndSet(false, true)) {
			scheduleSweep();
		}
		return null;
	}

	private void scheduleSweep() {
		try {
			SWEEPS.newTimeout(this.sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// the JVM is shutting down: no deadline will matter
			this.sweeping.set(false);
		}
	}

	// Runs on the sweep thread: times out the calls whose deadline passed, and goes on
	// while the session has calls.
	private void sweep() {
		long now = System.nanoTime();
		this.table.forEachCall((call) -> {
			if (call.timeoutMillis != 0 && now - call.deadline >= 0) {
				onTimeout(call);
			}
		});
		if (this.table.pendingCalls() > 0) {
			scheduleSweep();
			return;
		}
		this.sweeping.set(false);
		// a call that came meanwhile found the sweep still running
		if (this.table.pendingCalls() > 0 && this.sweeping.compareAndSet(false, true)) {
			scheduleSweep();
		}
	}

	private void send(PendingCall call, Call message) {
		this.session.connection().send(message, (error) -> {
			if (this.table.removeCall(call.id, call)) {
				call.fail(this.session.sendFailure(what(call.procedure), error));
			}
		});
	}

	/** The subscriber canceled: CANCEL, unless the call ended already. */
	void onCancel(PendingCall call) {
		if (this.table.removeCall(call.id, call)) {
			call.release();
			sendCancel(call.id, call, "the caller canceled");
		}
	}

	/** The call's deadline passed. */
	void onTimeout(PendingCall call) {
		if (this.table.removeCall(call.id, call)) {
			sendCancel(call.id, call, "the call timed out");
			call.fail(new WampException(WampUris.TIMEOUT,
					"call to '" + call.procedure + "' timed out after " + call.timeoutMillis + " ms"));
		}
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
			StreamingCall call = new StreamingCall(this, procedure, sink, callOptions.cancelMode(),
					this.limits.progressiveBuffer());
			WampException refused = enter(call, timeout);
			if (refused != null) {
				sink.error(refused);
				return;
			}
			ChunkSender sender = new ChunkSender(call.id, procedure, finalOptions, call);
			call.chunks = sender;
			sink.onRequest(call::requested);
			sink.onCancel(() -> {
				sender.dispose();
				onCancel(call);
			});
			// subscribeOn also moves request(n) off the I/O thread that completes a
			// write, so the application's producer never runs there
			Flux.from(chunks).subscribeOn(chunkScheduler).subscribe(sender);
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	// built only when a call fails: the hot path allocates no message text
	private static String what(String procedure) {
		return "call '" + procedure + "'";
	}

	// Most calls of a session use the same options and timeout: the last call's wire
	// options are reused (unmodifiable), where a new map per call was a tenth of a call's
	// allocations.
	private Map<String, Object> wireOptions(String procedure, CallOptions callOptions, boolean progressive,
			Duration timeout) {
		WireOptions last = this.lastWireOptions;
		if (last != null && last.options() == callOptions && last.progressive() == progressive
				&& last.timeout().equals(timeout)) {
			return last.wire();
		}
		Map<String, Object> wire = freeze(newWireOptions(procedure, callOptions, progressive, timeout));
		this.lastWireOptions = new WireOptions(callOptions, progressive, timeout, wire);
		return wire;
	}

	private static Map<String, Object> freeze(Map<String, Object> wire) {
		if (wire.size() == 1) {
			Map.Entry<String, Object> only = wire.entrySet().iterator().next();
			// an immutable map the CALL keeps without a copy
			return Map.of(only.getKey(), only.getValue());
		}
		return wire.isEmpty() ? Map.of() : Collections.unmodifiableMap(wire);
	}

	// Features the router did not announce are not used silently: fall back and say so.
	private Map<String, Object> newWireOptions(String procedure, CallOptions callOptions, boolean progressive,
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
			if (!call.onResult(result, true) && this.table.removeCall(result.requestId(), call)) {
				sendCancel(result.requestId(), call, "its subscriber fell behind");
				call.fail(new WampException(WampUris.CANCELED,
						"more than " + this.limits.progressiveBuffer() + " progressive results of '" + call.procedure
								+ "' wait for a subscriber that does not request"
								+ " them; request them faster (for example without limitRate, or publishOn a faster"
								+ " scheduler) or raise the client's progressive buffer"));
			}
			return;
		}
		if (this.table.removeCall(result.requestId(), call)) {
			call.onResult(result, false);
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

		private final StreamingCall call;

		private volatile boolean sentFirst;

		ChunkSender(long id, String procedure, Map<String, Object> finalOptions, StreamingCall call) {
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
	 * The wire options made for a call's options, progressive flag and timeout.
	 */
	private record WireOptions(CallOptions options, boolean progressive, Duration timeout, Map<String, Object> wire) {
	}

}
