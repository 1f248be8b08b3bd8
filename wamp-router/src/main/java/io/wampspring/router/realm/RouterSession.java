package io.wampspring.router.realm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.netty.util.Timeout;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unsubscribe;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.auth.SessionRestriction;
import io.wampspring.router.broker.SessionSubscriptions;
import io.wampspring.router.config.ConnectionLimit;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.dealer.SessionCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The router's side of one WAMP session, independent of the transport. A transport hands
 * it every decoded message with {@link #receive(WampMessage)} (one at a time, in order),
 * reports undecodable input with {@link #protocolError(String)} and a lost connection
 * with {@link #transportClosed()}; the session answers through its {@link Outbound}.
 * <p>
 * The session runs the handshake (HELLO, CHALLENGE/AUTHENTICATE, WELCOME or ABORT), hands
 * established traffic to its realm's dealer and broker, and ends itself with an ABORT
 * {@code wamp.error.protocol_violation} when the client breaks the protocol, leaving the
 * router and every other session untouched.
 */
public final class RouterSession {

	private static final Logger logger = LoggerFactory.getLogger(RouterSession.class);

	private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(30);

	enum State {

		NEW, AUTHENTICATING, CHALLENGED, ESTABLISHED, CLOSING, CLOSED

	}

	private final RouterCore core;

	private final Outbound out;

	private volatile State state = State.NEW;

	private volatile @Nullable Realm realm;

	private volatile @Nullable SessionIdentity identity;

	private volatile long id;

	private @Nullable AuthRequest authRequest;

	private @Nullable Authenticator authenticator;

	private @Nullable Object authState;

	private volatile @Nullable SessionRestriction restriction;

	private final AtomicBoolean restrictionEnded = new AtomicBoolean();

	/** What the client announced in HELLO; replaced once, when HELLO comes. */
	private volatile PeerFeatures features = PeerFeatures.NONE;

	volatile Instant joinedAt = Instant.EPOCH;

	private final SessionCalls calls = new SessionCalls();

	private final SessionSubscriptions subscriptions = new SessionSubscriptions();

	final Testaments testaments = new Testaments();

	private final AtomicBoolean left = new AtomicBoolean();

	/** The pending HELLO or AUTHENTICATE deadline. */
	private volatile @Nullable Timeout handshakeDeadline;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private final Map<String, Authorization>[] authCache = new Map[Action.values().length];

	RouterSession(RouterCore core, Outbound out) {
		this.core = core;
		this.out = out;
		for (int i = 0; i < this.authCache.length; i++) {
			this.authCache[i] = new ConcurrentHashMap<>();
		}
		awaitHandshake(State.NEW, ConnectionLimit.HELLO_TIMEOUT, core.limits().helloTimeout());
	}

	/**
	 * The session id.
	 * @return the id, or 0 before WELCOME
	 */
	public long id() {
		return this.id;
	}

	/**
	 * Who the session is.
	 * @return the identity, or null before WELCOME
	 */
	public @Nullable SessionIdentity identity() {
		return this.identity;
	}

	/**
	 * Whether the session is established (WELCOME sent, not yet closing).
	 * @return true when established
	 */
	public boolean isEstablished() {
		return this.state == State.ESTABLISHED;
	}

	/**
	 * Whether the session has ended.
	 * @return true once it left its realm or was closed
	 */
	public boolean isClosed() {
		return this.state == State.CLOSED || this.left.get();
	}

	/**
	 * Change the state only from an expected one; handshake steps that complete on other
	 * threads (an authenticator's answer) race with aborts, kills and shutdown.
	 */
	private synchronized boolean transition(State from, State to) {
		if (this.state != from) {
			return false;
		}
		this.state = to;
		return true;
	}

	private synchronized State close() {
		State previous = this.state;
		this.state = State.CLOSED;
		cancelHandshakeDeadline();
		return previous;
	}

	Outbound outbound() {
		return this.out;
	}

	@Nullable Realm realm() {
		return this.realm;
	}

	/**
	 * Who the session is, once established. Internal to the embedded router; not an API.
	 * @return the identity
	 * @throws IllegalStateException before WELCOME
	 */
	public SessionIdentity requireIdentity() {
		SessionIdentity current = this.identity;
		if (current == null) {
			throw new IllegalStateException("session not established");
		}
		return current;
	}

	/**
	 * The features the client announced in HELLO. Internal to the embedded router; not an
	 * API.
	 * @return the features, none before HELLO
	 */
	public PeerFeatures features() {
		return this.features;
	}

	/**
	 * The dealer's state of this session. Internal to the embedded router; not an API.
	 * @return the state
	 */
	public SessionCalls calls() {
		return this.calls;
	}

	/**
	 * The broker's state of this session. Internal to the embedded router; not an API.
	 * @return the state
	 */
	public SessionSubscriptions subscriptions() {
		return this.subscriptions;
	}

	/**
	 * How many bytes wait to be written to the client (a slow reader's backlog). Internal
	 * to the embedded router; not an API.
	 * @return the bytes
	 */
	public long pendingBytes() {
		return this.out.pendingBytes();
	}

	// Inbound

	/**
	 * Handle a message from the client.
	 * @param message the decoded message
	 */
	public void receive(WampMessage message) {
		try {
			switch (this.state) {
				case NEW -> {
					if (message instanceof Hello hello) {
						cancelHandshakeDeadline();
						String problem = HelloDetails.problem(hello.details());
						if (problem != null) {
							protocolViolation(problem);
							return;
						}
						onHello(hello);
					}
					else if (message instanceof Abort) {
						closeTransport("client aborted before HELLO");
					}
					else {
						protocolViolation("expected HELLO as the first message, got " + name(message));
					}
				}
				case AUTHENTICATING -> {
					if (message instanceof Abort) {
						end("client aborted during authentication");
					}
					else {
						protocolViolation("got " + name(message) + " while authentication is in progress");
					}
				}
				case CHALLENGED -> {
					if (message instanceof Authenticate authenticate) {
						cancelHandshakeDeadline();
						onAuthenticate(authenticate);
					}
					else if (message instanceof Abort) {
						end("client aborted during authentication");
					}
					else {
						protocolViolation("expected AUTHENTICATE after CHALLENGE, got " + name(message));
					}
				}
				case ESTABLISHED -> onEstablished(message);
				case CLOSING -> {
					if (message instanceof Goodbye || message instanceof Abort) {
						closeTransport("session closed");
					}
				}
				case CLOSED -> {
					// Late messages of a closed session are dropped.
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// Options of the wrong type (Dicts) and similar malformed content.
			protocolViolation("malformed " + name(message) + ": " + ex.getMessage());
		}
	}

	/**
	 * A frame could not be decoded into a message. When the decoder could read the
	 * message's structure and request id but not a URI or a payload value (a
	 * {@link WampProtocolException} whose {@link WampProtocolException#errorUri() error
	 * URI} is not {@code wamp.error.protocol_violation}), only that message fails and the
	 * session goes on, as the specification asks: a request is answered with ERROR of
	 * that URI, a YIELD or ERROR of a callee fails the call it answers, a PUBLISH without
	 * {@code acknowledge} is dropped (and counted). Anything else ends the session with
	 * ABORT {@code wamp.error.protocol_violation}.
	 * @param codecName the codec's subprotocol name, for the message
	 * @param ex the decoder's error
	 * @return whether the session goes on (the transport may read the next frame)
	 */
	public boolean undecodable(String codecName, RuntimeException ex) {
		if (ex instanceof WampProtocolException protocol && !WampUris.PROTOCOL_VIOLATION.equals(protocol.errorUri())
				&& this.state == State.ESTABLISHED) {
			boolean payload = !WampUris.INVALID_URI.equals(protocol.errorUri());
			if (payload) {
				this.core.invalidPayloads.increment();
			}
			if (protocol.requestId() != 0) {
				answerUndecodable(protocol);
				return true;
			}
			if (protocol.messageType() == WampMessageType.PUBLISH) {
				// An unacknowledged PUBLISH expects no answer, not even an error.
				logger.debug("Session {} published {}: {}", this.id,
						payload ? "an unreadable payload" : "to an invalid URI", protocol.getMessage());
				return true;
			}
		}
		String what = (ex instanceof WampProtocolException) ? ex.getMessage() : ex.toString();
		protocolViolation("could not decode a " + codecName + " message: " + what);
		return false;
	}

	/**
	 * Answer a message that was well formed but could not be read entirely (an invalid
	 * URI, a payload value the codec cannot map): the request with ERROR, or, for a YIELD
	 * or an ERROR of the callee, the call it answers.
	 */
	private void answerUndecodable(WampProtocolException protocol) {
		int type = protocol.messageType();
		Realm current = this.realm;
		if ((type == WampMessageType.YIELD || type == WampMessageType.ERROR) && current != null) {
			current.dealer.calleeFailed(this, protocol.requestId(), protocol.errorUri(),
					"the callee's answer could not be read: " + protocol.getMessage());
			return;
		}
		error(type, protocol.requestId(), protocol.errorUri(), protocol.getMessage());
	}

	/**
	 * The transport could not decode a frame (or it broke a transport rule such as the
	 * size limit): end the session with an ABORT naming what was wrong.
	 * @param what what was wrong, for the client to read
	 */
	public void protocolError(String what) {
		protocolViolation(what);
	}

	/**
	 * The transport closes the connection because it reached one of the router's limits
	 * (the transport logs and counts it): send ABORT {@code wamp.error.limit_exceeded},
	 * leave the realm and close.
	 * @param what which limit, for the client to read
	 */
	public void limitExceeded(String what) {
		abort(RouterLimits.LIMIT_EXCEEDED, what);
	}

	/**
	 * The transport is gone: leave the realm, failing what is pending.
	 */
	public void transportClosed() {
		State previous = close();
		if (previous == State.ESTABLISHED) {
			logger.info("Session {} lost its transport", this.id);
		}
		leave();
		this.core.forget(this);
	}

	/**
	 * Close the transport now, without a GOODBYE (the router is stopping).
	 * @param reason a readable reason
	 */
	void forceClose(String reason) {
		leave();
		closeTransport(reason);
	}

	private void onEstablished(WampMessage message) {
		Realm current = this.realm;
		if (current == null) {
			return;
		}
		switch (message.type()) {
			case WampMessageType.CALL -> current.dealer.call(this, (Call) message);
			case WampMessageType.YIELD -> current.dealer.yield(this, (Yield) message);
			case WampMessageType.ERROR -> {
				ErrorMessage error = (ErrorMessage) message;
				if (error.requestType() != WampMessageType.INVOCATION) {
					protocolViolation("ERROR may only answer an INVOCATION, got an ERROR for "
							+ WampMessageType.name(error.requestType()));
					return;
				}
				current.dealer.calleeError(this, error);
			}
			case WampMessageType.CANCEL -> current.dealer.cancel(this, (Cancel) message);
			case WampMessageType.REGISTER -> current.dealer.register(this, (Register) message);
			case WampMessageType.UNREGISTER -> current.dealer.unregister(this, (Unregister) message);
			case WampMessageType.PUBLISH -> current.broker.publish(this, (Publish) message);
			case WampMessageType.SUBSCRIBE -> current.broker.subscribe(this, (Subscribe) message);
			case WampMessageType.UNSUBSCRIBE -> current.broker.unsubscribe(this, (Unsubscribe) message);
			case WampMessageType.GOODBYE -> {
				logger.info("Session {} left realm '{}' ({})", this.id, current.name(), ((Goodbye) message).reason());
				leave();
				close();
				this.out.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
				closeTransport("session closed");
			}
			case WampMessageType.ABORT -> end("client aborted");
			case WampMessageType.HELLO -> protocolViolation("got a second HELLO in an established session");
			default -> protocolViolation(name(message) + " is not a message a client may send to a router");
		}
	}

	// Handshake

	private void onHello(Hello hello) {
		Realm target = this.core.realmFor(hello.realm());
		if (target == null && this.core.isShuttingDown()) {
			abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down");
			return;
		}
		if (target == null) {
			abort(WampUris.NO_SUCH_REALM,
					"no realm '" + hello.realm() + "' on this router; known realms: " + this.core.realmNamesText());
			return;
		}
		Map<String, Object> details = hello.details();
		List<String> methods = new ArrayList<>();
		List<@Nullable Object> offered = Dicts.list(details, "authmethods");
		if (offered == null || offered.isEmpty()) {
			methods.add("anonymous");
		}
		else {
			for (Object method : offered) {
				methods.add(String.valueOf(method));
			}
		}
		readFeatures(details);
		Map<String, Object> authextra = Dicts.dict(details, "authextra");
		this.id = target.newSessionId();
		AuthRequest request = new AuthRequest(target.name(), this.id, Dicts.string(details, "authid"), methods,
				(authextra != null) ? authextra : Map.of(), details, this.out.kind(), this.out::channelBinding);
		this.realm = target;
		this.authRequest = request;
		Authenticator chosen = target.authenticatorFor(request);
		if (chosen == null) {
			List<String> enabled = target.authMethods();
			boolean anyEnabled = methods.stream().anyMatch(enabled::contains);
			if (anyEnabled) {
				rejectAuthentication(WampUris.NO_SUCH_PRINCIPAL, "no principal '" + request.authid() + "' for methods "
						+ methods + " on realm '" + target.name() + "'");
			}
			else {
				rejectAuthentication(WampUris.NO_AUTH_METHOD, "none of the offered authentication methods " + methods
						+ " is enabled on realm '" + target.name() + "' (enabled: " + enabled + ")");
			}
			return;
		}
		this.authenticator = chosen;
		if (transition(State.NEW, State.AUTHENTICATING)) {
			Authenticator method = chosen;
			run(() -> method.begin(request));
		}
	}

	private void onAuthenticate(Authenticate authenticate) {
		Authenticator current = this.authenticator;
		AuthRequest request = this.authRequest;
		if (current == null || request == null) {
			protocolViolation("AUTHENTICATE without a pending CHALLENGE");
			return;
		}
		if (!transition(State.CHALLENGED, State.AUTHENTICATING)) {
			return;
		}
		Object state = this.authState;
		run(() -> current.authenticate(request, state, authenticate.signature(), authenticate.extra()));
	}

	private void run(Supplier<Mono<AuthDecision>> step) {
		Mono<AuthDecision> decision;
		try {
			// An authenticator that throws instead of signalling an error still fails
			// cleanly.
			decision = step.get();
		}
		catch (RuntimeException ex) {
			onAuthError(ex);
			return;
		}
		decision.timeout(AUTH_TIMEOUT)
			.switchIfEmpty(Mono.fromSupplier(() -> AuthDecision.reject("the authenticator gave no answer")))
			.subscribe(this::onDecision, this::onAuthError);
	}

	private void onAuthError(Throwable ex) {
		if (this.state != State.AUTHENTICATING) {
			return;
		}
		AuthRequest request = this.authRequest;
		Authenticator method = this.authenticator;
		AuthenticationFailures.Answer answer = this.core.authFailures.failed(realmName(),
				(request != null) ? request.authid() : null, (method != null) ? method.authMethod() : null, ex);
		abort(answer.uri(), answer.message());
	}

	/**
	 * Log, count and answer a rejected handshake; the client reads what the policy says.
	 */
	private void rejectAuthentication(String reason, String detail) {
		AuthRequest request = this.authRequest;
		Authenticator method = this.authenticator;
		AuthenticationFailures.Answer answer = this.core.authFailures.rejected(realmName(),
				(request != null) ? request.authid() : null, (method != null) ? method.authMethod() : null, reason,
				detail);
		abort(answer.uri(), answer.message());
	}

	private void onDecision(AuthDecision decision) {
		if (this.state != State.AUTHENTICATING) {
			return;
		}
		if (decision instanceof AuthDecision.Accept accept) {
			welcome(accept);
		}
		else if (decision instanceof AuthDecision.Challenge challenge) {
			this.authState = challenge.state();
			if (!transition(State.AUTHENTICATING, State.CHALLENGED)) {
				return;
			}
			// Armed before the CHALLENGE leaves, so that its AUTHENTICATE always finds it
			// to cancel.
			awaitHandshake(State.CHALLENGED, ConnectionLimit.AUTHENTICATE_TIMEOUT,
					this.core.limits().authenticateTimeout());
			send(new Challenge(this.authenticator.authMethod(), challenge.extra()));
		}
		else if (decision instanceof AuthDecision.Reject reject) {
			rejectAuthentication(reject.reason(), reject.message());
		}
	}

	private void welcome(AuthDecision.Accept accept) {
		Realm target = this.realm;
		Authenticator method = this.authenticator;
		if (target == null || method == null) {
			return;
		}
		this.identity = new SessionIdentity(target.name(), this.id, accept.authid(), accept.authrole(),
				method.authMethod(), accept.authprovider(), this.out.kind(), accept.authextra());
		this.restriction = accept.restriction();
		this.joinedAt = Instant.now();
		this.authState = null;
		if (!transition(State.AUTHENTICATING, State.ESTABLISHED)) {
			return;
		}
		target.join(this);
		if (this.state != State.ESTABLISHED) {
			// Aborted, killed or disconnected while joining: make sure the realm forgets
			// it.
			target.leave(this);
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("realm", target.name());
		details.put("authid", accept.authid());
		details.put("authrole", accept.authrole());
		details.put("authmethod", method.authMethod());
		details.put("authprovider", accept.authprovider());
		if (!accept.authextra().isEmpty()) {
			details.put("authextra", accept.authextra());
		}
		details.put("roles", RouterFeatures.ROLES);
		send(new Welcome(this.id, details));
		logger.info("Session {} joined realm '{}' as '{}' (role '{}', {})", this.id, target.name(), accept.authid(),
				accept.authrole(), method.authMethod());
		target.meta.sessionJoined(this);
	}

	@SuppressWarnings("unchecked")
	private void readFeatures(Map<String, Object> details) {
		Object roles = details.get("roles");
		if (!(roles instanceof Map)) {
			return;
		}
		Map<String, Object> callee = featuresOf((Map<String, Object>) roles, "callee");
		Map<String, Object> caller = featuresOf((Map<String, Object>) roles, "caller");
		Map<String, Object> subscriber = featuresOf((Map<String, Object>) roles, "subscriber");
		boolean calleeCanceling = Boolean.TRUE.equals(callee.get("call_canceling"));
		boolean calleeProgressive = Boolean.TRUE.equals(callee.get("progressive_call_results"));
		boolean callerStreams = Boolean.TRUE.equals(caller.get("progressive_call_invocations"));
		boolean calleeStreams = calleeCanceling && Boolean.TRUE.equals(callee.get("progressive_call_invocations"));
		boolean calleeRevocation = Boolean.TRUE.equals(callee.get("registration_revocation"));
		boolean subscriberRevocation = Boolean.TRUE.equals(subscriber.get("subscription_revocation"));
		this.features = new PeerFeatures(calleeCanceling, calleeProgressive, callerStreams, calleeStreams,
				calleeRevocation, subscriberRevocation);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> featuresOf(Map<String, Object> roles, String role) {
		if (roles.get(role) instanceof Map<?, ?> r && r.get("features") instanceof Map<?, ?> f) {
			return (Map<String, Object>) f;
		}
		return Map.of();
	}

	// Authorization

	/**
	 * Decide whether the session may act on a URI, with the realm's authorizer and the
	 * session's own restriction; decisions of a cacheable authorizer are cached per
	 * session. Internal to the embedded router; not an API.
	 * @param action the action
	 * @param uri the URI
	 * @return the decision; a denial is counted and logged
	 */
	public Authorization authorize(Action action, String uri) {
		Realm current = this.realm;
		SessionIdentity who = this.identity;
		if (current == null || who == null) {
			return Authorization.DENY;
		}
		SessionRestriction limits = this.restriction;
		if (limits != null && !limits.isValid()) {
			// the API key it logged in with expired or was deleted
			this.core.authorizationDenials.increment();
			if (this.restrictionEnded.compareAndSet(false, true)) {
				logger.info("Session {} (authid '{}'): the credential it logged in with expired or was deleted; "
						+ "every action is denied", who.session(), who.authid());
			}
			return Authorization.DENY;
		}
		Authorizer authorizer = current.authorizer();
		if (authorizer == Authorizer.ALLOW_ALL && limits == null) {
			return Authorization.ALLOW;
		}
		if (authorizer.cacheable() || authorizer == Authorizer.ALLOW_ALL) {
			Map<String, Authorization> cache = this.authCache[action.ordinal()];
			Authorization cached = cache.get(uri);
			if (cached != null) {
				return cached;
			}
			int generation = current.generation();
			Authorization decided = decide(authorizer, who, action, uri);
			if (cache.size() < 1024) {
				cache.put(uri, decided);
				if (generation != current.generation()) {
					// the realm was reconfigured meanwhile: the decision may be stale
					cache.remove(uri);
				}
			}
			return decided;
		}
		return decide(authorizer, who, action, uri);
	}

	/**
	 * Drop the cached authorization decisions: the realm's permissions changed.
	 */
	void forgetAuthorizations() {
		for (Map<String, Authorization> cache : this.authCache) {
			cache.clear();
		}
	}

	private Authorization decide(Authorizer authorizer, SessionIdentity who, Action action, String uri) {
		Authorization decided;
		try {
			decided = authorizer.authorize(who, action, uri);
			SessionRestriction limits = this.restriction;
			if (decided.allowed() && limits != null
					&& !limits.permits((action == Action.RETAIN) ? Action.PUBLISH : action, uri)) {
				decided = Authorization.DENY;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Authorizer failed for session {} ({} '{}'): {}", who.session(), action, uri, ex.toString());
			decided = Authorization.DENY;
		}
		if (!decided.allowed()) {
			this.core.authorizationDenials.increment();
			logger.info("Denied {} on '{}' to session {} (authid '{}', role '{}')", action, uri, who.session(),
					who.authid(), who.authrole());
		}
		return decided;
	}

	// Outbound

	/**
	 * Send the client a message; a message its serializer cannot hold is counted and
	 * logged (and ends a handshake it was part of). Internal to the embedded router; not
	 * an API.
	 * @param message the message
	 */
	public void send(WampMessage message) {
		try {
			deliver(message);
		}
		catch (UnencodableMessageException ex) {
			undeliverable(ex);
			if (message instanceof Welcome || message instanceof Challenge) {
				// The handshake cannot complete (a tiny RawSocket maximum): say so, do
				// not leave the client waiting.
				abort(RouterLimits.LIMIT_EXCEEDED, ex.getMessage());
			}
		}
	}

	/**
	 * Send a message whose payload came from another session, so that the caller can
	 * answer its sender when this session's serializer cannot hold it. Internal to the
	 * embedded router; not an API.
	 * @param message the message
	 * @throws UnencodableMessageException when this session's serializer cannot encode it
	 */
	public void deliver(WampMessage message) {
		if (this.state == State.CLOSED && !(message instanceof Abort || message instanceof Goodbye)) {
			return;
		}
		this.out.send(message);
	}

	/**
	 * Send an event. Internal to the embedded router; not an API.
	 * @param message the event
	 * @throws UnencodableMessageException when this session's serializer cannot encode it
	 */
	public void deliver(SharedMessage message) {
		if (this.state == State.ESTABLISHED) {
			this.out.send(message);
		}
	}

	/**
	 * Count and log a message this session's serializer could not encode. Internal to the
	 * embedded router; not an API.
	 * @param ex what went wrong
	 */
	public void undeliverable(UnencodableMessageException ex) {
		this.core.undeliverableMessages.increment();
		logger.info("Could not send session {} a message: {}", this.id, ex.getMessage());
	}

	/**
	 * Answer a request with ERROR. Internal to the embedded router; not an API.
	 * @param requestType the request's message type
	 * @param requestId the request id
	 * @param uri the error URI
	 * @param message a readable message, the ERROR's only argument
	 */
	public void error(int requestType, long requestId, String uri, String message) {
		if (requestType == WampMessageType.CALL) {
			this.core.callErrors.increment();
		}
		send(new ErrorMessage(requestType, requestId, Map.of(), uri, List.of(message), Map.of()));
	}

	/**
	 * Send the caller the RESULT or ERROR of its call; when its serializer cannot hold
	 * the payload, an ERROR of the fallback URI that says so instead, so that the call
	 * does not wait forever. Internal to the embedded router; not an API.
	 * @param requestId the CALL's request id
	 * @param answer the RESULT or ERROR
	 * @param fallbackUri the error URI when the answer cannot be sent
	 */
	public void answerCall(long requestId, WampMessage answer, String fallbackUri) {
		try {
			deliver(answer);
		}
		catch (UnencodableMessageException ex) {
			undeliverable(ex);
			error(WampMessageType.CALL, requestId, fallbackUri, ex.getMessage());
		}
	}

	/**
	 * End the session because the client broke the protocol. Internal to the embedded
	 * router; not an API.
	 * @param what what was wrong
	 */
	public void protocolViolation(String what) {
		if (this.state == State.CLOSED) {
			return;
		}
		logger.info("Session {} on realm '{}' broke the protocol: {}", this.id, realmName(), what);
		this.core.protocolViolations.increment();
		abort(WampUris.PROTOCOL_VIOLATION, what);
	}

	/**
	 * Send ABORT, leave the realm and close the transport.
	 */
	void abort(String reason, String message) {
		if (close() == State.CLOSED) {
			return;
		}
		this.out.send(new Abort(Map.of("message", message), reason));
		leave();
		closeTransport(reason);
	}

	/**
	 * Router-initiated close: send GOODBYE, leave the realm, and close the transport when
	 * the client answers (or after a second).
	 * @param reason the close reason URI
	 * @param message a readable message, or null to send none
	 */
	public void goodbye(String reason, @Nullable String message) {
		if (!transition(State.ESTABLISHED, State.CLOSING)) {
			State current = this.state;
			if (current != State.CLOSED && current != State.CLOSING) {
				abort(reason, (message != null) ? message : reason);
			}
			return;
		}
		this.out.send(new Goodbye((message != null) ? Map.of("message", message) : Map.of(), reason));
		leave();
		this.core.timer().newTimeout((t) -> closeTransport(reason), 1, TimeUnit.SECONDS);
	}

	private void end(String why) {
		close();
		leave();
		closeTransport(why);
	}

	private void closeTransport(String reason) {
		close();
		this.out.close(reason);
	}

	private void leave() {
		// Idempotent: the realm removes a session once.
		this.left.set(true);
		Realm current = this.realm;
		if (current != null && this.identity != null) {
			current.leave(this);
		}
	}

	// Handshake deadlines

	private void awaitHandshake(State waiting, ConnectionLimit limit, Duration timeout) {
		this.handshakeDeadline = this.core.schedule(() -> handshakeTimedOut(waiting, limit, timeout), timeout);
	}

	private void cancelHandshakeDeadline() {
		Timeout deadline = this.handshakeDeadline;
		if (deadline != null) {
			deadline.cancel();
			this.handshakeDeadline = null;
		}
	}

	private void handshakeTimedOut(State waiting, ConnectionLimit limit, Duration timeout) {
		if (this.state != waiting) {
			return;
		}
		String what = (limit == ConnectionLimit.HELLO_TIMEOUT)
				? "no HELLO within " + timeout.toMillis() + " ms of the connection opening"
				: "no AUTHENTICATE within " + timeout.toMillis() + " ms of the CHALLENGE";
		String from = this.out.remoteAddress();
		logger.info("Closed a {} connection{}: {} (limits.{})", this.out.kind(), (from != null) ? " from " + from : "",
				what, limit.property());
		this.core.closedFor(limit);
		abort(WampUris.TIMEOUT, what);
	}

	private String realmName() {
		Realm current = this.realm;
		return (current != null) ? current.name() : "?";
	}

	private static String name(WampMessage message) {
		return WampMessageType.name(message.type());
	}

	@Override
	public String toString() {
		return "RouterSession[" + this.id + ", " + this.state + "]";
	}

}
