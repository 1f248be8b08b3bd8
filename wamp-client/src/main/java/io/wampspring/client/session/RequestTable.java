package io.wampspring.client.session;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import io.wampspring.core.WampException;
import io.wampspring.core.id.RequestIdSequence;
import io.wampspring.core.message.WampMessageType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.MonoSink;

/**
 * The requests of one session that wait for the router's answer, by request id: calls
 * (owned by {@link Caller}) and the other requests (REGISTER, SUBSCRIBE, UNREGISTER,
 * UNSUBSCRIBE, acknowledged PUBLISH). Both share one id sequence, so an id names one
 * request. A REGISTER or SUBSCRIBE whose requester canceled stays in the table, marked,
 * so that its confirmation is undone at once instead of leaving a registration nobody
 * owns.
 */
final class RequestTable {

	private static final Logger logger = LoggerFactory.getLogger(RequestTable.class);

	private static final int MAX_SLOTS = 1024;

	private final RequestIdSequence ids = new RequestIdSequence();

	/**
	 * Calls by request id. Ids come from one sequence, so the calls in flight take
	 * distinct slots of this array (index: id modulo its length), found and freed without
	 * a lock or a boxed key; a call whose slot an older, slower call still holds waits in
	 * {@link #overflow}.
	 */
	private final AtomicReferenceArray<@Nullable PendingCall> slots;

	private final Map<Long, PendingCall> overflow = new ConcurrentHashMap<>();

	private final AtomicInteger pendingCalls = new AtomicInteger();

	private final Map<Long, PendingRequest> requests = new ConcurrentHashMap<>();

	private final int maxPendingCalls;

	RequestTable(int maxPendingCalls) {
		this.maxPendingCalls = maxPendingCalls;
		// a power of two of at most 1024 slots (4 KB), at least twice the calls allowed
		this.slots = new AtomicReferenceArray<>(
				Math.min(MAX_SLOTS, Integer.highestOneBit(Math.min(maxPendingCalls, MAX_SLOTS)) * 4));
	}

	long nextId() {
		return this.ids.next();
	}

	// ---------------------------------------------------------------- calls

	/**
	 * Add a call (whose id is set) unless the session already waits for as many as it
	 * may.
	 * @return false when the limit is reached
	 */
	boolean addCall(long id, PendingCall call) {
		if (this.pendingCalls.incrementAndGet() > this.maxPendingCalls) {
			this.pendingCalls.decrementAndGet();
			return false;
		}
		if (!this.slots.compareAndSet(slot(id), null, call)) {
			this.overflow.put(id, call);
		}
		return true;
	}

	int maxPendingCalls() {
		return this.maxPendingCalls;
	}

	int pendingCalls() {
		return this.pendingCalls.get();
	}

	@Nullable PendingCall call(long id) {
		PendingCall call = this.slots.get(slot(id));
		if (call != null && call.id == id) {
			return call;
		}
		return this.overflow.isEmpty() ? null : this.overflow.get(id);
	}

	boolean removeCall(long id, PendingCall call) {
		if (this.slots.compareAndSet(slot(id), call, null) || this.overflow.remove(id, call)) {
			this.pendingCalls.decrementAndGet();
			return true;
		}
		return false;
	}

	@Nullable PendingCall removeCall(long id) {
		int slot = slot(id);
		PendingCall call;
		while ((call = this.slots.get(slot)) != null && call.id == id) {
			if (this.slots.compareAndSet(slot, call, null)) {
				this.pendingCalls.decrementAndGet();
				return call;
			}
		}
		call = this.overflow.isEmpty() ? null : this.overflow.remove(id);
		if (call != null) {
			this.pendingCalls.decrementAndGet();
		}
		return call;
	}

	/**
	 * Visit the calls that wait (without a lock: a call added or removed meanwhile may be
	 * missed or seen).
	 * @param action what to do with each
	 */
	void forEachCall(Consumer<PendingCall> action) {
		for (int slot = 0; slot < this.slots.length(); slot++) {
			PendingCall call = this.slots.get(slot);
			if (call != null) {
				action.accept(call);
			}
		}
		if (!this.overflow.isEmpty()) {
			this.overflow.values().forEach(action);
		}
	}

