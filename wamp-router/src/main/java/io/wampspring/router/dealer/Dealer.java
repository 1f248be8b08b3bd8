package io.wampspring.router.dealer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.wampspring.core.WampUris;
import io.wampspring.core.id.GlobalIdGenerator;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.CustomAttributes;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.realm.RouterSession;
import io.wampspring.router.realm.UnencodableMessageException;
import io.wampspring.router.realm.UriIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dealer of a realm: registrations, call routing, progressive results, cancel and
 * timeouts. Routing a call reads the registration index and callee arrays without locks;
 * only registering and unregistering take the dealer's lock. Internal to the embedded
 * router; not an API.
 */
public final class Dealer {

	private static final Logger logger = LoggerFactory.getLogger(Dealer.class);

	/** How long a CANCEL in mode kill waits for the callee's answer to the INTERRUPT. */
	static final Duration KILL_ANSWER_WAIT = Duration.ofSeconds(1);

	private static final Set<String> INVOKE_POLICIES = Set.of("single", "roundrobin", "random", "first", "last");

	private static final Map<String, Object> PROGRESS = Map.of("progress", true);

	private static final int REGISTER = WampMessageType.REGISTER;

	private static final int CALL = WampMessageType.CALL;

	private final DealerContext context;

	private final Object lock = new Object();

	private final UriIndex<Registration> index = new UriIndex<>();

	/**
	 * A dealer for one realm.
	 * @param context what it needs from its realm
	 */
	public Dealer(DealerContext context) {
		this.context = context;
	}

	/**
	 * The registrations, for the registration meta API and the metrics.
	 * @return the live index (read it; only the dealer changes it)
	 */
	public UriIndex<Registration> registrations() {
		return this.index;
	}

	// Registrations

	/**
	 * Handle a REGISTER: validate, authorize and add the session as a callee, answering
	 * REGISTERED or ERROR.
	 * @param session the registering session
	 * @param register the message
	 */
	public void register(RouterSession session, Register register) {
		long requestId = register.requestId();
		Map<String, Object> options = register.options();
		MatchPolicy match;
		try {
			match = MatchPolicy.fromWire(options.get("match"));
		}
		catch (IllegalArgumentException ex) {
			session.error(REGISTER, requestId, WampUris.INVALID_ARGUMENT, ex.getMessage());
			return;
		}
		String invoke = Dicts.string(options, "invoke");
		if (invoke == null) {
			invoke = "single";
		}
		if (!INVOKE_POLICIES.contains(invoke)) {
			session.error(REGISTER, requestId, WampUris.INVALID_ARGUMENT,
					"'invoke' must be one of single, roundrobin, random, first, last, got '" + invoke + "'");
			return;
		}
		boolean force = Dicts.bool(options, "force_reregister", false);
		boolean discloseCaller = Dicts.bool(options, "disclose_caller", false);
		String uri = register.procedure();
		if (!this.context.uris().isValid(uri, match)) {
			session.error(REGISTER, requestId, WampUris.INVALID_URI,
					"invalid procedure URI '" + uri + "' for match " + match.wireName());
			return;
		}
		if (uri.startsWith("wamp.") || (match == MatchPolicy.EXACT && this.context.isRouterProcedure(uri))) {
			session.error(REGISTER, requestId, WampUris.PROCEDURE_ALREADY_EXISTS,
					"procedure '" + uri + "' is provided by the router itself");
			return;
		}
		if (!session.authorize(Action.REGISTER, uri).allowed()) {
			session.error(REGISTER, requestId, WampUris.NOT_AUTHORIZED,
					"session is not authorized to register '" + uri + "'");
			return;
		}
		if (session.calls().registrations.size() >= this.context.limits().maxRegistrationsPerSession()) {
			session.error(REGISTER, requestId, RouterLimits.LIMIT_EXCEEDED, "this session reached the limit of "
					+ this.context.limits().maxRegistrationsPerSession() + " registrations");
			return;
		}
		Registration registration;
		Registration deleted = null;
		Registration.Callee[] kicked = new Registration.Callee[0];
		boolean created = false;
		String refusal = null;
		synchronized (this.lock) {
			registration = this.index.get(uri, match);
			if (registration != null) {
				if (registration.hasCallee(session)) {
					refusal = "procedure '" + uri + "' is already registered by this session";
				}
				else if (force) {
					kicked = registration.callees;
					for (Registration.Callee callee : kicked) {
						callee.session().calls().registrations.remove(registration);
					}
					registration.callees = new Registration.Callee[0];
					this.index.remove(registration);
					deleted = registration;
					registration = null;
				}
				else if ("single".equals(invoke) || "single".equals(registration.invoke)) {
					refusal = "procedure '" + uri + "' is already registered (use a shared invoke policy, "
							+ "or force_reregister)";
				}
				else if (!invoke.equals(registration.invoke)) {
					refusal = "procedure '" + uri + "' is already registered with invoke policy '" + registration.invoke
							+ "', not '" + invoke + "'";
				}
			}
			if (refusal == null) {
				if (registration == null) {
					registration = new Registration(GlobalIdGenerator.next(), uri, match, invoke);
					this.index.add(registration);
					created = true;
				}
				registration.addCallee(new Registration.Callee(session, discloseCaller));
				session.calls().registrations.add(registration);
			}
		}
		if (refusal != null) {
			session.error(REGISTER, requestId, WampUris.PROCEDURE_ALREADY_EXISTS, refusal);
			return;
		}
		if (deleted != null) {
			for (Registration.Callee callee : kicked) {
				RouterSession old = callee.session();
				if (old.features().calleeRevocation()) {
					old.send(new Unregistered(0,
							Map.of("registration", deleted.id(), "reason", "wamp.error.force_reregister")));
				}
				this.context.registrationRemoved(old, deleted, false);
			}
			this.context.registrationRemoved(null, deleted, true);
		}
		session.send(new Registered(requestId, registration.id()));
		if (created) {
			this.context.registrationCreated(session, registration);
		}
		this.context.registrationAdded(session, registration);
	}

