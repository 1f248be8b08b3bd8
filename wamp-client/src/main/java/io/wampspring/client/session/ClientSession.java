package io.wampspring.client.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.Payload;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.transport.WampConnection;
import io.wampspring.core.WampException;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
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
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

/**
 * The WAMP session protocol machine for one transport connection. One
 * {@link SessionPhase} says where it is; the work is split by role: {@link Handshake}
 * (HELLO, CHALLENGE, WELCOME), {@link RequestTable} (what waits for the router),
 * {@link Caller} (calls), {@link Callee} (invocations) and {@link InboundPressure} (when
 * to stop reading). A new instance, with request ids from 1, is made for every
 * connection; the {@link io.wampspring.client.WampClient} owns the registrations and
 * subscriptions that outlive it.
 * <p>
 * Inbound messages are handled on the transport's I/O thread without blocking; requests
 * may be made from any thread. A message whose payload cannot be read fails only itself.
 * Internal API: applications use {@link io.wampspring.client.WampClient}.
 */
public final class ClientSession {

	private static final Logger logger = LoggerFactory.getLogger(ClientSession.class);

	private final WampConnection connection;

	private final ClientOptions options;

	private final SessionListener listener;

	private final AtomicReference<SessionPhase> phase = new AtomicReference<>(SessionPhase.NEW);

	private final Handshake handshake;

	private final RequestTable table;

	private final InboundPressure pressure;

	private final Caller caller;

	private final Callee callee;

	private final Map<Long, EventTarget> subscriptions = new ConcurrentHashMap<>();

	private final RateLimitedLog droppedEvents = new RateLimitedLog(logger);

	private final Sinks.One<SessionInfo> welcome = Sinks.one();

	private final Sinks.One<SessionEnd> closed = Sinks.one();

	private final Sinks.Empty<Void> goodbyeReply = Sinks.empty();

	private volatile @Nullable SessionInfo info;

	private volatile @Nullable SessionEnd end;

	// the client gave up joining (dispose before WELCOME): nobody waits for the join any
	// more
	private volatile boolean abandoned;

	/**
	 * Create a session on an open connection; nothing is sent until {@link #join()}.
	 * @param connection the connection
	 * @param options the client options (realm, identity, roles, schedulers, limits)
	 * @param listener lifecycle callbacks
	 */
	public ClientSession(WampConnection connection, ClientOptions options, SessionListener listener) {
		this.connection = connection;
		this.options = options;
		this.listener = listener;
		this.handshake = new Handshake(options, connection);
		this.table = new RequestTable(options.limits().maxPendingCalls());
		this.pressure = new InboundPressure(connection, options.limits());
		this.caller = new Caller(this, this.table, options.limits(), options.resultScheduler());
		this.callee = new Callee(this, options, this.pressure);
	}

	WampConnection connection() {
		return this.connection;
	}