	private int slot(long id) {
		return (int) (id & (this.slots.length() - 1));
	}

	// ---------------------------------------------------------------- other requests

	void addRequest(long id, PendingRequest request) {
		this.requests.put(id, request);
	}

	/**
	 * The requester gave up. A REGISTER or SUBSCRIBE stays, so that its confirmation can
	 * be undone; anything else is forgotten.
	 */
	void cancelRequest(long id, PendingRequest request) {
		if (request.undo() != null) {
			request.cancel();
		}
		else {
			this.requests.remove(id, request);
		}
	}

	boolean removeRequest(long id, PendingRequest request) {
		return this.requests.remove(id, request);
	}

	/**
	 * Take the request a confirmation or ERROR answers.
	 * @param id the request id
	 * @param type the request's type
	 * @return the request, or null when none of that type waits (late answers to canceled
	 * requests are expected)
	 */
	@Nullable PendingRequest take(long id, int type) {
		PendingRequest request = this.requests.get(id);
		if (request == null || request.type() != type) {
			logger.debug("no pending {} with request id {}", WampMessageType.name(type), id);
			return null;
		}
		return this.requests.remove(id, request) ? request : null;
	}

	/**
	 * Take whatever waits under an id: a call or another request.
	 * @param id the request id
	 * @return the call or request, or null
	 */
	@Nullable Object takeAny(long id) {
		PendingCall call = removeCall(id);
		return (call != null) ? call : this.requests.remove(id);
	}

	/**
	 * Fail everything pending.
	 * @param failure the error for a request, given its description
	 */
	void failAll(java.util.function.Function<String, WampException> failure) {
		for (int slot = 0; slot < this.slots.length(); slot++) {
			PendingCall call = this.slots.getAndSet(slot, null);
			if (call != null) {
				this.pendingCalls.decrementAndGet();
				call.fail(failure.apply("call to '" + call.procedure() + "'"));
			}
		}
		for (Long id : new ArrayList<>(this.overflow.keySet())) {
			PendingCall call = this.overflow.remove(id);
			if (call != null) {
				this.pendingCalls.decrementAndGet();
				call.fail(failure.apply("call to '" + call.procedure() + "'"));
			}
		}
		for (Long id : new ArrayList<>(this.requests.keySet())) {
			PendingRequest request = this.requests.remove(id);
			if (request != null) {
				request.fail(failure.apply(request.what()));
			}
		}
	}

	/**
	 * A request other than a call.
	 */
	static final class PendingRequest {

		private final int type;

		private final String what;

		private final MonoSink<Long> sink;

		private final @Nullable Object target;

		private final @Nullable Consumer<Long> undo;

		private volatile boolean canceled;

		/**
		 * @param type the request's message type
		 * @param what a description for messages
		 * @param sink completes with the router's id
		 * @param target the invocation or event target (REGISTER, SUBSCRIBE) or the id to
		 * remove (UNREGISTER, UNSUBSCRIBE)
		 * @param undo what to send when a confirmation arrives for a canceled request
		 */
		PendingRequest(int type, String what, MonoSink<Long> sink, @Nullable Object target,
				@Nullable Consumer<Long> undo) {
			this.type = type;
			this.what = what;
			this.sink = sink;
			this.target = target;
			this.undo = undo;
		}

		int type() {
			return this.type;
		}

		String what() {
			return this.what;
		}

		MonoSink<Long> sink() {
			return this.sink;
		}

		@Nullable Object target() {
			return this.target;
		}

		@Nullable Consumer<Long> undo() {
			return this.undo;
		}

		void cancel() {
			this.canceled = true;
		}

		/**
		 * Fail the request, unless its requester canceled (a canceled sink would report
		 * the error as dropped).
		 */
		void fail(Throwable error) {
			if (!this.canceled) {
				this.sink.error(error);
			}
		}

		boolean isCanceled() {
			return this.canceled;
		}

	}

}
