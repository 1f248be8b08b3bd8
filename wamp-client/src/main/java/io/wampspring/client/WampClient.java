package io.wampspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.reconnect.SessionStateMachine;
import io.wampspring.client.session.ClientSession;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * A reactive WAMP v2 client: one session to one realm of one router, with RPC (caller and
 * callee), PubSub (publisher and subscriber), authentication and automatic reconnection.
 * <p>
 * Registrations and subscriptions survive reconnects: after every rejoin the client
 * restores them and the handles stay valid. While the client is not joined, requests fail
 * at once with {@link WampUris#NOT_CONNECTED}; when the transport is lost, every pending
 * request fails with {@link WampUris#TRANSPORT_LOST}. Handlers run on
 * {@link ClientOptions#handlerScheduler()} and request outcomes are delivered on
 * {@link ClientOptions#resultScheduler()}, never on the I/O thread. Thread safe.
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

	// replaced only by reconnect(ClientOptions, Duration), between a close and a connect
	private volatile ClientOptions options;

	private final SessionStateMachine stateMachine;

	private final Object lock = new Object();

	private final Set<RegistrationHandle> registrations = ConcurrentHashMap.newKeySet();

	private final Map<SubscriptionGroup.Key, SubscriptionGroup> subscriptionGroups = new ConcurrentHashMap<>();

	private volatile @Nullable ClientSession session;

	private @Nullable Disposable attempt;

	private @Nullable Disposable timer;

	private int retries;

	private volatile int lastRestored;

	private boolean stopped = true;

	private Sinks.@Nullable One<SessionInfo> firstJoin;

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

	private void log(SessionStateEvent event) {
		if (event.reason() != null) {
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
	 * Every state change, starting with the current state (replayed to each new subscriber),
	 * delivered on {@link ClientOptions#resultScheduler()}.
	 * @return a hot Flux of state events
	 */
	public Flux<SessionStateEvent> stateEvents() {
		// delivered off the client's locks and I/O threads, so a listener may call back into the client
		return this.stateMachine.events().publishOn(this.options.resultScheduler());
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
	 * Whether the client is joined.
	 * @return true when requests may be sent
	 */
	public boolean isJoined() {
		ClientSession current = this.session;
		return current != null && current.isJoined();
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * Connect and join the realm; from then on the client reconnects on its own as its
	 * {@link ReconnectOptions} say, until {@link #close()}.
	 * @return a Mono that completes when joined (at once when already joined), and errors
	 * when the attempt fails terminally: a {@link WampAuthenticationException} when the router
	 * refused the credentials (with {@link ReconnectOptions.AuthFailurePolicy#STOP}), or the
	 * last failure when the retries are exhausted
	 */
	public Mono<SessionInfo> connect() {
		return Mono.defer(() -> {
			synchronized (this.lock) {
				SessionInfo info = sessionInfo();
				if (info != null && isJoined()) {
					return Mono.just(info);
				}
				if (state() == SessionState.LEAVING) {
					// a close() is still saying goodbye: connect again once it is done
					return stateEvents().filter((event) -> event.state() == SessionState.CLOSED)
						.next()
						.then(Mono.defer(this::connect));
				}
				if (this.stopped) {
					this.stopped = false;
					this.retries = 0;
					this.firstJoin = Sinks.one();
					Sinks.One<SessionInfo> join = this.firstJoin;
					startAttempt();
					return join.asMono();
				}
				// already (re)connecting: wait for the next JOINED, or for the client to give up
				return stateEvents()
					.filter((event) -> event.state() == SessionState.JOINED || event.state() == SessionState.CLOSED)
					.next()
					.flatMap((event) -> {
						SessionInfo joined = sessionInfo();
						if (event.state() == SessionState.JOINED && joined != null) {
							return Mono.just(joined);
						}
						return Mono.error((event.error() != null) ? event.error()
								: new WampException(WampUris.NOT_CONNECTED, "the client was closed before it joined"));
					});
			}
		}).publishOn(this.options.resultScheduler());
	}

	// Called under the lock.
	private void startAttempt() {
		if (!this.stateMachine.transition(SessionState.CONNECTING,
				"connecting to " + this.options.transport().describe() + " (realm '" + this.options.realm() + "')")) {
			giveUp("cannot connect from state " + state(),
					new IllegalStateException("cannot connect while the client is " + state()));
			return;
		}
		SessionListener listener = (method) -> this.stateMachine.transition(SessionState.AUTHENTICATING,
				"authenticating to realm '" + this.options.realm() + "' with method '" + method + "'");
		this.attempt = this.options.transport()
			.connect()
			.flatMap((connection) -> {
				ClientSession candidate = new ClientSession(connection, this.options, listener);
				candidate.closed().subscribe((end) -> onSessionEnded(candidate, end));
				return candidate.join()
					.then(Mono.defer(() -> restore(candidate)))
					.map((restored) -> {
						this.lastRestored = restored;
						return candidate;
					})
					// close() canceled the attempt: do not leave a half-open session behind
					.doOnCancel(() -> candidate.dispose(this.options.goodbyeTimeout()));
			})
			// never open the transport or send HELLO while holding the client's lock: an
			// in-process router may answer synchronously from its own threads
			.subscribeOn(Schedulers.parallel())
			.subscribe(this::onJoined, this::onAttemptFailed);
	}

	/**
	 * Register and subscribe everything the application holds in a new session.
	 * @return how many registrations and subscriptions were restored
	 */
	private Mono<Integer> restore(ClientSession candidate) {
		AtomicInteger restored = new AtomicInteger();
		List<Mono<?>> work = new ArrayList<>();
		for (RegistrationHandle registration : this.registrations) {
			work.add(candidate.register(registration.procedure(), registration.options(), registration)
				.doOnNext((id) -> {
					registration.bind(candidate, id);
					restored.incrementAndGet();
				})
				.onErrorResume((error) -> {
					logger.warn("could not restore the registration of '{}': {}", registration.procedure(),
							error.getMessage());
					return Mono.empty();
				}));
		}
		for (SubscriptionGroup group : this.subscriptionGroups.values()) {
			work.add(group.subscribeIn(candidate).doOnNext((id) -> restored.incrementAndGet()).onErrorResume((error) -> {
				logger.warn("could not restore the subscription to '{}': {}", group.topic(), error.getMessage());
				return Mono.empty();
			}));
		}
		return Mono.when(work).then(Mono.fromSupplier(restored::get));
	}

	private void onJoined(ClientSession joined) {
		boolean unwanted;
		synchronized (this.lock) {
			unwanted = this.stopped && !joined.isEnded();
		}
		if (unwanted) {
			// closed while joining; leave outside the lock
			joined.leave(this.options.goodbyeTimeout()).subscribe(null, (error) -> {
			});
			return;
		}
		synchronized (this.lock) {
			if (joined.isEnded()) {
				SessionEnd end = joined.end();
				onAttemptFailed((end != null && end.error() != null) ? end.error()
						: new WampException(WampUris.TRANSPORT_LOST, "session ended while joining"));
				return;
			}
			if (this.stopped) {
				return;
			}
			this.session = joined;
			this.retries = 0;
			SessionInfo info = Objects.requireNonNull(joined.info());
			this.stateMachine.transition(SessionState.JOINED,
					"joined realm '" + info.realm() + "' as session " + info.sessionId() + " (authid=" + info.authid()
							+ ", authrole=" + info.authrole() + ", " + joined.protocol() + restoredSummary() + ")");
			Sinks.One<SessionInfo> join = this.firstJoin;
			if (join != null) {
				join.tryEmitValue(info);
			}
		}
	}

	private String restoredSummary() {
		int wanted = this.registrations.size() + this.subscriptionGroups.size();
		return (wanted == 0) ? ""
				: ", " + this.lastRestored + " of " + wanted + " registrations and subscriptions restored";
	}

	private void onAttemptFailed(Throwable error) {
		synchronized (this.lock) {
			if (this.stopped) {
				return;
			}
			ReconnectOptions reconnect = this.options.reconnect();
			String reason = describe(error);
			boolean authFailure = error instanceof WampAuthenticationException;
			if (authFailure && reconnect.authFailurePolicy() == ReconnectOptions.AuthFailurePolicy.STOP) {
				giveUp("authentication failed, not reconnecting: " + reason, error);
				return;
			}
			if (!reconnect.isEnabled()) {
				giveUp("connection failed and reconnect is disabled: " + reason, error);
				return;
			}
			if (!reconnect.allowsRetry(this.retries + 1)) {
				giveUp("giving up after " + this.retries + " retries: " + reason, error);
				return;
			}
			this.retries++;
			scheduleRetry(authFailure ? reconnect.backoff().max() : reconnect.backoff().delay(this.retries), reason,
					error);
		}
	}

	private void onSessionEnded(ClientSession ended, SessionEnd end) {
		synchronized (this.lock) {
			if (this.session != ended) {
				return;
			}
			this.session = null;
			if (this.stopped) {
				return;
			}
			ReconnectOptions reconnect = this.options.reconnect();
			Throwable error = (end.error() != null) ? end.error()
					: new WampException(WampUris.TRANSPORT_LOST, end.reason());
			if (!reconnect.allowsRetry(1)) {
				giveUp("left: " + end.reason(), error);
				return;
			}
			this.retries = 1;
			scheduleRetry(reconnect.backoff().delay(1), end.reason(), error);
		}
	}

	// Called under the lock.
	private void scheduleRetry(Duration delay, String reason, Throwable error) {
		int max = this.options.reconnect().maxRetries();
		this.stateMachine.transition(SessionState.RECONNECTING, "reconnecting in " + delay.toMillis() + " ms (attempt "
				+ this.retries + " of " + ((max < 0) ? "unlimited" : max) + "): " + reason, error, this.retries, delay);
		this.timer = Schedulers.parallel().schedule(() -> {
			synchronized (this.lock) {
				if (!this.stopped) {
					startAttempt();
				}
			}
		}, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	// Called under the lock.
	private void giveUp(String reason, Throwable error) {
		this.stopped = true;
		this.stateMachine.transition(SessionState.CLOSED, reason, error, 0, Duration.ZERO);
		Sinks.One<SessionInfo> join = this.firstJoin;
		if (join != null) {
			join.tryEmitError(error);
		}
	}

	private static String describe(Throwable error) {
		return (error.getMessage() != null) ? error.getMessage() : error.toString();
	}

	/**
	 * Leave the realm and stop reconnecting: GOODBYE ({@code wamp.close.normal}), wait for
	 * the router's answer up to {@link ClientOptions#goodbyeTimeout()}, close the transport.
	 * Pending requests fail with {@link WampUris#SESSION_CLOSED}. The client may connect
	 * again later; registrations and subscriptions that were not removed are kept and
	 * restored by the next {@link #connect()}.
	 * @return a Mono that completes when closed
	 */
	public Mono<Void> close() {
		return close(Duration.ZERO);
	}

	/**
	 * Leave gracefully: like {@link #close()}, but first wait up to a grace period for the
	 * invocations that are running in handlers to answer. New requests from the application
	 * fail with {@link WampUris#NOT_CONNECTED} from the start of the close.
	 * @param gracePeriod how long to wait for running invocations; zero to not wait
	 * @return a Mono that completes when closed
	 */
	public Mono<Void> close(Duration gracePeriod) {
		Objects.requireNonNull(gracePeriod, "gracePeriod");
		return Mono.defer(() -> {
			ClientSession current;
			Disposable pendingTimer;
			Disposable pendingAttempt;
			boolean leaving;
			synchronized (this.lock) {
				if (this.stopped && this.session == null) {
					return Mono.empty();
				}
				this.stopped = true;
				pendingTimer = this.timer;
				pendingAttempt = this.attempt;
				this.timer = null;
				this.attempt = null;
				current = this.session;
				this.session = null;
				Sinks.One<SessionInfo> join = this.firstJoin;
				if (join != null) {
					join.tryEmitError(new WampException(WampUris.SESSION_CLOSED, "client closed before it joined"));
				}
				leaving = current != null && this.stateMachine.transition(SessionState.LEAVING,
						"leaving realm '" + this.options.realm() + "'");
				if (!leaving) {
					this.stateMachine.transition(SessionState.CLOSED, "left: closed by the application");
				}
			}
			// canceling an attempt may send GOODBYE or close a connection: never under the lock
			dispose(pendingTimer);
			dispose(pendingAttempt);
			if (!leaving || current == null) {
				return Mono.empty();
			}
			return current.awaitInvocations(gracePeriod)
				.then(current.leave(this.options.goodbyeTimeout()))
				.onErrorResume((error) -> Mono.empty())
				.then(Mono.<Void>fromRunnable(() -> this.stateMachine.transition(SessionState.CLOSED,
						"left: closed by the application")));
		}).publishOn(this.options.resultScheduler());
	}

	/**
	 * Re-open the session under other options, typically another authid and other
	 * authenticators (derive them with {@link ClientOptions#mutate()}): leave gracefully as
	 * {@link #close(Duration)} does, take the new options, and connect again. Registrations and
	 * subscriptions are kept and restored in the new session, and their handles stay valid.
	 * @param newOptions the options of the new session
	 * @param gracePeriod how long running invocations may take before GOODBYE
	 * @return a Mono that completes when the new session joined, with the errors of
	 * {@link #connect()}
	 */
	public Mono<SessionInfo> reconnect(ClientOptions newOptions, Duration gracePeriod) {
		Objects.requireNonNull(newOptions, "newOptions");
		return close(gracePeriod).then(Mono.fromRunnable(() -> {
			synchronized (this.lock) {
				this.options = newOptions;
			}
		})).then(Mono.defer(this::connect));
	}

	private static void dispose(@Nullable Disposable disposable) {
		if (disposable != null) {
			disposable.dispose();
		}
	}

	// Registrations and subscriptions are checked here (they are rare and outlive sessions);
	// calls and publications are left to the router, to keep the hot path short.
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

	// ---------------------------------------------------------------- RPC

	/**
	 * Call a procedure and receive its final result.
	 * @param procedure the procedure URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param callOptions the options (timeout, disclosure, cancel mode)
	 * @return the result; an error with {@link WampException} for an ERROR answer (its URI,
	 * args and kwargs), {@link WampUris#TIMEOUT} when the client-side timeout fired,
	 * {@link WampUris#TRANSPORT_LOST} or {@link WampUris#NOT_CONNECTED}. Canceling the
	 * subscription sends CANCEL.
	 */
	public Mono<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions callOptions) {
		return Flux.defer(() -> joinedSession("call '" + procedure + "'").call(procedure, args, kwargs, callOptions, false))
			.last()
			.publishOn(this.options.resultScheduler());
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
		return Flux.defer(() -> joinedSession("call '" + procedure + "'").call(procedure, args, kwargs, callOptions, true))
			.publishOn(this.options.resultScheduler());
	}

	/**
	 * Register a procedure. It is registered again after every reconnect.
	 * @param procedure the URI (or pattern, with a prefix or wildcard match)
	 * @param registerOptions the options
	 * @param handler the code to run for every invocation
	 * @return the registration handle; an error with the router's {@link WampException}
	 * (such as {@code wamp.error.procedure_already_exists}), {@link WampUris#INVALID_URI} for
	 * a URI that breaks the loose URI rules of its match policy, or
	 * {@link WampUris#NOT_CONNECTED}
	 */
	public Mono<Registration> register(String procedure, RegisterOptions registerOptions, InvocationHandler handler) {
		Objects.requireNonNull(procedure, "procedure");
		Objects.requireNonNull(registerOptions, "registerOptions");
		Objects.requireNonNull(handler, "handler");
		return Mono.defer(() -> {
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
		return Mono.defer(() -> {
			this.registrations.remove(registration);
			ClientSession current = this.session;
			ClientSession boundTo = registration.boundSession();
			long id = registration.registrationId();
			registration.unbind();
			if (current == null || boundTo != current || id == 0 || !current.isJoined()) {
				return Mono.empty();
			}
			return current.unregister(id);
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
	public Mono<Long> publish(String topic, List<?> args, Map<String, ?> kwargs,
			PublishOptions publishOptions) {
		return Mono.defer(() -> joinedSession("publish to '" + topic + "'").publish(topic, args, kwargs, publishOptions))
			.publishOn(this.options.resultScheduler());
	}

	/**
	 * Subscribe to a topic. Subscriptions with the same topic and options share one router
	 * subscription; it is subscribed again after every reconnect.
	 * @param topic the topic URI (or pattern, with a prefix or wildcard match)
	 * @param subscribeOptions the options
	 * @param handler receives the events, one at a time, on the handler scheduler
	 * @return the subscription handle; an error with the router's {@link WampException},
	 * {@link WampUris#INVALID_URI} for a topic that breaks the loose URI rules of its match
	 * policy, or {@link WampUris#NOT_CONNECTED}
	 */
	public Mono<Subscription> subscribe(String topic, SubscribeOptions subscribeOptions, EventHandler handler) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(subscribeOptions, "subscribeOptions");
		Objects.requireNonNull(handler, "handler");
		return Mono.defer(() -> {
			checkUri(topic, subscribeOptions.match(), "topic");
			ClientSession current = joinedSession("subscribe to '" + topic + "'");
			SubscriptionGroup group;
			SubscriptionHandle subscription;
			synchronized (this.subscriptionGroups) {
				group = this.subscriptionGroups.computeIfAbsent(new SubscriptionGroup.Key(topic, subscribeOptions),
						(key) -> new SubscriptionGroup(key, this.options.handlerScheduler()));
				subscription = group.add(this, handler);
			}
			return group.subscribeIn(current)
				.thenReturn((Subscription) subscription)
				.doOnError((error) -> removeLocal(subscription));
		}).publishOn(this.options.resultScheduler());
	}

	private @Nullable SubscriptionGroup removeLocal(SubscriptionHandle subscription) {
		synchronized (this.subscriptionGroups) {
			SubscriptionGroup group = subscription.group();
			if (group.remove(subscription)) {
				this.subscriptionGroups.remove(group.key(), group);
				return group;
			}
			return null;
		}
	}

	Mono<Void> unsubscribe(SubscriptionHandle subscription) {
		return Mono.defer(() -> {
			SubscriptionGroup emptied = removeLocal(subscription);
			ClientSession current = this.session;
			if (emptied == null || current == null || !current.isJoined()) {
				return Mono.empty();
			}
			return emptied.unsubscribeIn(current);
		}).publishOn(this.options.resultScheduler());
	}

	@Override
	public String toString() {
		return "WampClient[" + this.options.transport().describe() + ", realm=" + this.options.realm() + ", state="
				+ state() + "]";
	}

}
