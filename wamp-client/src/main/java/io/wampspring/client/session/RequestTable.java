package io.wampspring.client.session;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

	private final RequestIdSequence ids = new RequestIdSequence();

	private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();

	private final Map<Long, PendingRequest> requests = new ConcurrentHashMap<>();

	private final int maxPendingCalls;

	RequestTable(int maxPendingCalls) {
		this.maxPendingCalls = maxPendingCalls;
	}

	long nextId() {
		return this.ids.next();
	}

	// ---------------------------------------------------------------- calls

	/**
	 * Add a call unless the session already waits for as many as it may.
	 * @return false when the limit is reached
	 */
	boolean addCall(long id, PendingCall call) {
		if (this.calls.size() >= this.maxPendingCalls) {
			return false;
		}
		this.calls.put(id, call);
		return true;
	}

	int maxPendingCalls() {
		return this.maxPendingCalls;
	}

	int pendingCalls() {
		return this.calls.size();
	}

	@Nullable PendingCall call(long id) {
		return this.calls.get(id);
	}

	boolean removeCall(long id, PendingCall call) {
		return this.calls.remove(id, call);
	}

	@Nullable PendingCall removeCall(long id) {
		return this.calls.remove(id);
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
		PendingCall call = this.calls.remove(id);
		return (call != null) ? call : this.requests.remove(id);
	}

	/**
	 * Fail everything pending.
	 * @param failure the error for a request, given its description
	 */
	void failAll(java.util.function.Function<String, WampException> failure) {
		for (Long id : new ArrayList<>(this.calls.keySet())) {
			PendingCall call = this.calls.remove(id);
			if (call != null) {
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