	SessionListener listener() {
		return this.listener;
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * Send HELLO and wait for WELCOME (answering every CHALLENGE on the way), up to the
	 * join timeout of the options' {@link io.wampspring.client.ClientLimits}.
	 * @return the session info; an error with {@link WampAuthenticationException} when
	 * the router refused the credentials, {@link WampUris#TIMEOUT} when it did not answer
	 * in time (the connection is then closed), or another {@link WampException} for other
	 * ABORTs and a lost transport
	 */
	public Mono<SessionInfo> join() {
		return Mono.defer(() -> {
			if (!this.phase.compareAndSet(SessionPhase.NEW, SessionPhase.JOINING)) {
				return this.welcome.asMono();
			}
			Hello hello;
			try {
				hello = this.handshake.hello();
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				// an authenticator that cannot work with these settings or this
				// connection
				WampAuthenticationException error = new WampAuthenticationException(this.options.realm(),
						String.valueOf(ex.getMessage()), ex);
				end(WampUris.TRANSPORT_LOST, error.getMessage(), error);
				return this.welcome.asMono();
			}
			this.connection.inbound().subscribe(this::onMessage, this::onInboundError, this::onInboundComplete);
			this.connection.unreadable().subscribe(this::onUnreadable, (error) -> {
			});
			this.connection.send(hello)
				.subscribe(null,
						(error) -> end(WampUris.TRANSPORT_LOST, "could not send HELLO: " + error.getMessage(), error));
			Duration timeout = this.options.limits().joinTimeout();
			return this.welcome.asMono()
				// the client gave up joining: a cancel that came while the join
				// subscribed reaches the operators first and the failure still arrives,
				// which Reactor would log as dropped, with a stack trace, for an expected
				// shutdown
				.onErrorResume((error) -> this.abandoned, (error) -> Mono.never())
				.timeout(timeout, Mono.defer(() -> joinTimedOut(timeout)));
		});
	}

	private Mono<SessionInfo> joinTimedOut(Duration timeout) {
		String address = this.options.transport().describe();
		String message = (this.phase.get() == SessionPhase.CHALLENGED)
				? "the router at " + address + " did not answer the authentication within " + seconds(timeout)
				: "the router at " + address + " did not answer HELLO within " + seconds(timeout);
		WampException error = new WampException(WampUris.TIMEOUT, message);
		end(WampUris.TRANSPORT_LOST, message, error);
		return Mono.error(error);
	}

	private static String seconds(Duration timeout) {
		long millis = timeout.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	/**
	 * Give the session up without waiting: leave with GOODBYE when it is joined, else
	 * just close the connection (for a join that nobody waits for any more: its failure
	 * is not delivered).
	 * @param timeout how long the GOODBYE may wait for the router's answer
	 */
	public void dispose(Duration timeout) {
		if (this.phase.get() == SessionPhase.JOINED) {
			leave(timeout).subscribe(null, (error) -> {
			});
		}
		else {
			this.abandoned = true;
			end(WampUris.SESSION_CLOSED, "the client gave up joining", null);
		}
	}

	/**
	 * Leave the session: send GOODBYE ({@code wamp.close.normal}), wait for the router's
	 * GOODBYE up to the timeout, close the connection (waiting for that up to the timeout
	 * too). Pending requests fail with {@link WampUris#SESSION_CLOSED}.
	 * @param timeout how long to wait for the router's answer, and for the close
	 * @return a Mono that completes when the connection is closed or the wait ran out
	 */
	public Mono<Void> leave(Duration timeout) {
		return Mono.defer(() -> {
			if (!this.phase.compareAndSet(SessionPhase.JOINED, SessionPhase.LEAVING)) {
				end(WampUris.SESSION_CLOSED, "closed by the application", null);
				return Mono.empty();
			}
			return this.connection.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL))
				.then(this.goodbyeReply.asMono())
				.timeout(timeout)
				.onErrorResume((error) -> {
					logger.debug("no GOODBYE from the router within {} ms: {}", timeout.toMillis(), error.toString());
					return Mono.empty();
				})
				.then(Mono.fromRunnable(() -> end(WampUris.SESSION_CLOSED, "closed by the application", null)))
				.then(this.connection.close().timeout(timeout, Mono.empty()));
		});
	}

	/**
	 * Wait until no invocation is running in a handler, or the timeout passed, or the
	 * session ended.
	 * @param timeout the longest wait
	 * @return a Mono that completes (never errors) when one of them happened
	 */
	public Mono<Void> awaitInvocations(Duration timeout) {
		return this.callee.awaitIdle(timeout);
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
		return this.phase.get() == SessionPhase.JOINED;
	}

	/**
	 * Whether the session ended.
	 * @return true after the end
	 */
	public boolean isEnded() {
		return this.phase.get() == SessionPhase.ENDED;
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
		if (isEnded()) {
			return;
		}
		sendAndClose(new Abort(Map.of("message", message), reason));
		end(WampUris.TRANSPORT_LOST, message, new WampProtocolException(message));
	}

	private void sendAndClose(WampMessage last) {
		this.connection.send(last)
			.onErrorResume((error) -> Mono.empty())
			.then(this.connection.close())
			.subscribe(null, (error) -> {
			});
	}

	private void end(String pendingUri, String reason, @Nullable Throwable error) {
		SessionPhase before = this.phase.getAndSet(SessionPhase.ENDED);
		if (before == SessionPhase.ENDED) {
			return;
		}
		SessionEnd sessionEnd = new SessionEnd(reason, error);
		this.end = sessionEnd;
		String message = (WampUris.SESSION_CLOSED.equals(pendingUri) ? "session closed: " : "transport lost: ")
				+ reason;
		this.table.failAll((what) -> new WampException(pendingUri, message + " (" + what + ")"));
		this.caller.close();
		this.callee.disposeAll();
		this.subscriptions.clear();
		if (before.isBeforeWelcome()) {
			String uri = (error instanceof WampProtocolException) ? WampUris.PROTOCOL_VIOLATION : pendingUri;
			Throwable failure = (error instanceof WampException) ? error
					: new WampException(uri, List.of(message), Map.of(), Map.of(), message, error);
			this.welcome.tryEmitError(failure);
		}
		this.goodbyeReply.tryEmitEmpty();
		if (this.connection.isOpen() && before != SessionPhase.LEAVING) {
			this.connection.close().subscribe(null, (e) -> {
			});
		}
		this.closed.tryEmitValue(sessionEnd);
	}

	// ---------------------------------------------------------------- inbound

	private void onInboundError(Throwable error) {
		String message = (error instanceof WampProtocolException) ? "protocol violation: " + error.getMessage()
				: "transport failed: " + ((error.getMessage() != null) ? error.getMessage() : error.toString());
		if (error instanceof WampProtocolException && !isEnded()) {
			logger.warn("router at realm '{}' sent a message that breaks the protocol, aborting the session: {}",
					this.options.realm(), error.getMessage());
			sendAndClose(new Abort(Map.of("message", String.valueOf(error.getMessage())), WampUris.PROTOCOL_VIOLATION));
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

	// Runs on the I/O thread. A well-framed message with a value the serializer cannot
	// map: only that message is bad, so only it fails.
	private void onUnreadable(WampProtocolException problem) {
		if (!isJoined()) {
			if (!isEnded()) {
				protocolViolation("unreadable " + WampMessageType.name(problem.messageType()) + " before WELCOME: "
						+ problem.getMessage());
			}
			return;
		}
		long id = problem.requestId();
		switch (problem.messageType()) {
			case WampMessageType.INVOCATION -> {
				logger.warn("answering an unreadable INVOCATION with {}: {}", WampUris.INVALID_ARGUMENT,
						problem.getMessage());
				this.callee.onUnreadableInvocation(id, String.valueOf(problem.getMessage()));
			}
			case WampMessageType.RESULT, WampMessageType.ERROR -> {
				if (!this.caller.onUnreadableAnswer(id, String.valueOf(problem.getMessage()))) {
					RequestTable.PendingRequest request = (RequestTable.PendingRequest) this.table.takeAny(id);
					if (request != null) {
						request.fail(new WampException(WampUris.INVALID_ARGUMENT,
								"the answer to " + request.what() + " could not be read: " + problem.getMessage()));
					}
				}
			}
			case WampMessageType.EVENT -> {
				this.droppedEvents.warn("dropping unreadable events: {}", problem.getMessage());
				this.listener.onEventDropped();
			}
			default -> protocolViolation(
					"unreadable " + WampMessageType.name(problem.messageType()) + ": " + problem.getMessage());
		}
	}

	// Runs on the I/O thread.
	private void onMessage(WampMessage message) {
		if (isEnded()) {
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
			try {
				this.handshake.verifyWelcome(welcomeMessage);
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				failAuthentication(this.options.transport().describe() + ": " + ex.getMessage(), ex);
				return;
			}
			SessionInfo sessionInfo = SessionInfo.of(welcomeMessage.session(), this.options.realm(),
					welcomeMessage.details());
			this.info = sessionInfo;
			SessionPhase before = this.phase.get();
			if (before.isBeforeWelcome() && this.phase.compareAndSet(before, SessionPhase.JOINED)) {
				this.welcome.tryEmitValue(sessionInfo);
			}
		}
		else if (message instanceof Challenge challenge) {
			onChallenge(challenge);
		}
		else if (message instanceof Abort abort) {
			String routerMessage = Dicts.string(abort.details(), "message");
			WampException error = WampAuthenticationException.isAuthenticationFailure(abort.reason())
					? new WampAuthenticationException(abort.reason(), routerMessage, abort.details(),
							this.options.realm())
					: new WampException(abort.reason(), (routerMessage != null) ? List.of(routerMessage) : List.of(),
							Map.of(), abort.details(),
							"router refused to open a session on realm '" + this.options.realm() + "': "
									+ abort.reason() + ((routerMessage != null) ? " (" + routerMessage + ")" : ""),
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
		ClientAuthenticator.Exchange exchange = this.handshake.challenged(challenge);
		if (exchange == null) {
			protocolViolation("router challenged method '" + challenge.authMethod()
					+ "', which the client did not offer" + " (offered: " + this.handshake.offeredMethods() + ")");
			return;
		}
		this.phase.compareAndSet(SessionPhase.JOINING, SessionPhase.CHALLENGED);
		this.listener.onChallenge(challenge.authMethod());
		this.handshake.answer(exchange, challenge)
			.subscribe(null,
					(error) -> failAuthentication("could not answer the router's '" + challenge.authMethod()
							+ "' challenge: " + ((error.getMessage() != null) ? error.getMessage() : error.toString()),
							error));
	}

	/**
	 * Give up authenticating: tell the router with ABORT, close, and fail the join with a
	 * {@link WampAuthenticationException} so that reconnection follows the auth failure
	 * policy.
	 */
	private void failAuthentication(String problem, @Nullable Throwable cause) {
		if (isEnded()) {
			return;
		}
		logger.debug("authentication to realm '{}' failed on the client side: {}", this.options.realm(), problem);
		sendAndClose(new Abort(Map.of("message", problem), WampUris.AUTHENTICATION_FAILED));
		WampAuthenticationException error = new WampAuthenticationException(this.options.realm(), problem, cause);
		end(WampUris.TRANSPORT_LOST, error.getMessage(), error);
	}

	private void onSessionMessage(WampMessage message) {
		if (message instanceof Result result) {
			this.caller.onResult(result);
		}
		else if (message instanceof Invocation invocation) {
			this.callee.onInvocation(invocation);
		}
		else if (message instanceof Event event) {
			EventTarget target = this.subscriptions.get(event.subscription());
			if (target != null) {
				target.dispatch(event, this.pressure);
			}
			else {
				logger.debug("dropping EVENT for unknown subscription {}", event.subscription());
			}
		}
		else if (message instanceof ErrorMessage error) {
			onError(error);
		}
		else if (message instanceof Interrupt interrupt) {
			this.callee.onInterrupt(interrupt);
		}
		else if (message instanceof Registered registered) {
			RequestTable.PendingRequest request = this.table.take(registered.requestId(), WampMessageType.REGISTER);
			if (request != null) {
				confirmed(request, registered.registration(),
						(id) -> this.callee.registered(id, (InvocationTarget) request.target()));
			}
		}
		else if (message instanceof Subscribed subscribed) {
			RequestTable.PendingRequest request = this.table.take(subscribed.requestId(), WampMessageType.SUBSCRIBE);
			if (request != null) {
				confirmed(request, subscribed.subscription(),
						(id) -> this.subscriptions.put(id, (EventTarget) request.target()));
			}
		}
		else if (message instanceof Published published) {
			RequestTable.PendingRequest request = this.table.take(published.requestId(), WampMessageType.PUBLISH);
			if (request != null) {
				request.sink().success(published.publication());
			}
		}
		else if (message instanceof Unregistered unregistered && unregistered.requestId() == 0) {
			revoked(unregistered.details(), "registration");
		}
		else if (message instanceof Unsubscribed unsubscribed && unsubscribed.requestId() == 0) {
			revoked(unsubscribed.details(), "subscription");
		}
		else if (message instanceof Unregistered unregistered) {
			RequestTable.PendingRequest request = this.table.take(unregistered.requestId(), WampMessageType.UNREGISTER);
			if (request != null) {
				this.callee.unregistered((Long) request.target());
				request.sink().success();
			}
		}
		else if (message instanceof Unsubscribed unsubscribed) {
			RequestTable.PendingRequest request = this.table.take(unsubscribed.requestId(),
					WampMessageType.UNSUBSCRIBE);
			if (request != null) {
				this.subscriptions.remove((Long) request.target());
				request.sink().success();
			}
		}
		else if (message instanceof Goodbye goodbye) {
			if (this.phase.get() == SessionPhase.LEAVING) {
				this.goodbyeReply.tryEmitEmpty();
			}
			else {
				String routerMessage = Dicts.string(goodbye.details(), "message");
				String reason = "router closed the session: " + goodbye.reason()
						+ ((routerMessage != null) ? " (" + routerMessage + ")" : "");
				sendAndClose(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
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

	// The router revoked a registration or subscription (UNREGISTERED / UNSUBSCRIBED with
	// request 0): stop dispatching to it and tell the owner, which decides what follows.
	private void revoked(Map<String, Object> details, String what) {
		Object id = details.get(what);
		if (!(id instanceof Number number)) {
			protocolViolation("a revocation without the " + what + " id in its details: " + details);
			return;
		}
		long routerId = number.longValue();
		String reason = Dicts.string(details, "reason");
		boolean known;
		if ("registration".equals(what)) {
			known = this.callee.unregistered(routerId);
		}
		else {
			known = this.subscriptions.remove(routerId) != null;
		}
		if (!known) {
			logger.debug("router revoked unknown {} {}", what, routerId);
			return;
		}
		logger.debug("router revoked {} {}{}", what, routerId, (reason != null) ? ": " + reason : "");
		this.listener.onRevoked("registration".equals(what), routerId, reason);
	}

	// A REGISTERED or SUBSCRIBED: bind it, or, when its requester canceled meanwhile,
	// undo it at once so that the router does not keep routing to a handler nobody owns.
	private void confirmed(RequestTable.PendingRequest request, long routerId, Consumer<Long> bind) {
		Consumer<Long> undo = request.undo();
		if (request.isCanceled() && undo != null) {
			logger.debug("undoing {} (id {}): its requester canceled before the router confirmed", request.what(),
					routerId);
			undo.accept(routerId);
			return;
		}
		bind.accept(routerId);
		request.sink().success(routerId);
	}

	private void onError(ErrorMessage error) {
		WampException exception = new WampException(error.error(), error.args(), error.kwargs(), error.details(), null,
				null);
		if (error.requestType() == WampMessageType.CALL) {
			this.caller.onError(error.requestId(), exception);
			return;
		}
		RequestTable.PendingRequest request = this.table.take(error.requestId(), error.requestType());
		if (request != null) {
			request.fail(exception);
		}
	}

	// ---------------------------------------------------------------- requests

	/**
	 * Call a procedure asking for progressive results.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options
	 * @return the results: progressive ones first, then the final one
	 */
	public Flux<CallResult> callProgressive(String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions) {
		return this.caller.callProgressive(procedure, args, kwargs, callOptions);
	}

	/**
	 * Make a plain call (one final result) on this session.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options
	 * @return the result, on the client's result scheduler
	 */
	public Mono<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions callOptions) {
		return new Mono<>() {
			@Override
			public void subscribe(CoreSubscriber<? super CallResult> actual) {
				call(actual, procedure, args, kwargs, callOptions);
			}
		};
	}

	/**
	 * Make a plain call (one final result) for a subscriber: the subscriber receives a
	 * subscription at once and the outcome on the client's result scheduler. This is what
	 * {@code WampClient.call} returns as a Mono, without an operator chain per call.
	 * @param actual the subscriber
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options
	 */
	public void call(CoreSubscriber<? super CallResult> actual, String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions) {
		this.caller.call(actual, procedure, args, kwargs, callOptions);
	}

	/**
	 * Call a procedure streaming its arguments as progressive call invocations, asking
	 * for progressive results.
	 * @param procedure the procedure URI
	 * @param chunks the arguments, one CALL per chunk; the last one goes in the final
	 * CALL
	 * @param callOptions the options, frozen by the first CALL
	 * @return the results: progressive ones first, then the final one
	 */
	public Flux<CallResult> callStreaming(String procedure, Publisher<Payload> chunks, CallOptions callOptions) {
		return this.caller.callStreaming(procedure, chunks, callOptions, this.options.handlerScheduler());
	}

	/**
	 * Register a procedure. When the subscriber cancels before the router confirmed, the
	 * registration is undone as soon as the confirmation arrives.
	 * @param procedure the URI or pattern
	 * @param registerOptions the options
	 * @param target where its invocations go
	 * @return the router's registration id
	 */
	public Mono<Long> register(String procedure, RegisterOptions registerOptions, InvocationTarget target) {
		return request(WampMessageType.REGISTER, "register '" + procedure + "'", target,
				(id) -> new Register(id, registerOptions.toWire(), procedure),
				(registrationId) -> unregister(registrationId).subscribe(null, (error) -> {
				}));
	}

	/**
	 * Unregister a registration of this session.
	 * @param registrationId the router's id
	 * @return a Mono that completes when the router confirmed
	 */
	public Mono<Void> unregister(long registrationId) {
		return request(WampMessageType.UNREGISTER, "unregister " + registrationId, registrationId,
				(id) -> new Unregister(id, registrationId), null)
			.then();
	}

	/**
	 * Subscribe to a topic. When the subscriber cancels before the router confirmed, the
	 * subscription is undone as soon as the confirmation arrives.
	 * @param topic the URI or pattern
	 * @param subscribeOptions the options
	 * @param target where its events go
	 * @return the router's subscription id
	 */
	public Mono<Long> subscribe(String topic, SubscribeOptions subscribeOptions, EventTarget target) {
		return request(WampMessageType.SUBSCRIBE, "subscribe '" + topic + "'", target,
				(id) -> new Subscribe(id, subscribeOptions.toWire(), topic),
				(subscriptionId) -> unsubscribe(subscriptionId).subscribe(null, (error) -> {
				}));
	}

	/**
	 * Unsubscribe a subscription of this session.
	 * @param subscriptionId the router's id
	 * @return a Mono that completes when the router confirmed
	 */
	public Mono<Void> unsubscribe(long subscriptionId) {
		return request(WampMessageType.UNSUBSCRIBE, "unsubscribe " + subscriptionId, subscriptionId,
				(id) -> new Unsubscribe(id, subscriptionId), null)
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
	public Mono<Long> publish(String topic, List<?> args, Map<String, ?> kwargs, PublishOptions publishOptions) {
		if (publishOptions.acknowledge()) {
			return request(
					WampMessageType.PUBLISH, "publish to '" + topic + "'", null, (id) -> new Publish(id,
							publishOptions.toWire(), topic, PayloadCasts.args(args), PayloadCasts.kwargs(kwargs)),
					null);
		}
		return Mono.defer(() -> {
			// the description is built only when the publication fails
			if (!isJoined()) {
				return Mono.error(notJoined("publish to '" + topic + "'"));
			}
			if (!this.connection.isWritable()) {
				return Mono.error(notWritable("publish to '" + topic + "'"));
			}
			return this.connection
				.send(new Publish(this.table.nextId(), publishOptions.toWire(), topic, PayloadCasts.args(args),
						PayloadCasts.kwargs(kwargs)))
				.onErrorMap((error) -> sendFailure("publish to '" + topic + "'", error))
				.then(Mono.empty());
		});
	}

	// Requests other than calls wait for the router's answer up to the default call
	// timeout.
	private Mono<Long> request(int type, String what, @Nullable Object target, LongFunction<WampMessage> build,
			@Nullable Consumer<Long> undo) {
		Mono<Long> request = Mono.create((MonoSink<Long> sink) -> {
			if (!isJoined()) {
				sink.error(notJoined(what));
				return;
			}
			long id = this.table.nextId();
			RequestTable.PendingRequest pending = new RequestTable.PendingRequest(type, what, sink, target, undo);
			this.table.addRequest(id, pending);
			sink.onCancel(() -> this.table.cancelRequest(id, pending));
			this.connection.send(build.apply(id)).subscribe(null, (error) -> {
				if (this.table.removeRequest(id, pending)) {
					pending.fail(sendFailure(what, error));
				}
			});
		});
		Duration timeout = this.options.limits().defaultCallTimeout();
		if (timeout.isZero()) {
			return request;
		}
		return request.timeout(timeout, Mono.error(() -> new WampException(WampUris.TIMEOUT,
				"the router did not answer " + what + " within " + timeout.toMillis() + " ms")));
	}

	WampException notJoined(String what) {
		return new WampException(WampUris.NOT_CONNECTED,
				"cannot " + what + ": the session on realm '" + this.options.realm() + "' is not joined");
	}

	WampException notWritable(String what) {
		return new WampException(WampUris.UNAVAILABLE,
				"cannot " + what + ": the connection to " + this.options.transport().describe()
						+ " is not writable (the"
						+ " router reads slower than the application writes and the send buffer is full); retry later");
	}

	WampException sendFailure(String what, Throwable error) {
		String uri = (error instanceof IllegalArgumentException) ? WampUris.INVALID_ARGUMENT : WampUris.TRANSPORT_LOST;
		String message = "cannot " + what + ": " + error.getMessage();
		return new WampException(uri, List.of(message), Map.of(), Map.of(), message, error);
	}

}
