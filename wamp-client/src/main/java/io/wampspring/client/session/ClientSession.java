package io.wampspring.client.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.CancelMode;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampInvocation;
import io.wampspring.client.auth.AuthContext;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.transport.WampConnection;
import io.wampspring.core.WampException;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.id.RequestIdSequence;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Subscribed;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.Unsubscribe;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The WAMP session protocol machine for one transport connection: HELLO, CHALLENGE and
 * WELCOME, the pending request tables, INVOCATION and EVENT dispatch, GOODBYE. A new
 * instance (with request ids starting at 1) is made for every connection; the
 * {@link io.wampspring.client.WampClient} owns the registrations and subscriptions that
 * outlive it.
 * <p>
 * Inbound messages are handled on the transport's I/O thread without blocking; requests
 * may be made from any thread. Pending tables are concurrent maps keyed by request id.
 * Internal API: applications use {@link io.wampspring.client.WampClient}.
 */
public final class ClientSession {

	private static final Logger logger = LoggerFactory.getLogger(ClientSession.class);

	private final WampConnection connection;

	private final ClientOptions options;

	private final SessionListener listener;

	private final RequestIdSequence requestIds = new RequestIdSequence();

	private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();

	private final Map<Long, PendingRequest> requests = new ConcurrentHashMap<>();

	private final Map<Long, InvocationTarget> registrations = new ConcurrentHashMap<>();

	private final Map<Long, EventTarget> subscriptions = new ConcurrentHashMap<>();

	private final Map<Long, InvocationRunner> invocations = new ConcurrentHashMap<>();

	private final Sinks.One<SessionInfo> welcome = Sinks.one();

	private final Sinks.One<SessionEnd> closed = Sinks.one();

	private final Sinks.Empty<Void> goodbyeReply = Sinks.empty();

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile @Nullable SessionInfo info;

	private volatile boolean leaving;

	// the authentication exchanges of this HELLO, by method, and the method the router challenged
	private volatile Map<String, ClientAuthenticator.Exchange> exchanges = Map.of();

	private volatile @Nullable String challengedMethod;

	private volatile boolean warnedProgress;

	private volatile @Nullable SessionEnd end;