	/**
	 * Handle an UNREGISTER, answering UNREGISTERED or ERROR.
	 * @param session the session
	 * @param unregister the message
	 */
	public void unregister(RouterSession session, Unregister unregister) {
		Registration registration = this.index.byId(unregister.registration());
		boolean removed = false;
		boolean deleted = false;
		if (registration != null) {
			synchronized (this.lock) {
				removed = registration.removeCallee(session);
				if (removed && registration.callees.length == 0) {
					this.index.remove(registration);
					deleted = true;
				}
			}
		}
		if (!removed) {
			session.error(WampMessageType.UNREGISTER, unregister.requestId(), WampUris.NO_SUCH_REGISTRATION,
					"this session has no registration " + unregister.registration());
			return;
		}
		session.calls().registrations.remove(registration);
		session.send(new Unregistered(unregister.requestId()));
		this.context.registrationRemoved(session, registration, false);
		if (deleted) {
			this.context.registrationRemoved(session, registration, true);
		}
	}

	/**
	 * Revoke a registration for some or all of its callees (the registration meta API's
	 * {@code remove} procedures). A callee that announced {@code registration_revocation}
	 * gets UNREGISTERED with request 0, the registration id and the reason; the others
	 * only stop receiving invocations (the spec forbids the message for them).
	 * Invocations already running finish normally.
	 * @param registration the registration
	 * @param only the one callee to remove, or null for every callee
	 * @param reason the reason sent to the callees, or null
	 * @return the sessions that were removed
	 */
	public List<RouterSession> revoke(Registration registration, @Nullable RouterSession only,
			@Nullable String reason) {
		List<RouterSession> removed = new ArrayList<>();
		boolean deleted = false;
		synchronized (this.lock) {
			for (Registration.Callee callee : registration.callees) {
				if (only == null || callee.session() == only) {
					removed.add(callee.session());
				}
			}
			for (RouterSession session : removed) {
				registration.removeCallee(session);
				session.calls().registrations.remove(registration);
			}
			if (!removed.isEmpty() && registration.callees.length == 0) {
				this.index.remove(registration);
				deleted = true;
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("registration", registration.id());
		if (reason != null) {
			details.put("reason", reason);
		}
		for (RouterSession session : removed) {
			if (session.features().calleeRevocation()) {
				session.send(new Unregistered(0, details));
			}
			this.context.registrationRemoved(session, registration, false);
		}
		if (deleted) {
			this.context.registrationRemoved(removed.get(removed.size() - 1), registration, true);
		}
		if (!removed.isEmpty()) {
			logger.info("Revoked registration {} ('{}') of {} session(s){}", registration.id(), registration.uri(),
					removed.size(), (reason != null) ? ": " + reason : "");
		}
		return removed;
	}

	// Calls

	/**
	 * Handle a CALL: route it to a callee (or to a procedure the router answers itself),
	 * or pass one more chunk of a progressive call invocation on.
	 * @param caller the calling session
	 * @param call the message
	 */
	public void call(RouterSession caller, Call call) {
		long requestId = call.requestId();
		boolean progress = Dicts.bool(call.options(), "progress", false);
		PendingCall streaming = caller.calls().asCaller.get(requestId);
		if (streaming != null) {
			nextChunk(caller, streaming, call, progress);
			return;
		}
		if (caller.calls().endedStreams.drop(requestId, progress)) {
			// a chunk of a progressive call that already ended: not a new call
			return;
		}
		if (progress && !caller.features().callerStreams()) {
			caller.protocolViolation("CALL with progress=true, but the caller did not announce the feature "
					+ "progressive_call_invocations in HELLO");
			return;
		}
		String procedure = call.procedure();
		if (!this.context.uris().isValid(procedure)) {
			refuse(caller, requestId, progress, WampUris.INVALID_URI, "invalid procedure URI '" + procedure + "'");
			return;
		}
		Authorization authorization = caller.authorize(Action.CALL, procedure);
		if (!authorization.allowed()) {
			refuse(caller, requestId, progress, WampUris.NOT_AUTHORIZED,
					"session is not authorized to call '" + procedure + "'");
			return;
		}
		// The meta API and the Nexus services: authorized like any procedure.
		if (this.context.isRouterProcedure(procedure)) {
			if (progress) {
				refuse(caller, requestId, true, WampUris.FEATURE_NOT_SUPPORTED,
						"procedure '" + procedure + "' is provided by the router and takes no progressive call "
								+ "invocations; call it with its arguments in one CALL");
				return;
			}
			this.context.callRouterProcedure(caller, call);
			return;
		}
		if (this.context.isShuttingDown()) {
			refuse(caller, requestId, progress, WampUris.CANCELED, "the router is shutting down");
			return;
		}
		Registration registration = this.index.best(procedure);
		Registration.Callee callee = (registration != null) ? registration.pick() : null;
		if (callee == null) {
			refuse(caller, requestId, progress, WampUris.NO_SUCH_PROCEDURE,
					"no callee registered procedure '" + procedure + "'");
			return;
		}
		if (caller.calls().asCaller.size() >= this.context.limits().maxPendingCallsPerSession()) {
			refuse(caller, requestId, progress, RouterLimits.LIMIT_EXCEEDED, "this session reached the limit of "
					+ this.context.limits().maxPendingCallsPerSession() + " pending calls");
			return;
		}
		Map<String, Object> options = call.options();
		boolean discloseMe = Dicts.bool(options, "disclose_me", false);
		if (discloseMe && !this.context.config().allowDiscloseMe()) {
			refuse(caller, requestId, progress, WampUris.DISCLOSE_ME_NOT_ALLOWED,
					"this realm does not allow callers to disclose themselves");
			return;
		}
		RouterSession target = callee.session();
		if (progress && !target.features().calleeStreams()) {
			refuse(caller, requestId, true, WampUris.FEATURE_NOT_SUPPORTED, "the callee of '" + procedure
					+ "' does not support progressive call invocations (it did not "
					+ "announce progressive_call_invocations and call_canceling); send the arguments in one CALL");
			return;
		}
		boolean receiveProgress = Dicts.bool(options, "receive_progress", false);
		Long timeout = Dicts.integer(options, "timeout");
		long invocationId = target.calls().nextInvocationId();
		boolean resultProgress = receiveProgress && target.features().calleeProgressive();
		PendingCall pending = new PendingCall(caller, requestId, target, invocationId, registration, resultProgress,
				procedure, progress);
		caller.calls().asCaller.put(requestId, pending);
		target.calls().asCallee.put(invocationId, pending);
		Map<String, Object> details;
		boolean pattern = registration.match() != MatchPolicy.EXACT;
		boolean disclose = discloseMe || callee.discloseCaller() || authorization.disclose();
		Integer trustlevel = this.context.trustlevel(caller);
		// implementation-specific attributes (a trace context) go on to the callee
		Map<String, Object> custom = CustomAttributes.of(options);
		if (!pattern && !resultProgress && !disclose && trustlevel == null && custom.isEmpty()) {
			details = Map.of();
		}
		else {
			details = new HashMap<>(8);
			details.putAll(custom);
			if (pattern) {
				details.put("procedure", procedure);
			}
			if (resultProgress) {
				details.put("receive_progress", true);
			}
			if (disclose) {
				SessionIdentity who = caller.requireIdentity();
				details.put("caller", who.session());
				details.put("caller_authid", who.authid());
				details.put("caller_authrole", who.authrole());
			}
			if (trustlevel != null) {
				details.put("trustlevel", trustlevel);
			}
		}
		if (progress) {
			// every chunk's details come from the first CALL (the specification freezes
			// them)
			pending.finalDetails = details;
			Map<String, Object> chunk = new HashMap<>(details);
			chunk.put("progress", true);
			pending.chunkDetails = chunk;
			details = chunk;
		}
		if (timeout != null && timeout > 0) {
			pending.timeout = this.context.timer()
				.newTimeout((t) -> timedOut(pending, timeout), timeout, TimeUnit.MILLISECONDS);
		}
		this.context.callRouted();
		if (!invoke(pending, details, call)) {
			return;
		}
		if (target.isClosed()) {
			// The callee left while we routed: its cleanup may have missed this call.
			calleeGone(pending);
		}
	}

	/**
	 * Refuse a call; when it is the first chunk of a progressive call, its other chunks
	 * are dropped as they come.
	 */
	private static void refuse(RouterSession caller, long requestId, boolean stream, String uri, String message) {
		if (stream) {
			caller.calls().endedStreams.ended(requestId);
		}
		caller.error(CALL, requestId, uri, message);
	}

	/**
	 * Pass one more chunk of a progressive call invocation to the callee chosen by the
	 * first: with the same INVOCATION request id, unless the callee is so far behind that
	 * the router would have to hold an unbounded backlog for it.
	 */
	private void nextChunk(RouterSession caller, PendingCall pending, Call call, boolean progress) {
		if (!pending.stream || !pending.callerStreaming) {
			caller.protocolViolation("CALL request id " + call.requestId() + " is already used by a pending call"
					+ (pending.stream ? " whose final chunk was sent" : ""));
			return;
		}
		if (!progress) {
			pending.callerStreaming = false;
		}
		if (pending.isDone()) {
			if (!progress) {
				// it ended while this final chunk came: the id is free again
				caller.calls().endedStreams.drop(call.requestId(), false);
			}
			return;
		}
		long backlog = pending.callee.pendingBytes();
		long limit = this.context.limits().maxProgressiveBacklogBytes();
		if (backlog > limit) {
			if (pending.complete()) {
				interrupt(pending, RouterLimits.LIMIT_EXCEEDED);
				caller.error(CALL, pending.callRequestId, RouterLimits.LIMIT_EXCEEDED,
						"the callee of '" + pending.procedure + "' reads the progressive call invocations too slowly: "
								+ backlog + " bytes wait to be written to it (router limit max-progressive-backlog "
								+ limit + " bytes); send the chunks more slowly or make the callee faster");
				logger.info("Failed a progressive call of '{}' by session {}: {} bytes wait for callee session {}",
						pending.procedure, caller.id(), backlog, pending.callee.id());
			}
			return;
		}
		invoke(pending, progress ? pending.chunkDetails : pending.finalDetails, call);
	}

	/**
	 * Send one INVOCATION of a call; when the callee's serializer cannot hold it, fail
	 * the call instead.
	 * @return whether it was sent
	 */
	private static boolean invoke(PendingCall pending, Map<String, Object> details, Call call) {
		RouterSession target = pending.callee;
		try {
			target.deliver(new Invocation(pending.invocationId, pending.registration.id(), details, call.args(),
					call.kwargs()));
			return true;
		}
		catch (UnencodableMessageException ex) {
			target.undeliverable(ex);
			if (pending.complete()) {
				if (pending.stream) {
					interrupt(pending, WampUris.INVALID_ARGUMENT);
				}
				pending.caller.error(CALL, pending.callRequestId, WampUris.INVALID_ARGUMENT, "the call to '"
						+ pending.procedure + "' could not be passed to its callee: " + ex.getMessage());
			}
			return false;
		}
	}

	/**
	 * Handle a callee's YIELD: a progressive or the final result of a call.
	 * @param callee the callee
	 * @param yield the message
	 */
	public void yield(RouterSession callee, Yield yield) {
		PendingCall pending = callee.calls().asCallee.get(yield.requestId());
		if (pending == null) {
			// Canceled, timed out or unknown: the specification asks to ignore it.
			return;
		}
		if (Dicts.bool(yield.options(), "progress", false)) {
			if (pending.receiveProgress && !pending.isDone()) {
				try {
					pending.caller.deliver(new Result(pending.callRequestId, PROGRESS, yield.args(), yield.kwargs()));
				}
				catch (UnencodableMessageException ex) {
					// The caller cannot receive this result: fail the call and stop the
					// callee.
					pending.caller.undeliverable(ex);
					if (pending.complete()) {
						interrupt(pending, WampUris.CANCELED);
						pending.caller.error(CALL, pending.callRequestId, WampUris.INVALID_ARGUMENT,
								"a progressive result of '" + pending.procedure + "' could not be passed on: "
										+ ex.getMessage());
					}
				}
			}
			return;
		}
		if (pending.complete()) {
			pending.caller.answerCall(pending.callRequestId,
					new Result(pending.callRequestId, Map.of(), yield.args(), yield.kwargs()),
					WampUris.INVALID_ARGUMENT);
		}
	}

	/**
	 * Handle a callee's ERROR for an INVOCATION: pass it on to the caller.
	 * @param callee the callee
	 * @param error the message
	 */
	public void calleeError(RouterSession callee, ErrorMessage error) {
		PendingCall pending = callee.calls().asCallee.get(error.requestId());
		if (pending != null && pending.complete()) {
			// Without its payload the callee's error URI still tells the caller what
			// happened.
			pending.caller.answerCall(pending.callRequestId, new ErrorMessage(CALL, pending.callRequestId,
					error.details(), error.error(), error.args(), error.kwargs()), error.error());
		}
	}

	/**
	 * A callee's YIELD or ERROR arrived but its payload could not be read: fail the call
	 * it answers, so that the caller does not wait for it.
	 * @param callee the callee
	 * @param invocationId the INVOCATION the message answered
	 * @param uri the error URI for the caller
	 * @param message what was wrong
	 */
	public void calleeFailed(RouterSession callee, long invocationId, String uri, String message) {
		PendingCall pending = callee.calls().asCallee.get(invocationId);
		if (pending != null && pending.complete()) {
			pending.caller.error(CALL, pending.callRequestId, uri, message);
		}
	}

	private static void interrupt(PendingCall pending, String reason) {
		if (pending.callee.features().calleeCanceling()) {
			pending.callee.send(new Interrupt(pending.invocationId, Map.of("mode", "killnowait", "reason", reason)));
		}
	}

	/**
	 * Handle a caller's CANCEL in mode skip, kill or killnowait.
	 * @param caller the caller
	 * @param cancel the message
	 */
	public void cancel(RouterSession caller, Cancel cancel) {
		PendingCall pending = caller.calls().asCaller.get(cancel.requestId());
		if (pending == null) {
			return;
		}
		String mode = Dicts.string(cancel.options(), "mode");
		if (mode == null) {
			mode = "killnowait";
		}
		if (!mode.equals("skip") && !mode.equals("kill") && !mode.equals("killnowait")) {
			caller.error(WampMessageType.CANCEL, cancel.requestId(), WampUris.INVALID_ARGUMENT,
					"'mode' must be one of skip, kill, killnowait, got '" + mode + "'");
			return;
		}
		if (!pending.callee.features().calleeCanceling()) {
			mode = "skip";
		}
		switch (mode) {
			case "kill" -> {
				if (!pending.isDone() && !pending.killRequested) {
					pending.killRequested = true;
					pending.callee.send(new Interrupt(pending.invocationId, Map.of("mode", "kill")));
					// Some callees (Autobahn|Python 22) stop the handler but never
					// answer: do not let the caller wait forever for the callee's ERROR.
					this.context.timer().newTimeout((t) -> {
						if (pending.complete()) {
							caller.error(CALL, pending.callRequestId, WampUris.CANCELED,
									"the call was canceled; the callee did not answer the interrupt within "
											+ KILL_ANSWER_WAIT.toMillis() + " ms");
						}
					}, KILL_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			case "killnowait" -> {
				if (pending.complete()) {
					pending.callee.send(new Interrupt(pending.invocationId, Map.of("mode", "killnowait")));
					caller.error(CALL, pending.callRequestId, WampUris.CANCELED, "the call was canceled");
				}
			}
			default -> {
				if (pending.complete()) {
					caller.error(CALL, pending.callRequestId, WampUris.CANCELED, "the call was canceled");
				}
			}
		}
	}

	private void timedOut(PendingCall pending, long timeout) {
		if (!pending.complete()) {
			return;
		}
		interrupt(pending, WampUris.TIMEOUT);
		pending.caller.error(CALL, pending.callRequestId, WampUris.TIMEOUT,
				"call to '" + pending.procedure + "' timed out after " + timeout + " ms");
	}

	private void calleeGone(PendingCall pending) {
		if (pending.complete()) {
			pending.caller.error(CALL, pending.callRequestId, WampUris.CANCELED,
					"the callee of '" + pending.procedure + "' left before answering");
		}
	}

	// Sessions leaving

	/**
	 * A session left the realm: drop its registrations, fail the calls it was to answer
	 * and interrupt the calls it made.
	 * @param session the session
	 */
	public void sessionLeft(RouterSession session) {
		List<Registration> deleted = new ArrayList<>();
		List<Registration> removed = new ArrayList<>(session.calls().registrations);
		synchronized (this.lock) {
			for (Registration registration : removed) {
				registration.removeCallee(session);
				if (registration.callees.length == 0) {
					this.index.remove(registration);
					deleted.add(registration);
				}
			}
		}
		session.calls().registrations.clear();
		for (PendingCall pending : new ArrayList<>(session.calls().asCallee.values())) {
			calleeGone(pending);
		}
		for (PendingCall pending : new ArrayList<>(session.calls().asCaller.values())) {
			if (pending.complete() && pending.callee.features().calleeCanceling()) {
				pending.callee.send(new Interrupt(pending.invocationId, Map.of("mode", "killnowait")));
			}
		}
		for (Registration registration : removed) {
			this.context.registrationRemoved(session, registration, false);
			if (deleted.contains(registration)) {
				this.context.registrationRemoved(session, registration, true);
			}
		}
		if (!deleted.isEmpty()) {
			logger.debug("Session {} left: deleted {} registrations", session.id(), deleted.size());
		}
	}

	/**
	 * The calls in flight in the realm.
	 * @return how many
	 */
	public int pendingCalls() {
		int count = 0;
		for (RouterSession session : this.context.sessions()) {
			count += session.calls().asCaller.size();
		}
		return count;
	}

}
