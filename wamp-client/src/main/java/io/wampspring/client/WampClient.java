package io.wampspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.CommandQueue;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.ReconnectSupervisor;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.reconnect.SessionStateMachine;
import io.wampspring.client.session.ClientSession;
import io.wampspring.client.session.RateLimitedLog;
import io.wampspring.client.session.SessionEnd;
import io.wampspring.client.session.SessionListener;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.core.uri.WampUriValidator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * A reactive WAMP v2 client: one session to one realm of one router, with RPC (caller and
 * callee), PubSub (publisher and subscriber), authentication and automatic reconnection.
 * <p>
 * The client is one ordered state machine: every command that changes its state (connect,
 * adopt a joined session and restore into it, register, unregister, subscribe,
 * unsubscribe, handle a lost session, retry, close) runs through one serialized
 * {@link CommandQueue}, so no command sees a half-restored client. Reconnect is a
 * {@link ReconnectSupervisor}: a Reactor {@code Retry} around one attempt (open the
 * transport, join within the join timeout, restore), started again when the session it
 * produced is lost.
 * <p>
 * Registrations and subscriptions survive reconnects behind stable handles; a restore
 * that fails for some of them leaves the client {@link SessionState#DEGRADED} (see
 * {@link #missing()}) and is retried. While the client is not joined, requests fail at
 * once with {@link WampUris#NOT_CONNECTED}; when the transport is lost, every pending
 * request fails with {@link WampUris#TRANSPORT_LOST}. Every wait and queue is bounded by
 * {@link ClientLimits}. Handlers run on {@link ClientOptions#handlerScheduler()}, request
 * outcomes are delivered on {@link ClientOptions#resultScheduler()} and state events on
 * {@link ClientOptions#eventScheduler()}, never on the I/O thread. Thread safe.
 *
 * <pre class="code">
 * WampClient client = WampClient.create(ClientOptions.builder("ws://localhost:8080/ws", "realm1").build());
 * client.connect().block(Duration.ofSeconds(10));
 * client.register("com.example.add2", RegisterOptions.defaults(), (invocation) -&gt; Mono.just(
 *         InvocationResult.of((Long) invocation.arg(0) + (Long) invocation.arg(1)))).block();
 * CallResult result = client.call("com.example.add2", List.of(2, 3), Map.of(), CallOptions.defaults()).block();
 * client.subscribe("com.example.hello", SubscribeOptions.defaults(),
 *         (event) -&gt; System.out.println(event.arg(0))).block();
 * client.publish("com.example.hello", List.of("hi"), Map.of(), PublishOptions.acknowledged()).block();
 * client.stateEvents().subscribe((event) -&gt; System.out.println(event.state()));
 * client.close().block();
 * </pre>
 */
public final class WampClient {

	private static final Logger logger = LoggerFactory.getLogger(WampClient.class);

	/**
	 * State changes that may wait their turn; far more than an application makes at once.
	 */
	private static final int COMMAND_QUEUE_CAPACITY = 10_000;

	// replaced only by reconnect(ClientOptions, Duration), in a command between a close
	// and a connect
	private volatile ClientOptions options;

	private final SessionStateMachine stateMachine;

	private final CommandQueue commands = new CommandQueue(COMMAND_QUEUE_CAPACITY);

	private final Set<RegistrationHandle> registrations = ConcurrentHashMap.newKeySet();

	private final Map<SubscriptionGroup.Key, SubscriptionGroup> subscriptionGroups = new ConcurrentHashMap<>();

	private final RateLimitedLog droppedEvents = new RateLimitedLog(logger);

	private final AtomicLong refusedInvocations = new AtomicLong();

	/** Registrations and subscriptions the router revoked and that stay revoked. */
	private final Map<Object, Revocation> revoked = new ConcurrentHashMap<>();

	private final Sinks.Many<Revocation> revocations = Sinks.many().multicast().directBestEffort();

	/** The testaments the application left, each with the session it was left in. */
	private final List<LeftTestament> testaments = new CopyOnWriteArrayList<>();

	// the fields below are written only by commands; volatile so that any thread may read
	// them

	private volatile @Nullable ClientSession session;

	// whether the application wants the client connected; close() also clears it at once
	private volatile boolean wanted;

	// the running supervisor's attempt, if any; close() also disposes it at once
	private volatile @Nullable Disposable supervision;

	private volatile Sinks.One<SessionInfo> nextJoin = Sinks.one();

	private volatile List<String> missing = List.of();

	private WampClient(ClientOptions options) {
		this.options = options;
		this.stateMachine = new SessionStateMachine(this::log);
	}

	/**
	 * Create a client; it does nothing until {@link #connect()}.
	 * @param options the options
	 * @return the client
	 */
	public static WampClient create(ClientOptions options) {
		return new WampClient(Objects.requireNonNull(options, "options"));
	}

	// One line per state change: WARN when the application loses service (the session was
	// lost, is degraded, or the client gave up), INFO otherwise (every retry, joins,
	// leaves).
	private void log(SessionStateEvent event) {
		if (event.reason() == null) {
			return;
		}
		boolean wasJoined = event.previous() == SessionState.JOINED || event.previous() == SessionState.DEGRADED;
		boolean lostService = (event.state() == SessionState.CLOSED && event.error() != null)
				|| (event.state() == SessionState.RECONNECTING && wasJoined) || event.state() == SessionState.DEGRADED;
		if (lostService) {
			logger.warn("{}", event.reason());
		}
		else {
			logger.info("{}", event.reason());
		}
	}

	/**
	 * The options.
	 * @return the options
	 */
	public ClientOptions options() {
		return this.options;
	}

	/**
	 * The current state.
	 * @return the state
	 */
	public SessionState state() {
		return this.stateMachine.state();
	}

	/**
	 * Every state change, starting with the current state (replayed to each new
	 * subscriber), delivered in order on {@link ClientOptions#eventScheduler()}, where a
	 * listener may block.
	 * @return a hot Flux of state events
	 */
	public Flux<SessionStateEvent> stateEvents() {
		return this.stateMachine.events().publishOn(this.options.eventScheduler());
	}

	/**
	 * The WELCOME information of the joined session.
	 * @return the info, or null while not joined
	 */
	public @Nullable SessionInfo sessionInfo() {
		ClientSession current = this.session;
		return (current != null) ? current.info() : null;
	}

	/**
	 * Whether the client is joined ({@link SessionState#JOINED} or
	 * {@link SessionState#DEGRADED}).
	 * @return true when requests may be sent
	 */
	public boolean isJoined() {
		ClientSession current = this.session;
		return current != null && current.isJoined();
	}

	/**
	 * The registrations and subscriptions the last restore could not bring back, and why;
	 * empty unless the state is {@link SessionState#DEGRADED}.
	 * @return descriptions such as
	 * {@code registration of 'com.example.add2': wamp.error.not_authorized}
	 */
	public List<String> missing() {
		return this.missing;
	}

	/**
	 * How many events were dropped: a subscription handler's buffer
	 * ({@link ClientLimits#eventBuffer()}) was full, or the payload could not be read.
	 * @return the count since the client was created
	 */
	public long droppedEvents() {
		return this.droppedEvents.count();
	}

	/**
	 * How many invocations were refused with {@code wamp.error.unavailable} because
	 * {@link ClientLimits#maxQueuedInvocations()} were running or queued.
	 * @return the count since the client was created
	 */
	public long refusedInvocations() {
		return this.refusedInvocations.get();
	}

	/**
	 * The registrations and subscriptions that the router revoked and that stay revoked
	 * ({@link RevocationPolicy#KEEP_REVOKED}), until the application unregisters or
	 * unsubscribes them.
	 * @return a snapshot
	 */
	public List<Revocation> revoked() {
		return List.copyOf(this.revoked.values());
	}

	/**
	 * Every revocation, as it happens: a hot {@link Flux} that each subscriber receives
	 * from the time it subscribed (an event no subscriber can take at once is dropped for
	 * it), on the client's command thread (hand slow work off).
	 * @return the revocations
	 */
	public Flux<Revocation> revocations() {
		return this.revocations.asFlux();
	}

	/**
	 * The testaments the application left with {@link #addTestament(Testament)}.
	 * @return a snapshot
	 */
	public List<Testament> testaments() {
		return this.testaments.stream().map(LeftTestament::testament).toList();
	}

	void eventDropped(String topic, int buffer) {
		this.droppedEvents.warn("dropping events of '{}': {} events already wait for its handler", topic, buffer);
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * Connect and join the realm; from then on the client reconnects on its own as its
	 * {@link ReconnectOptions} say, until {@link #close()}.
	 * @return a Mono that completes when joined (at once when already joined), and errors
	 * when the attempt fails terminally: a {@link WampAuthenticationException} when the
	 * router refused the credentials (with
	 * {@link ReconnectOptions.AuthFailurePolicy#STOP}), or the last failure when the
	 * retries are exhausted
	 */
	public Mono<SessionInfo> connect() {
		return this.commands.submit("connect", () -> {
			ClientSession current = this.session;
			SessionInfo info = (current != null && current.isJoined()) ? current.info() : null;
			if (info != null) {
				return Mono.just(Mono.just(info));
			}
			Mono<SessionInfo> joined = this.nextJoin.asMono();
			if (!this.wanted) {
				this.wanted = true;
				supervise(0, Duration.ZERO);
			}
			return Mono.just(joined);
		}).flatMap((joined) -> joined).publishOn(this.options.resultScheduler());
	}

	// Command. Start the supervisor: attempts with retries, after an initial delay.
	private void supervise(int retriesDone, Duration delay) {
		ReconnectSupervisor supervisor = new ReconnectSupervisor(this.options.reconnect(), Schedulers.parallel());
		Mono<ClientSession> attempts = supervisor.connect(this::attempt, retriesDone, this::retrying);
		if (!delay.isZero()) {
			attempts = Mono.delay(delay, Schedulers.parallel()).then(attempts);
		}
		this.supervision = attempts.subscribe(null,
				(error) -> this.commands.submit("give up", () -> giveUp(error)).subscribe(null, (e) -> {
				}));
	}

	// One attempt: open the transport, join within the join timeout, then adopt the
	// session (restore into it) as a command of its own.
	private Mono<ClientSession> attempt() {
		ClientOptions attemptOptions = this.options;
		return Mono.defer(() -> {
			this.stateMachine.transition(SessionState.CONNECTING, "connecting to "
					+ attemptOptions.transport().describe() + " (realm '" + attemptOptions.realm() + "')");
			SessionListener listener = new SessionListener() {

				@Override
				public void onChallenge(String method) {
					WampClient.this.stateMachine.transition(SessionState.AUTHENTICATING,
							"authenticating to realm '" + attemptOptions.realm() + "' with method '" + method + "'");
				}

				@Override
				public void onEventDropped() {
					WampClient.this.droppedEvents.count(1);
				}

				@Override
				public void onInvocationRefused() {
					WampClient.this.refusedInvocations.incrementAndGet();
				}

				@Override
				public void onRevoked(boolean registration, long routerId, @Nullable String reason) {
					WampClient.this.commands.submit("handle a revocation", () -> {
						ClientSession current = WampClient.this.session;
						return (current != null) ? revoked(current, registration, routerId, reason) : Mono.empty();
					}).subscribe(null, (e) -> logger.debug("revocation not handled: {}", e.toString()));
				}

			};
			return attemptOptions.transport().connect().flatMap((connection) -> {
				ClientSession candidate = new ClientSession(connection, attemptOptions, listener);
				return candidate.join()
					// close() canceled the attempt while joining: do not leave a
					// half-open session behind (once joined, the session is adopt's to
					// keep or to leave)
					.doFinally((signal) -> {
						if (signal == SignalType.CANCEL && !candidate.isJoined()) {
							candidate.dispose(attemptOptions.goodbyeTimeout());
						}
					})
					.then(this.commands.submit("restore", () -> adopt(candidate), false));
			});
		});
	}

	// Command, before a retry: announce it (unless the client was closed meanwhile).
	private Mono<Void> retrying(int retry, Duration delay, Throwable error) {
		return this.commands.submit("announce a retry", () -> {
			if (!this.wanted) {
				return Mono.error(error);
			}
			int max = this.options.reconnect().maxRetries();
			this.stateMachine.transition(SessionState.RECONNECTING,
					"reconnecting in " + delay.toMillis() + " ms (attempt " + retry + " of "
							+ ((max < 0) ? "unlimited" : max) + "): " + ReconnectSupervisor.describe(error),
					error, retry, delay);
			return Mono.empty();
		});
	}

	// Command: a session joined; make it the client's and restore into it.
	private Mono<ClientSession> adopt(ClientSession candidate) {
		if (!this.wanted) {
			// closed while joining
			candidate.leave(this.options.goodbyeTimeout()).subscribe(null, (error) -> {
			});
			return Mono.empty();
		}
		if (candidate.isEnded()) {
			return Mono.error(endError(candidate, "session ended while joining"));
		}
		this.session = candidate;
		return restore(candidate).flatMap((failures) -> {
			if (candidate.isEnded()) {
				this.session = null;
				return Mono.error(endError(candidate, "session ended while restoring"));
			}
			this.missing = failures;
			SessionInfo info = Objects.requireNonNull(candidate.info());
			String joined = "joined realm '" + info.realm() + "' as session " + info.sessionId() + " (authid="
					+ info.authid() + ", authrole=" + info.authrole() + ", " + candidate.protocol()
					+ restoredSummary(failures) + ")";
			if (failures.isEmpty()) {
				this.stateMachine.transition(SessionState.JOINED, joined);
			}
			else {
				this.stateMachine.transition(SessionState.DEGRADED, joined + "; not restored, retrying: " + failures);
				retryRestore(candidate, 1);
			}
			candidate.closed()
				.subscribe((end) -> this.commands.submit("handle a lost session", () -> lost(candidate, end))
					.subscribe(null, (e) -> {
					}));
			Sinks.One<SessionInfo> join = this.nextJoin;
			this.nextJoin = Sinks.one();
			join.tryEmitValue(info);
			return Mono.just(candidate);
		});
	}

	private static Throwable endError(ClientSession candidate, String fallback) {
		SessionEnd end = candidate.end();
		return (end != null && end.error() != null) ? end.error()
				: new WampException(WampUris.TRANSPORT_LOST, fallback);
	}

	private String restoredSummary(List<String> failures) {
		int wanted = this.registrations.size() + this.subscriptionGroups.size();
		return (wanted == 0) ? ""
				: ", " + (wanted - failures.size()) + " of " + wanted + " registrations and subscriptions restored";
	}

	/**
	 * Register and subscribe, in a session, everything the application holds that is not
	 * there yet. Runs inside a command.
	 * @return what could not be restored, and why
	 */
	private Mono<List<String>> restore(ClientSession candidate) {
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		List<Mono<?>> work = new ArrayList<>();
		for (RegistrationHandle registration : this.registrations) {
			if (registration.boundSession() == candidate) {
				continue;
			}
			work.add(candidate.register(registration.procedure(), registration.options(), registration)
				.doOnNext((id) -> registration.bind(candidate, id))
				.onErrorResume((error) -> {
					failures.add("registration of '" + registration.procedure() + "': " + reason(error));
					return Mono.empty();
				}));
		}
		for (SubscriptionGroup group : this.subscriptionGroups.values()) {
			if (group.isBoundTo(candidate) || group.isEmpty()) {
				continue;
			}
			work.add(candidate.subscribe(group.topic(), group.subscribeOptions(), group)
				.doOnNext((id) -> group.bind(candidate, id))
				.onErrorResume((error) -> {
					failures.add("subscription to '" + group.topic() + "': " + reason(error));
					return Mono.empty();
				}));
		}
		for (LeftTestament left : this.testaments) {
			if (left.session == candidate) {
				continue;
			}
			work.add(leave(candidate, left).onErrorResume((error) -> {
				failures.add("testament on '" + left.testament.topic() + "': " + reason(error));
				return Mono.empty();
			}));
		}
		return Mono.when(work).then(Mono.fromSupplier(() -> List.copyOf(failures)));
	}

	// Command: the router revoked a registration or subscription of the session.
	private Mono<Void> revoked(ClientSession current, boolean registration, long routerId, @Nullable String reason) {
		long sessionId = (current.info() != null) ? current.info().sessionId() : 0;
		Revocation revocation = null;
		if (registration) {
			boolean again = this.options.onRegistrationRevoked() == RevocationPolicy.AGAIN;
			for (RegistrationHandle handle : this.registrations) {
				if (handle.boundSession() == current && handle.boundId() == routerId) {
					handle.revoke(reason);
					revocation = new Revocation(true, handle.procedure(), routerId, reason, sessionId, again);
					if (!again) {
						this.registrations.remove(handle);
						this.revoked.put(handle, revocation);
					}
					break;
				}
			}
		}
		else {
			boolean again = this.options.onSubscriptionRevoked() == RevocationPolicy.AGAIN;
			for (SubscriptionGroup group : this.subscriptionGroups.values()) {
				if (group.isBoundTo(current) && group.boundId() == routerId) {
					group.revoke(reason);
					revocation = new Revocation(false, group.topic(), routerId, reason, sessionId, again);
					if (!again) {
						this.subscriptionGroups.remove(group.key(), group);
						this.revoked.put(group, revocation);
					}
					break;
				}
			}
		}
		if (revocation == null) {
			return Mono.empty();
		}
		logger.warn("{} in session {}; {}", revocation.describe(), sessionId,
				revocation.again() ? "registering or subscribing again"
						: "it stays revoked until the application registers or subscribes again");
		this.revocations.tryEmitNext(revocation);
		if (!revocation.again() || !current.isJoined()) {
			return Mono.empty();
		}
		return restore(current).doOnNext((failures) -> {
			if (!failures.isEmpty()) {
				this.missing = failures;
				this.stateMachine.transition(SessionState.DEGRADED,
						"not restored after a revocation, retrying: " + failures);
				retryRestore(current, 1);
			}
		}).then();
	}

	private static String reason(Throwable error) {
		return (error instanceof WampException wampError) ? wampError.getUri() + " (" + wampError.getMessage() + ")"
				: ReconnectSupervisor.describe(error);
	}

	// After a partial restore: try the missing ones again after the backoff, as a
	// command.
	private void retryRestore(ClientSession candidate, int attempt) {
		Duration delay = this.options.reconnect().backoff().delay(attempt);
		Mono.delay(delay, Schedulers.parallel()).then(this.commands.submit("restore again", () -> {
			if (this.session != candidate || !candidate.isJoined()) {
				return Mono.empty();
			}
			return restore(candidate).doOnNext((failures) -> {
				this.missing = failures;
				if (failures.isEmpty()) {
					this.stateMachine.transition(SessionState.JOINED,
							"restored every registration and subscription in session " + sessionId(candidate));
				}
				else {
					logger.warn("still not restored in session {}, retrying: {}", sessionId(candidate), failures);
					retryRestore(candidate, attempt + 1);
				}
			});
		})).subscribe(null, (error) -> {
		});
	}

	private static String sessionId(ClientSession candidate) {
		SessionInfo info = candidate.info();
		return (info != null) ? String.valueOf(info.sessionId()) : "?";
	}

	// Command: the client's session ended.
	private Mono<Void> lost(ClientSession ended, SessionEnd end) {
		if (this.session != ended) {
			return Mono.empty();
		}
		this.session = null;
		this.missing = List.of();
		if (!this.wanted) {
			return Mono.empty();
		}
		Throwable error = (end.error() != null) ? end.error()
				: new WampException(WampUris.TRANSPORT_LOST, end.reason());
		ReconnectSupervisor supervisor = new ReconnectSupervisor(this.options.reconnect(), Schedulers.parallel());
		if (!supervisor.retriesLostSessions()) {
			return giveUp(new ReconnectSupervisor.GaveUp("left: " + end.reason(), error));
		}
		Duration delay = supervisor.firstDelay();
		int max = this.options.reconnect().maxRetries();
		this.stateMachine.transition(SessionState.RECONNECTING, "reconnecting in " + delay.toMillis()
				+ " ms (attempt 1 of " + ((max < 0) ? "unlimited" : max) + "): " + end.reason(), error, 1, delay);
		supervise(1, delay);
		return Mono.empty();
	}

	// Command: the supervisor stopped.
	private Mono<Void> giveUp(Throwable error) {
		if (!this.wanted) {
			return Mono.empty();
		}
		this.wanted = false;
		this.supervision = null;
		Throwable failure = (error instanceof ReconnectSupervisor.GaveUp gaveUp) ? gaveUp.failure() : error;
		this.stateMachine.transition(SessionState.CLOSED, ReconnectSupervisor.describe(error), failure, 0,
				Duration.ZERO);
		Sinks.One<SessionInfo> join = this.nextJoin;
		this.nextJoin = Sinks.one();
		join.tryEmitError(failure);
		return Mono.empty();
	}

	/**
	 * Leave the realm and stop reconnecting: GOODBYE ({@code wamp.close.normal}), wait
	 * for the router's answer up to {@link ClientOptions#goodbyeTimeout()}, close the
	 * transport. Pending requests fail with {@link WampUris#SESSION_CLOSED}. The client
	 * may connect again later; registrations and subscriptions that were not removed are
	 * kept and restored by the next {@link #connect()}.
	 * @return a Mono that completes when closed
	 */
	public Mono<Void> close() {
		return close(Duration.ZERO);
	}

	/**
	 * Leave gracefully: like {@link #close()}, but first wait up to a grace period for
	 * the invocations that are running in handlers to answer. New requests from the
	 * application fail with {@link WampUris#NOT_CONNECTED} once the close runs.
	 * @param gracePeriod how long to wait for running invocations; zero to not wait
	 * @return a Mono that completes when closed
	 */
	public Mono<Void> close(Duration gracePeriod) {
		Objects.requireNonNull(gracePeriod, "gracePeriod");
		return Mono.defer(() -> {
			// stop a running attempt at once (a join may wait for its timeout); the rest
			// is a command
			this.wanted = false;
			dispose(this.supervision);
			return this.commands.submit("close", () -> closeCommand(gracePeriod), false);
		}).publishOn(this.options.resultScheduler());
	}

	// Command.
	private Mono<Void> closeCommand(Duration gracePeriod) {
		this.wanted = false;
		dispose(this.supervision);
		this.supervision = null;
		ClientSession current = this.session;
		this.session = null;
		this.missing = List.of();
		Sinks.One<SessionInfo> join = this.nextJoin;
		this.nextJoin = Sinks.one();
		join.tryEmitError(new WampException(WampUris.SESSION_CLOSED, "client closed before it joined"));
		if (current == null || !current.isJoined()) {
			this.stateMachine.transition(SessionState.CLOSED, "left: closed by the application");
			if (current != null) {
				current.dispose(this.options.goodbyeTimeout());
			}
			return Mono.empty();
		}
		this.stateMachine.transition(SessionState.LEAVING, "leaving realm '" + this.options.realm() + "'");
		return current.awaitInvocations(gracePeriod)
			.then(current.leave(this.options.goodbyeTimeout()))
			.onErrorResume((error) -> Mono.empty())
			.then(Mono.fromRunnable(
					() -> this.stateMachine.transition(SessionState.CLOSED, "left: closed by the application")));
	}

	/**
	 * Re-open the session under other options, typically another authid and other
	 * authenticators (derive them with {@link ClientOptions#mutate()}): leave gracefully
	 * as {@link #close(Duration)} does, take the new options, and connect again.
	 * Registrations and subscriptions are kept and restored in the new session, and their
	 * handles stay valid.
	 * @param newOptions the options of the new session
	 * @param gracePeriod how long running invocations may take before GOODBYE
	 * @return a Mono that completes when the new session joined, with the errors of
	 * {@link #connect()}
	 */
	public Mono<SessionInfo> reconnect(ClientOptions newOptions, Duration gracePeriod) {
		Objects.requireNonNull(newOptions, "newOptions");
		return close(gracePeriod).then(this.commands.submit("change options", () -> {
			this.options = newOptions;
			return Mono.<Void>empty();
		})).then(Mono.defer(this::connect));
	}

	private static void dispose(@Nullable Disposable disposable) {
		if (disposable != null) {
			disposable.dispose();
		}
	}

	// Registrations and subscriptions are checked here (they are rare and outlive
	// sessions); calls and publications are left to the router, to keep the hot path
	// short.
	private static void checkUri(String uri, MatchPolicy match, String what) {
		if (!WampUriValidator.LOOSE_RULES.isValid(uri, match)) {
			try {
				WampUriValidator.LOOSE_RULES.check(uri, match, what);
			}
			catch (IllegalArgumentException ex) {
				throw new WampException(WampUris.INVALID_URI, ex.getMessage());
			}
		}
	}

	private ClientSession joinedSession(String what) {
		ClientSession current = this.session;
		if (current == null || !current.isJoined()) {
			throw new WampException(WampUris.NOT_CONNECTED, "cannot " + what + ": the client is not joined to realm '"
					+ this.options.realm() + "' (state " + state() + ")");
		}
		return current;
	}

	// For the hot path: the message is built only when the client is not joined.
	ClientSession joinedSession(String action, String uri) {
		ClientSession current = this.session;
		if (current == null || !current.isJoined()) {
			return joinedSession(action + " '" + uri + "'");
		}
		return current;
	}

	// ---------------------------------------------------------------- RPC

	/**
	 * Call a procedure and receive its final result.
	 * @param procedure the procedure URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options (timeout, disclosure, cancel mode)
	 * @return the result; an error with {@link WampException} for an ERROR answer (its
	 * URI, args and kwargs), {@link WampUris#TIMEOUT} when the client-side timeout fired,
	 * {@link WampUris#TRANSPORT_LOST} or {@link WampUris#NOT_CONNECTED}. Canceling the
	 * subscription sends CANCEL.
	 */
	public Mono<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions callOptions) {
		Objects.requireNonNull(procedure, "procedure");
		return new PlainCallMono(this, procedure, args, kwargs, callOptions);
	}

	/**
	 * Call a procedure without arguments and options.
	 * @param procedure the procedure URI
	 * @return the result
	 */
	public Mono<CallResult> call(String procedure) {
		return call(procedure, List.of(), Map.of(), CallOptions.defaults());
	}

	/**
	 * Call a procedure with positional arguments and default options.
	 * @param procedure the procedure URI
	 * @param args positional arguments
	 * @return the result
	 */
	public Mono<CallResult> call(String procedure, List<?> args) {
		return call(procedure, args, Map.of(), CallOptions.defaults());
	}

	/**
	 * Call a procedure asking for progressive results ({@code receive_progress=true}).
	 * @param procedure the procedure URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options
	 * @return the progressive results, then the final one; errors as for
	 * {@link #call(String, List, Map, CallOptions)}
	 */
	public Flux<CallResult> callProgressive(String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions) {
		return Flux.defer(() -> joinedSession("call", procedure).callProgressive(procedure, args, kwargs, callOptions))
			// prefetch 1: the session sees the subscriber's own demand, so that at most
			// ClientLimits.progressiveBuffer results wait for it (256 more would hide in
			// publishOn)
			.publishOn(this.options.resultScheduler(), 1);
	}

	/**
	 * Call a procedure streaming its arguments as progressive call invocations
	 * ({@code progressive_call_invocations}): every chunk is sent as soon as it comes in
	 * a CALL with {@code progress=true} under one request id, and a final CALL without
	 * arguments ends the stream when {@code chunks} completes (an empty {@code chunks}
	 * makes a plain call without arguments). The next chunk is requested only when the
	 * previous one was written to the connection. Progressive results are asked for
	 * ({@code receive_progress=true}), so the callee may answer while the chunks still
	 * flow (a bidirectional stream); use {@code last()} for the final result only. The
	 * call's options, deadline included, hold for the whole stream.
	 * @param procedure the procedure URI
	 * @param chunks the arguments; subscribed once, on the client's handler scheduler
	 * @param callOptions the options
	 * @return the progressive results, then the final one. Fails before anything is sent
	 * with {@link WampUris#FEATURE_NOT_SUPPORTED} when the router did not announce
	 * {@code progressive_call_invocations}; an error of {@code chunks} cancels the call
	 * (CANCEL) and is passed on; canceling the subscription sends CANCEL and stops
	 * reading {@code chunks}; the callee's or router's ERROR (such as
	 * {@code wamp.error.limit_exceeded} when the callee falls behind) stops reading them
	 * too; otherwise errors as for {@link #call(String, List, Map, CallOptions)}
	 */
	public Flux<CallResult> callProgressive(String procedure, Publisher<Payload> chunks, CallOptions callOptions) {
		Objects.requireNonNull(chunks, "chunks");
		return Flux.defer(() -> joinedSession("call", procedure).callStreaming(procedure, chunks, callOptions))
			.publishOn(this.options.resultScheduler(), 1);
	}

	/**
	 * Call a procedure streaming its arguments, with default options; see
	 * {@link #callProgressive(String, Publisher, CallOptions)}.
	 * @param procedure the procedure URI
	 * @param chunks the arguments
	 * @return the progressive results, then the final one
	 */
	public Flux<CallResult> callProgressive(String procedure, Publisher<Payload> chunks) {
		return callProgressive(procedure, chunks, CallOptions.defaults());
	}

	/**
	 * Register a procedure. It is registered again after every reconnect. Registrations,
	 * unregistrations, subscriptions and restores are applied in order, one at a time;
	 * when the subscriber cancels before the router confirmed, the registration is
	 * undone.
	 * @param procedure the URI (or pattern, with a prefix or wildcard match)
	 * @param registerOptions the options
	 * @param handler the code to run for every invocation
	 * @return the registration handle; an error with the router's {@link WampException}
	 * (such as {@code wamp.error.procedure_already_exists}), {@link WampUris#INVALID_URI}
	 * for a URI that breaks the loose URI rules of its match policy, or
	 * {@link WampUris#NOT_CONNECTED}
	 */
	public Mono<Registration> register(String procedure, RegisterOptions registerOptions, InvocationHandler handler) {
		Objects.requireNonNull(procedure, "procedure");
		Objects.requireNonNull(registerOptions, "registerOptions");
		Objects.requireNonNull(handler, "handler");
		return this.commands.submit("register '" + procedure + "'", () -> {
			checkUri(procedure, registerOptions.match(), "procedure");
			ClientSession current = joinedSession("register '" + procedure + "'");
			RegistrationHandle registration = new RegistrationHandle(this, procedure, registerOptions, handler);
			return current.register(procedure, registerOptions, registration).map((id) -> {
				registration.bind(current, id);
				this.registrations.add(registration);
				return (Registration) registration;
			});
		}).publishOn(this.options.resultScheduler());
	}

	Mono<Void> unregister(RegistrationHandle registration) {
		return this.commands.submit("unregister '" + registration.procedure() + "'", () -> {
			this.registrations.remove(registration);
			this.revoked.remove(registration);
			ClientSession current = this.session;
			ClientSession boundTo = registration.boundSession();
			long id = registration.registrationId();
			registration.unbind();
			if (current == null || boundTo != current || id == 0 || !current.isJoined()) {
				return Mono.<Void>empty();
			}
			return removedWithSession(current, current.unregister(id));
		}).publishOn(this.options.resultScheduler());
	}

	// ---------------------------------------------------------------- PubSub

	/**
	 * Publish an event.
	 * @param topic the topic URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param publishOptions the options
	 * @return with {@code acknowledge}: the publication id, or an error with the router's
	 * {@link WampException}; without: completes empty once the event was written
	 */
	public Mono<Long> publish(String topic, List<?> args, Map<String, ?> kwargs, PublishOptions publishOptions) {
		return Mono.defer(() -> joinedSession("publish to", topic).publish(topic, args, kwargs, publishOptions))
			.publishOn(this.options.resultScheduler());
	}

	/**
	 * The router's event history of a subscription: calls
	 * {@code wamp.subscription.get_events(subscription_id, limit)} (Crossbar.io's meta
	 * procedure, answered by the embedded router for topics in its realm's event-history
	 * configuration).
	 * @param subscriptionId the router's subscription id (see
	 * {@link Subscription#subscriptionId()})
	 * @param limit at most this many events, at least 1
	 * @return the events, newest first; an error with the router's {@link WampException}
	 * ({@code wamp.error.history_unavailable} when no history is kept for the
	 * subscription's topic, {@code wamp.error.no_such_subscription})
	 */
	public Mono<List<HistoricEvent>> eventHistory(long subscriptionId, int limit) {
		if (limit < 1) {
			return Mono.error(new IllegalArgumentException("limit must be at least 1, got " + limit));
		}
		return call(HistoricEvent.GET_EVENTS, List.of(subscriptionId, limit), Map.of(), CallOptions.defaults())
			.map(HistoricEvent::listOf);
	}

	/**
	 * Subscribe to a topic. Subscriptions with the same topic and options share one
	 * router subscription; it is subscribed again after every reconnect.
	 * @param topic the topic URI (or pattern, with a prefix or wildcard match)
	 * @param subscribeOptions the options
	 * @param handler receives the events, one at a time, on the handler scheduler
	 * @return the subscription handle; an error with the router's {@link WampException},
	 * {@link WampUris#INVALID_URI} for a topic that breaks the loose URI rules of its
	 * match policy, or {@link WampUris#NOT_CONNECTED}
	 */
	public Mono<Subscription> subscribe(String topic, SubscribeOptions subscribeOptions, EventHandler handler) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(subscribeOptions, "subscribeOptions");
		Objects.requireNonNull(handler, "handler");
		return this.commands.submit("subscribe to '" + topic + "'", () -> {
			checkUri(topic, subscribeOptions.match(), "topic");
			ClientSession current = joinedSession("subscribe to '" + topic + "'");
			SubscriptionGroup group = this.subscriptionGroups.computeIfAbsent(
					SubscriptionGroup.Key.of(topic, subscribeOptions),
					(key) -> new SubscriptionGroup(key, this.options.handlerScheduler()));
			SubscriptionHandle subscription = group.add(this, handler, subscribeOptions);
			if (group.isBoundTo(current) && !subscribeOptions.getRetained()) {
				return Mono.just((Subscription) subscription);
			}
			// A subscription that asks for the retained event subscribes again even when
			// the group is subscribed: the router answers with the same id and the event.
			if (subscribeOptions.getRetained()) {
				group.retainedFor(subscription);
			}
			return current.subscribe(topic, subscribeOptions, group).map((id) -> {
				group.bind(current, id);
				return (Subscription) subscription;
			}).doOnError((error) -> removeLocal(subscription)).doOnCancel(() -> removeLocal(subscription));
		}).publishOn(this.options.resultScheduler());
	}

	private @Nullable SubscriptionGroup removeLocal(SubscriptionHandle subscription) {
		SubscriptionGroup group = subscription.group();
		if (group.remove(subscription)) {
			this.subscriptionGroups.remove(group.key(), group);
			this.revoked.remove(group);
			return group;
		}
		return null;
	}

	// ---------------------------------------------------------------- testaments

	/**
	 * The testaments a client keeps; one more is refused (the embedded router keeps as
	 * many per scope).
	 */
	public static final int MAX_TESTAMENTS = 64;

	/**
	 * Leave a testament: an event the router publishes when this client's session ends,
	 * normally or not ({@code wamp.session.add_testament}). It is left again in every
	 * session the client joins, until {@link #flushTestaments(Testament.Scope)}.
	 * @param testament the testament
	 * @return completes when the router took it, or at once when the client is not joined
	 * (it is left when it joins); an error with the router's {@link WampException} (such
	 * as {@code wamp.error.not_authorized}, then it is not kept), or
	 * {@code wamp.error.limit_exceeded} beyond {@value #MAX_TESTAMENTS}
	 */
	public Mono<Void> addTestament(Testament testament) {
		Objects.requireNonNull(testament, "testament");
		return this.commands.submit("leave a testament on '" + testament.topic() + "'", () -> {
			checkUri(testament.topic(), MatchPolicy.EXACT, "testament topic");
			if (this.testaments.size() >= MAX_TESTAMENTS) {
				return Mono.<Void>error(new WampException("wamp.error.limit_exceeded",
						"this client already keeps " + MAX_TESTAMENTS + " testaments"));
			}
			LeftTestament left = new LeftTestament(testament);
			this.testaments.add(left);
			ClientSession current = this.session;
			if (current == null || !current.isJoined()) {
				return Mono.<Void>empty();
			}
			return leave(current, left).onErrorResume((error) -> {
				this.testaments.remove(left);
				return Mono.error(error);
			});
		}).publishOn(this.options.resultScheduler());
	}

	/**
	 * Remove the testaments of a scope, here and in the router
	 * ({@code wamp.session.flush_testaments}), for example before a clean shutdown that
	 * should not announce itself.
	 * @param scope the scope
	 * @return completes when the router flushed them, or at once when not joined
	 */
	public Mono<Void> flushTestaments(Testament.Scope scope) {
		Objects.requireNonNull(scope, "scope");
		return this.commands.submit("flush the " + scope.wireName() + " testaments", () -> {
			this.testaments.removeIf((left) -> left.testament.scope() == scope);
			ClientSession current = this.session;
			if (current == null || !current.isJoined()) {
				return Mono.<Void>empty();
			}
			return current
				.call("wamp.session.flush_testaments", List.of(), Map.of("scope", scope.wireName()),
						CallOptions.defaults())
				.then();
		}).publishOn(this.options.resultScheduler());
	}

	private Mono<Void> leave(ClientSession target, LeftTestament left) {
		Testament testament = left.testament;
		return target
			.call("wamp.session.add_testament", List.of(testament.topic(), testament.args(), testament.kwargs()),
					Map.of("publish_options", testament.publishOptions(), "scope", testament.scope().wireName()),
					CallOptions.defaults())
			.then(Mono.fromRunnable(() -> left.session = target));
	}

	/** A testament and the session it was left in. */
	private static final class LeftTestament {

		final Testament testament;

		volatile @Nullable ClientSession session;

		LeftTestament(Testament testament) {
			this.testament = testament;
		}

		Testament testament() {
			return this.testament;
		}

	}

	Mono<Void> unsubscribe(SubscriptionHandle subscription) {
		return this.commands.submit("unsubscribe from '" + subscription.topic() + "'", () -> {
			SubscriptionGroup emptied = removeLocal(subscription);
			ClientSession current = this.session;
			long id = (emptied != null) ? emptied.unbind(current) : 0;
			if (id == 0 || current == null || !current.isJoined()) {
				return Mono.<Void>empty();
			}
			return removedWithSession(current, current.unsubscribe(id));
		}).publishOn(this.options.resultScheduler());
	}

	// A session that ends before the router confirmed an UNREGISTER or UNSUBSCRIBE takes
	// the registration or subscription with it: the removal is done, as when the client
	// is not joined, and the handle is not restored. A write that failed on a closing
	// connection is done once the session ended with it.
	private Mono<Void> removedWithSession(ClientSession session, Mono<Void> removal) {
		return removal.onErrorResume((error) -> {
			if (!session.isJoined()) {
				return Mono.empty();
			}
			if (error instanceof WampException wampError && WampUris.TRANSPORT_LOST.equals(wampError.getUri())) {
				return session.closed().then().timeout(this.options.goodbyeTimeout(), Mono.error(error));
			}
			return Mono.error(error);
		});
	}

	@Override
	public String toString() {
		return "WampClient[" + this.options.transport().describe() + ", realm=" + this.options.realm() + ", state="
				+ state() + "]";
	}

}