	/**
	 * Create a session on an open connection; nothing is sent until {@link #join()}.
	 * @param connection the connection
	 * @param options the client options (realm, identity, roles, schedulers)
	 * @param listener lifecycle callbacks
	 */
	public ClientSession(WampConnection connection, ClientOptions options, SessionListener listener) {
		this.connection = connection;
		this.options = options;
		this.listener = listener;
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * Send HELLO and wait for WELCOME (answering a CHALLENGE on the way).
	 * @return the session info; an error with {@link WampAuthenticationException} when the
	 * router refused the credentials, or another {@link WampException} for other ABORTs and
	 * a lost transport
	 */
	public Mono<SessionInfo> join() {
		return Mono.defer(() -> {
			Hello hello;
			try {
				hello = hello();
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				// an authenticator that cannot work with these settings or this connection
				WampAuthenticationException error = new WampAuthenticationException(this.options.realm(),
						String.valueOf(ex.getMessage()), ex);
				end(WampUris.TRANSPORT_LOST, error.getMessage(), error);
				return this.welcome.asMono();
			}
			this.connection.inbound().subscribe(this::onMessage, this::onInboundError, this::onInboundComplete);
			this.connection.send(hello).subscribe(null, (error) -> end(WampUris.TRANSPORT_LOST,
					"could not send HELLO: " + error.getMessage(), error));
			return this.welcome.asMono();
		});
	}

	/**
	 * Give the session up without waiting: leave with GOODBYE when it is joined, else just
	 * close the connection.
	 * @param timeout how long the GOODBYE may wait for the router's answer
	 */
	public void dispose(Duration timeout) {
		if (this.info != null) {
			leave(timeout).subscribe(null, (error) -> {
			});
		}
		else {
			end(WampUris.SESSION_CLOSED, "the client gave up joining", null);
		}
	}

	private Hello hello() {
		Map<String, Object> details = new LinkedHashMap<>();
		Map<String, Object> roles = new LinkedHashMap<>();
		this.options.roleFeatures().forEach((role, features) -> roles.put(role, Map.of("features", features)));
		details.put("roles", roles);
		details.put("agent", "wamp-spring-boot");
		if (this.options.authid() != null) {
			details.put("authid", this.options.authid());
		}
		List<Object> methods = new ArrayList<>();
		Map<String, Object> authExtra = new LinkedHashMap<>();
		Map<String, ClientAuthenticator.Exchange> started = new LinkedHashMap<>();
		AuthContext context = new AuthContext(this.options.realm(), this.options.authid(),
				this.options.transport().describe(), this.connection.isSecure(), this.connection.tlsUnique());
		for (ClientAuthenticator authenticator : this.options.authenticators()) {
			ClientAuthenticator.Exchange exchange = authenticator.start(context);
			started.put(authenticator.authMethod(), exchange);
			methods.add(authenticator.authMethod());
			authExtra.putAll(exchange.helloAuthExtra());
		}
		this.exchanges = Collections.unmodifiableMap(started);
		details.put("authmethods", methods);
		if (!authExtra.isEmpty()) {
			details.put("authextra", authExtra);
		}
		return new Hello(this.options.realm(), details);
	}

	/**
	 * Leave the session: send GOODBYE ({@code wamp.close.normal}), wait for the router's
	 * GOODBYE up to the timeout, close the connection. Pending requests fail with
	 * {@link WampUris#SESSION_CLOSED}.
	 * @param timeout how long to wait for the router's answer
	 * @return a Mono that completes when the connection is closed
	 */
	public Mono<Void> leave(Duration timeout) {
		return Mono.defer(() -> {
			if (this.ended.get()) {
				return Mono.empty();
			}
			this.leaving = true;
			return this.connection.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL))
				.then(this.goodbyeReply.asMono())
				.timeout(timeout)
				.onErrorResume((error) -> {
					logger.debug("no GOODBYE from the router within {} ms: {}", timeout.toMillis(), error.toString());
					return Mono.empty();
				})
				.then(Mono.fromRunnable(() -> end(WampUris.SESSION_CLOSED, "closed by the application", null)))
				.then(this.connection.close());
		});
	}

	/**
	 * Wait until no invocation is running in a handler, or the timeout passed, or the
	 * session ended.
	 * @param timeout the longest wait
	 * @return a Mono that completes (never errors) when one of them happened
	 */
	public Mono<Void> awaitInvocations(Duration timeout) {
		if (timeout.isZero() || this.invocations.isEmpty()) {
			return Mono.empty();
		}
		// shutdown path only: a short poll keeps the hot path free of idle bookkeeping
		return Flux.interval(Duration.ofMillis(10))
			.filter((tick) -> this.invocations.isEmpty() || this.ended.get())
			.next()
			.then()
			.timeout(timeout, Mono.fromRunnable(() -> logger.info(
					"{} invocations still running after {} ms, leaving anyway", this.invocations.size(), timeout.toMillis())));
	}

	/**
	 * Completes once when the session ended, for whatever reason.
	 * @return the end
	 */
	public Mono<SessionEnd> closed() {
		return this.closed.asMono();
	}

	/**
	 * Whether the session was welcomed and has not ended.
	 * @return true when requests may be sent
	 */
	public boolean isJoined() {
		return this.info != null && !this.ended.get();
	}

	/**
	 * Whether the session ended.
	 * @return true after the end
	 */
	public boolean isEnded() {
		return this.ended.get();
	}

	/**
	 * Why the session ended.
	 * @return the end, or null while the session lives
	 */
	public @Nullable SessionEnd end() {
		return this.end;
	}

	/**
	 * The WELCOME information.
	 * @return the info, or null before WELCOME
	 */
	public @Nullable SessionInfo info() {
		return this.info;
	}

	/**
	 * The connection's protocol, for logs.
	 * @return such as {@code wamp.2.json}
	 */
	public String protocol() {
		return this.connection.protocol();
	}

	/**
	 * Abort the session (a protocol violation, or the application gave up): send ABORT,
	 * close the connection, fail everything pending with {@link WampUris#TRANSPORT_LOST}.
	 * @param reason the ABORT reason URI
	 * @param message the message for the router and the logs
	 */
	public void abort(String reason, String message) {
		if (this.ended.get()) {
			return;
		}
		this.connection.send(new Abort(Map.of("message", message), reason))
			.onErrorResume((error) -> Mono.empty())
			.then(this.connection.close())
			.subscribe();
		end(WampUris.TRANSPORT_LOST, message, new WampProtocolException(message));
	}

	private void end(String pendingUri, String reason, @Nullable Throwable error) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		SessionEnd sessionEnd = new SessionEnd(reason, error);
		this.end = sessionEnd;
		String message = (WampUris.SESSION_CLOSED.equals(pendingUri) ? "session closed: " : "transport lost: ") + reason;
		for (Long id : new ArrayList<>(this.calls.keySet())) {
			PendingCall call = this.calls.remove(id);
			if (call != null) {
				call.fail(new WampException(pendingUri, message + " (call to '" + call.procedure + "')"));
			}
		}
		for (Long id : new ArrayList<>(this.requests.keySet())) {
			PendingRequest request = this.requests.remove(id);
			if (request != null) {
				request.sink.error(new WampException(pendingUri, message + " (" + request.what + ")"));
			}
		}
		for (Long id : new ArrayList<>(this.invocations.keySet())) {
			InvocationRunner runner = this.invocations.remove(id);
			if (runner != null) {
				runner.dispose();
			}
		}
		this.registrations.clear();
		this.subscriptions.clear();
		if (this.info == null) {
			String uri = (error instanceof WampProtocolException) ? WampUris.PROTOCOL_VIOLATION : pendingUri;
			Throwable failure = (error instanceof WampException) ? error
					: new WampException(uri, List.of(message), Map.of(), Map.of(), message, error);
			this.welcome.tryEmitError(failure);
		}
		this.goodbyeReply.tryEmitEmpty();
		if (this.connection.isOpen() && !this.leaving) {
			this.connection.close().subscribe(null, (e) -> {
			});
		}
		this.closed.tryEmitValue(sessionEnd);
	}

	// ---------------------------------------------------------------- inbound

	private void onInboundError(Throwable error) {
		String message = (error instanceof WampProtocolException) ? "protocol violation: " + error.getMessage()
				: "transport failed: " + ((error.getMessage() != null) ? error.getMessage() : error.toString());
		if (error instanceof WampProtocolException && !this.ended.get()) {
			logger.warn("router at realm '{}' sent a message that breaks the protocol, aborting the session: {}",
					this.options.realm(), error.getMessage());
			this.connection.send(new Abort(Map.of("message", String.valueOf(error.getMessage())), WampUris.PROTOCOL_VIOLATION))
				.onErrorResume((e) -> Mono.empty())
				.then(this.connection.close())
				.subscribe();
		}
		end(WampUris.TRANSPORT_LOST, message, error);
	}

	private void onInboundComplete() {
		end(WampUris.TRANSPORT_LOST, "connection to " + this.options.transport().describe() + " closed", null);
	}

	private void protocolViolation(String message) {
		logger.warn("aborting the session on realm '{}': {}", this.options.realm(), message);
		abort(WampUris.PROTOCOL_VIOLATION, message);
	}

	// Runs on the I/O thread.
	private void onMessage(WampMessage message) {
		if (this.ended.get()) {
			return;
		}
		try {
			if (this.info == null) {
				onMessageBeforeWelcome(message);
			}
			else {
				onSessionMessage(message);
			}
		}
		catch (IllegalArgumentException ex) {
			// a details dictionary with an entry of the wrong type
			protocolViolation("invalid " + WampMessageType.name(message.type()) + ": " + ex.getMessage());
		}
	}

	private void onMessageBeforeWelcome(WampMessage message) {
		if (message instanceof Welcome welcomeMessage) {
			if (!routerPassesChecks(welcomeMessage)) {
				return;
			}
			SessionInfo sessionInfo = SessionInfo.of(welcomeMessage.session(), this.options.realm(),
					welcomeMessage.details());
			this.info = sessionInfo;
			this.welcome.tryEmitValue(sessionInfo);
		}
		else if (message instanceof Challenge challenge) {
			onChallenge(challenge);
		}
		else if (message instanceof Abort abort) {
			String routerMessage = Dicts.string(abort.details(), "message");
			WampException error = WampAuthenticationException.isAuthenticationFailure(abort.reason())
					? new WampAuthenticationException(abort.reason(), routerMessage, abort.details(), this.options.realm())
					: new WampException(abort.reason(), (routerMessage != null) ? List.of(routerMessage) : List.of(),
							Map.of(), abort.details(), "router refused to open a session on realm '" + this.options.realm()
									+ "': " + abort.reason() + ((routerMessage != null) ? " (" + routerMessage + ")" : ""),
							null);
			this.connection.close().subscribe(null, (e) -> {
			});
			end(WampUris.TRANSPORT_LOST, error.getMessage(), error);
		}
		else {
			protocolViolation("received " + WampMessageType.name(message.type()) + " before WELCOME");
		}
	}

	private void onChallenge(Challenge challenge) {
		ClientAuthenticator.Exchange exchange = this.exchanges.get(challenge.authMethod());
		if (exchange == null) {
			protocolViolation("router challenged method '" + challenge.authMethod() + "', which the client did not offer"
					+ " (offered: " + this.exchanges.keySet() + ")");
			return;
		}
		this.challengedMethod = challenge.authMethod();
		this.listener.onChallenge(challenge.authMethod());
		Mono.defer(() -> exchange.respond(challenge.extra()))
			.flatMap((response) -> this.connection.send(new Authenticate(response.signature(), response.extra())))
			.subscribe(null, (error) -> failAuthentication("could not answer the router's '" + challenge.authMethod()
					+ "' challenge: " + ((error.getMessage() != null) ? error.getMessage() : error.toString()), error));
	}

	// Methods such as WAMP-SCRAM authenticate the router too: check its proof before joining.
	private boolean routerPassesChecks(Welcome welcome) {
		String method = Dicts.string(welcome.details(), "authmethod");
		String challenged = this.challengedMethod;
		if (method == null) {
			method = challenged;
		}
		ClientAuthenticator.Exchange exchange = (method != null) ? this.exchanges.get(method) : null;
		if (exchange == null) {
			return true;
		}
		Map<String, Object> authExtra = Dicts.dict(welcome.details(), "authextra");
		try {
			exchange.verifyWelcome((authExtra != null) ? authExtra : Map.of(), method.equals(challenged));
			return true;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			failAuthentication(this.options.transport().describe() + ": " + ex.getMessage(), ex);
			return false;
		}
	}

	/**
	 * Give up authenticating: tell the router with ABORT, close, and fail the join with a
	 * {@link WampAuthenticationException} so that reconnection follows the auth failure policy.
	 */
	private void failAuthentication(String problem, @Nullable Throwable cause) {
		if (this.ended.get()) {
			return;
		}
		logger.debug("authentication to realm '{}' failed on the client side: {}", this.options.realm(), problem);
		this.connection.send(new Abort(Map.of("message", problem), WampUris.AUTHENTICATION_FAILED))
			.onErrorResume((error) -> Mono.empty())
			.then(this.connection.close())
			.subscribe(null, (e) -> {
			});
		WampAuthenticationException error = new WampAuthenticationException(this.options.realm(), problem, cause);
		end(WampUris.TRANSPORT_LOST, error.getMessage(), error);
	}

	private void onSessionMessage(WampMessage message) {
		if (message instanceof Result result) {
			onResult(result);
		}
		else if (message instanceof Invocation invocation) {
			onInvocation(invocation);
		}
		else if (message instanceof Event event) {
			EventTarget target = this.subscriptions.get(event.subscription());
			if (target != null) {
				target.dispatch(event);
			}
			else {
				logger.debug("dropping EVENT for unknown subscription {}", event.subscription());
			}
		}
		else if (message instanceof ErrorMessage error) {
			onError(error);
		}
		else if (message instanceof Interrupt interrupt) {
			InvocationRunner runner = this.invocations.get(interrupt.requestId());
			if (runner != null) {
				runner.interrupt(CancelMode.fromWire(interrupt.options().get("mode")));
			}
		}
		else if (message instanceof Registered registered) {
			PendingRequest request = takeRequest(registered.requestId(), WampMessageType.REGISTER);
			if (request != null) {
				this.registrations.put(registered.registration(), (InvocationTarget) request.target);
				request.sink.success(registered.registration());
			}
		}
		else if (message instanceof Subscribed subscribed) {
			PendingRequest request = takeRequest(subscribed.requestId(), WampMessageType.SUBSCRIBE);
			if (request != null) {
				this.subscriptions.put(subscribed.subscription(), (EventTarget) request.target);
				request.sink.success(subscribed.subscription());
			}
		}
		else if (message instanceof Published published) {
			PendingRequest request = takeRequest(published.requestId(), WampMessageType.PUBLISH);
			if (request != null) {
				request.sink.success(published.publication());
			}
		}
		else if (message instanceof Unregistered unregistered) {
			PendingRequest request = takeRequest(unregistered.requestId(), WampMessageType.UNREGISTER);
			if (request != null) {
				this.registrations.remove((Long) request.target);
				request.sink.success();
			}
		}
		else if (message instanceof Unsubscribed unsubscribed) {
			PendingRequest request = takeRequest(unsubscribed.requestId(), WampMessageType.UNSUBSCRIBE);
			if (request != null) {
				this.subscriptions.remove((Long) request.target);
				request.sink.success();
			}
		}
		else if (message instanceof Goodbye goodbye) {
			if (this.leaving) {
				this.goodbyeReply.tryEmitEmpty();
			}
			else {
				String routerMessage = Dicts.string(goodbye.details(), "message");
				String reason = "router closed the session: " + goodbye.reason()
						+ ((routerMessage != null) ? " (" + routerMessage + ")" : "");
				this.connection.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT))
					.onErrorResume((e) -> Mono.empty())
					.then(this.connection.close())
					.subscribe();
				end(WampUris.TRANSPORT_LOST, reason, new WampException(goodbye.reason(), reason));
			}
		}
		else if (message instanceof Abort abort) {
			String routerMessage = Dicts.string(abort.details(), "message");
			String reason = "router aborted the session: " + abort.reason()
					+ ((routerMessage != null) ? " (" + routerMessage + ")" : "");
			this.connection.close().subscribe(null, (e) -> {
			});
			end(WampUris.TRANSPORT_LOST, reason, new WampException(abort.reason(), reason));
		}
		else {
			protocolViolation("a client does not accept " + WampMessageType.name(message.type()));
		}
	}

	private @Nullable PendingRequest takeRequest(long requestId, int type) {
		PendingRequest request = this.requests.get(requestId);
		if (request == null || request.type != type) {
			// late answers to canceled requests are expected; anything else is logged for debugging
			logger.debug("no pending {} with request id {}", WampMessageType.name(type), requestId);
			return null;
		}
		return this.requests.remove(requestId, request) ? request : null;
	}

	private void onResult(Result result) {
		PendingCall call = this.calls.get(result.requestId());
		if (call == null) {
			logger.debug("dropping RESULT for unknown call {}", result.requestId());
			return;
		}
		if (Dicts.bool(result.details(), "progress", false)) {
			call.sink.next(CallResult.of(result));
			return;
		}
		if (this.calls.remove(result.requestId(), call)) {
			call.cancelTimer();
			call.sink.next(CallResult.of(result));
			call.sink.complete();
		}
	}

	private void onError(ErrorMessage error) {
		WampException exception = new WampException(error.error(), error.args(), error.kwargs(), error.details(), null,
				null);
		if (error.requestType() == WampMessageType.CALL) {
			PendingCall call = this.calls.remove(error.requestId());
			if (call != null) {
				call.fail(exception);
			}
			return;
		}
		PendingRequest request = takeRequest(error.requestId(), error.requestType());
		if (request != null) {
			request.sink.error(exception);
		}
	}

	// ---------------------------------------------------------------- RPC

	/**
	 * Call a procedure.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options
	 * @param progressive whether to ask for progressive results
	 * @return the results: progressive ones first (when asked for), then the final one
	 */
	public Flux<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions, boolean progressive) {
		return Flux.create((FluxSink<CallResult> sink) -> {
			if (!isJoined()) {
				sink.error(notJoined("call '" + procedure + "'"));
				return;
			}
			Map<String, Object> wireOptions = callOptions(procedure, callOptions, progressive);
			long id = this.requestIds.next();
			PendingCall call = new PendingCall(procedure, sink, callOptions.cancelMode());
			this.calls.put(id, call);
			sink.onCancel(() -> {
				if (this.calls.remove(id, call)) {
					call.cancelTimer();
					sendCancel(id, call, "the caller canceled");
				}
			});
			long timeout = callOptions.timeout().toMillis();
			if (timeout > 0) {
				call.timer = Schedulers.parallel().schedule(() -> {
					if (this.calls.remove(id, call)) {
						sendCancel(id, call, "the call timed out");
						call.sink.error(new WampException(WampUris.TIMEOUT,
								"call to '" + procedure + "' timed out after " + timeout + " ms"));
					}
				}, timeout, TimeUnit.MILLISECONDS);
			}
			this.connection.send(new Call(id, wireOptions, procedure, Payloads.args(args), Payloads.kwargs(kwargs)))
				.subscribe(null, (error) -> {
					if (this.calls.remove(id, call)) {
						call.fail(sendFailure("call '" + procedure + "'", error));
					}
				});
		});
	}

	// Features the router did not announce are not used silently: fall back and say so.
	private Map<String, Object> callOptions(String procedure, CallOptions callOptions, boolean progressive) {
		SessionInfo sessionInfo = this.info;
		boolean receiveProgress = progressive;
		if (progressive && sessionInfo != null && !sessionInfo.routerSupports("dealer", "progressive_call_results")) {
			receiveProgress = false;
			if (!this.warnedProgress) {
				this.warnedProgress = true;
				logger.info("the router did not announce progressive_call_results: calling '{}' (and later "
						+ "procedures) without receive_progress, only the final result will arrive", procedure);
			}
		}
		Map<String, Object> wire = callOptions.toWire(receiveProgress);
		if (wire.containsKey("timeout") && sessionInfo != null && !sessionInfo.routerSupports("dealer", "call_timeout")) {
			// the client still enforces the timeout itself
			logger.debug("the router did not announce call_timeout: not sending the timeout of the call to '{}'",
					procedure);
			wire.remove("timeout");
		}
		return wire;
	}

	private void sendCancel(long id, PendingCall call, String why) {
		SessionInfo sessionInfo = this.info;
		if (this.ended.get() || sessionInfo == null) {
			return;
		}
		if (!sessionInfo.routerSupports("dealer", "call_canceling")) {
			logger.debug("not canceling call {} to '{}' ({}): the router did not announce call_canceling", id,
					call.procedure, why);
			return;
		}
		this.connection.send(new Cancel(id, Map.of("mode", call.mode.wireName())))
			.subscribe(null, (error) -> logger.debug("could not send CANCEL for call {}: {}", id, error.toString()));
	}

	/**
	 * Register a procedure.
	 * @param procedure the URI or pattern
	 * @param registerOptions the options
	 * @param target where its invocations go
	 * @return the router's registration id
	 */
	public Mono<Long> register(String procedure, RegisterOptions registerOptions, InvocationTarget target) {
		return request(WampMessageType.REGISTER, "register '" + procedure + "'", target,
				(id) -> new Register(id, registerOptions.toWire(), procedure));
	}

	/**
	 * Unregister a registration of this session.
	 * @param registrationId the router's id
	 * @return a Mono that completes when the router confirmed
	 */
	public Mono<Void> unregister(long registrationId) {
		return request(WampMessageType.UNREGISTER, "unregister " + registrationId, registrationId,
				(id) -> new Unregister(id, registrationId))
			.then();
	}

	/**
	 * Subscribe to a topic.
	 * @param topic the URI or pattern
	 * @param subscribeOptions the options
	 * @param target where its events go
	 * @return the router's subscription id
	 */
	public Mono<Long> subscribe(String topic, SubscribeOptions subscribeOptions, EventTarget target) {
		return request(WampMessageType.SUBSCRIBE, "subscribe '" + topic + "'", target,
				(id) -> new Subscribe(id, subscribeOptions.toWire(), topic));
	}

	/**
	 * Unsubscribe a subscription of this session.
	 * @param subscriptionId the router's id
	 * @return a Mono that completes when the router confirmed
	 */
	public Mono<Void> unsubscribe(long subscriptionId) {
		return request(WampMessageType.UNSUBSCRIBE, "unsubscribe " + subscriptionId, subscriptionId,
				(id) -> new Unsubscribe(id, subscriptionId))
			.then();
	}

	/**
	 * Publish an event.
	 * @param topic the topic
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param publishOptions the options
	 * @return the publication id when acknowledged; else empty once written
	 */
	public Mono<Long> publish(String topic, List<?> args, Map<String, ?> kwargs,
			PublishOptions publishOptions) {
		if (publishOptions.acknowledge()) {
			return request(WampMessageType.PUBLISH, "publish to '" + topic + "'", null,
					(id) -> new Publish(id, publishOptions.toWire(), topic, Payloads.args(args), Payloads.kwargs(kwargs)));
		}
		return Mono.defer(() -> {
			if (!isJoined()) {
				return Mono.error(notJoined("publish to '" + topic + "'"));
			}
			return this.connection.send(new Publish(this.requestIds.next(), publishOptions.toWire(), topic, Payloads.args(args),
					Payloads.kwargs(kwargs)))
				.onErrorMap((error) -> sendFailure("publish to '" + topic + "'", error))
				.then(Mono.empty());
		});
	}

	private Mono<Long> request(int type, String what, @Nullable Object target, LongFunction<WampMessage> build) {
		return Mono.create((MonoSink<Long> sink) -> {
			if (!isJoined()) {
				sink.error(notJoined(what));
				return;
			}
			long id = this.requestIds.next();
			PendingRequest request = new PendingRequest(type, what, sink, target);
			this.requests.put(id, request);
			sink.onCancel(() -> this.requests.remove(id, request));
			this.connection.send(build.apply(id)).subscribe(null, (error) -> {
				if (this.requests.remove(id, request)) {
					sink.error(sendFailure(what, error));
				}
			});
		});
	}

	private WampException notJoined(String what) {
		return new WampException(WampUris.NOT_CONNECTED,
				"cannot " + what + ": the session on realm '" + this.options.realm() + "' is not joined");
	}

	private WampException sendFailure(String what, Throwable error) {
		if (error instanceof IllegalArgumentException) {
			// the serializer could not write the payload
			return new WampException(WampUris.INVALID_ARGUMENT, List.of("cannot " + what + ": " + error.getMessage()),
					Map.of(), Map.of(), "cannot " + what + ": " + error.getMessage(), error);
		}
		return new WampException(WampUris.TRANSPORT_LOST, List.of("cannot " + what + ": " + error.getMessage()),
				Map.of(), Map.of(), "cannot " + what + ": " + error.getMessage(), error);
	}

	// ---------------------------------------------------------------- callee

	private void onInvocation(Invocation invocation) {
		InvocationTarget target = this.registrations.get(invocation.registration());
		if (target == null) {
			this.connection.send(new ErrorMessage(WampMessageType.INVOCATION, invocation.requestId(), Map.of(),
					WampUris.NO_SUCH_REGISTRATION, List.of("no registration " + invocation.registration() + " in this session"),
					Map.of()))
				.subscribe(null, (e) -> {
				});
			return;
		}
		String procedure = Dicts.string(invocation.details(), "procedure");
		WampInvocation call = new WampInvocation((procedure != null) ? procedure : target.registration().procedure(),
				invocation.args(), invocation.kwargs(), invocation.details(), target.registration());
		InvocationRunner runner = new InvocationRunner(invocation.requestId(), call.receiveProgress(), call.procedure());
		this.invocations.put(invocation.requestId(), runner);
		// subscribeOn also moves request(n) to the handler scheduler, so a synchronous Flux never
		// produces its elements on the I/O thread
		Flux.defer(() -> target.handler().handle(call))
			.subscribeOn(this.options.handlerScheduler())
			.subscribe(runner);
	}

	private ErrorMessage invocationError(long requestId, String procedure, Throwable error) {
		if (error instanceof WampException wampError) {
			return new ErrorMessage(WampMessageType.INVOCATION, requestId, Map.of(), wampError.getUri(),
					wampError.getArgs(), wampError.getKwargs());
		}
		String text = (error.getMessage() != null) ? error.getMessage() : error.getClass().getName();
		logger.debug("handler of '{}' failed: {}", procedure, error.toString());
		return new ErrorMessage(WampMessageType.INVOCATION, requestId, Map.of(), this.options.defaultErrorUri(),
				List.of(text), Map.of());
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

		InvocationRunner(long requestId, boolean receiveProgress, String procedure) {
			this.requestId = requestId;
			this.receiveProgress = receiveProgress;
			this.procedure = procedure;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(InvocationResult value) {
			InvocationResult previous = this.held;
			this.held = value;
			if (previous == null || !this.receiveProgress) {
				request(1);
				return;
			}
			ClientSession.this.connection
				.send(new Yield(this.requestId, Map.of("progress", true), previous.args(), previous.kwargs()))
				.subscribe(null, (error) -> {
					logger.debug("could not send a progressive YIELD for '{}': {}", this.procedure, error.toString());
					cancel();
					finish(null);
				}, () -> request(1));
		}

		@Override
		protected void hookOnComplete() {
			InvocationResult last = (this.held != null) ? this.held : InvocationResult.empty();
			finish(new Yield(this.requestId, Map.of(), last.args(), last.kwargs()));
		}

		@Override
		protected void hookOnError(Throwable error) {
			finish(invocationError(this.requestId, this.procedure, error));
		}

		void interrupt(CancelMode mode) {
			dispose();
			finish((mode != CancelMode.KILL_NO_WAIT) ? new ErrorMessage(WampMessageType.INVOCATION, this.requestId,
					Map.of(), WampUris.CANCELED, List.of("invocation of '" + this.procedure + "' was canceled"), Map.of())
					: null);
		}

		private void finish(@Nullable WampMessage answer) {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			if (answer == null) {
				ClientSession.this.invocations.remove(this.requestId, this);
				return;
			}
			ClientSession.this.connection.send(answer)
				.onErrorResume(IllegalArgumentException.class, (error) -> {
					// the serializer could not write the results: tell the caller instead
					return ClientSession.this.connection.send(invocationError(this.requestId, this.procedure, error));
				})
				.doFinally((signal) -> ClientSession.this.invocations.remove(this.requestId, this))
				.subscribe(null, (error) -> logger.debug("could not answer the invocation of '{}': {}", this.procedure,
						error.toString()));
		}

	}

	private static final class PendingCall {

		final String procedure;

		final FluxSink<CallResult> sink;

		final CancelMode mode;

		volatile @Nullable Disposable timer;

		PendingCall(String procedure, FluxSink<CallResult> sink, CancelMode mode) {
			this.procedure = procedure;
			this.sink = sink;
			this.mode = mode;
		}

		void cancelTimer() {
			Disposable t = this.timer;
			if (t != null) {
				t.dispose();
			}
		}

		void fail(Throwable error) {
			cancelTimer();
			this.sink.error(error);
		}

	}

	private record PendingRequest(int type, String what, MonoSink<Long> sink, @Nullable Object target) {
	}

}
