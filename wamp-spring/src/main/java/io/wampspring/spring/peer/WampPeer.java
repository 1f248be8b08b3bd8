package io.wampspring.spring.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.EventHandler;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.core.uri.WampUriValidator;
import io.wampspring.spring.event.WampRegistrationRevokedEvent;
import io.wampspring.spring.event.WampSessionJoinedEvent;
import io.wampspring.spring.event.WampSessionLeftEvent;
import io.wampspring.spring.event.WampSubscriptionRevokedEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;

/**
 * A named pool of client sessions to one router: the unit that the template and the
 * annotated endpoints use. Calls and publications go to one session picked by the
 * {@link PoolType}; registrations and subscriptions are made on every session of the
 * pool. URIs that start with a dot are relative to the peer's URI prefix.
 * <p>
 * As a {@link SmartLifecycle} bean it connects its sessions when the context starts
 * (waiting up to the startup timeout for them to join, so that endpoints can register
 * right away), publishes {@link WampSessionJoinedEvent} and {@link WampSessionLeftEvent},
 * and closes its sessions gracefully when the context stops, after the endpoint registry
 * (which stops in a later phase) unregistered its procedures.
 * <p>
 * The application events are published in order, one at a time, on the peer's event
 * executor ({@link Builder#eventExecutor(Executor)}), never on a Reactor {@code parallel}
 * or Netty thread: a listener may block, for example to call through
 * {@code WampTemplate.blocking()}. Without an executor the peer uses a thread of its own
 * while it runs ({@code wamp-events-<peer>}, with a queue of
 * {@value #EVENT_QUEUE_CAPACITY} events).
 *
 * <pre class="code">
 * WampPeer peer = WampPeer.builder("default")
 *     .clientOptions(ClientOptions.builder("ws://localhost:8080/ws", "realm1").build())
 *     .poolSize(2)
 *     .uriPrefix("com.example")
 *     .build();
 * </pre>
 */
public final class WampPeer implements SmartLifecycle, ApplicationEventPublisherAware {

	/**
	 * The lifecycle phase of peers: they start before the endpoint registry registers and
	 * stop after it unregistered, and after Spring Boot's graceful web server drain
	 * ({@code DEFAULT_PHASE - 1024}), so that an HTTP request still draining can call
	 * WAMP; before the web server itself stops ({@code DEFAULT_PHASE - 2048}).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1124;

	/** How many application events may wait for the peer's own event thread. */
	public static final int EVENT_QUEUE_CAPACITY = 256;

	private static final Logger logger = LoggerFactory.getLogger(WampPeer.class);

	private final String name;

	private final @Nullable String router;

	private final List<WampClient> clients;

	private final PoolType poolType;

	private final @Nullable String uriPrefix;

	private final Duration startupTimeout;

	private final Duration shutdownGracePeriod;

	private final boolean autoStartup;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicReferenceArray<@Nullable SessionStateEvent> lastEvents;

	private final AtomicLong reconnects = new AtomicLong();

	private final PoolSubscriptions poolSubscriptions;

	private final Object lifecycleMonitor = new Object();

	private @Nullable ApplicationEventPublisher eventPublisher;

	private final @Nullable Executor eventExecutor;

	private Disposable.@Nullable Composite watchers;

	private Scheduler.@Nullable Worker events;

	private @Nullable Scheduler ownEventScheduler;

	private volatile boolean running;

	private WampPeer(Builder builder) {
		this.name = builder.name;
		List<WampClient> pool = new ArrayList<>(builder.clients);
		if (builder.clientOptions != null) {
			for (int i = 0; i < builder.poolSize; i++) {
				pool.add(WampClient.create(builder.clientOptions));
			}
		}
		if (pool.isEmpty()) {
			throw new IllegalStateException(
					"peer '" + this.name + "' has no session: set clientOptions(..) or add clients(..)");
		}
		this.clients = List.copyOf(pool);
		this.poolSubscriptions = new PoolSubscriptions(this.name, this.clients);
		this.router = builder.router;
		this.lastEvents = new AtomicReferenceArray<>(this.clients.size());
		this.poolType = builder.poolType;
		this.uriPrefix = builder.uriPrefix;
		this.startupTimeout = builder.startupTimeout;
		this.shutdownGracePeriod = builder.shutdownGracePeriod;
		this.autoStartup = builder.autoStartup;
		this.eventExecutor = builder.eventExecutor;
	}

	/**
	 * A builder for a peer.
	 * @param name the peer's name, as used by {@code @WampProcedure(peer = ..)}
	 * @return the builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * The peer's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The name of the router the sessions join, as the configuration calls it (a label
	 * for health, metrics and the Actuator endpoint).
	 * @return the router's name, or null when not given
	 */
	public @Nullable String routerName() {
		return this.router;
	}

	/**
	 * The last state change of a session seen since the peer started.
	 * @param index the session's index in {@link #clients()}
	 * @return the event, or null before the peer started
	 */
	public @Nullable SessionStateEvent lastStateEvent(int index) {
		return this.lastEvents.get(index);
	}

	/**
	 * How many sessions of the pool are in a state now.
	 * @param state the state
	 * @return the count
	 */
	public int countIn(SessionState state) {
		int count = 0;
		for (WampClient client : this.clients) {
			if (client.state() == state) {
				count++;
			}
		}
		return count;
	}

	/**
	 * How many times a session of the pool lost its connection or failed an attempt and
	 * began reconnecting, since the peer was created (counted while it runs).
	 * @return the count
	 */
	public long reconnectCount() {
		return this.reconnects.get();
	}

	/**
	 * The sessions of the pool, in order.
	 * @return an unmodifiable list
	 */
	public List<WampClient> clients() {
		return this.clients;
	}

	/**
	 * How a session is picked.
	 * @return the pool type
	 */
	public PoolType poolType() {
		return this.poolType;
	}

	/**
	 * The prefix of relative URIs.
	 * @return the prefix without a trailing dot, or null
	 */
	public @Nullable String uriPrefix() {
		return this.uriPrefix;
	}

	/**
	 * Resolve a URI: one that starts with a dot is appended to the peer's URI prefix.
	 * @param uri an absolute or relative URI
	 * @return the absolute URI
	 * @throws IllegalArgumentException for a relative URI when the peer has no prefix
	 */
	public String resolveUri(String uri) {
		if (!uri.startsWith(".")) {
			return uri;
		}
		if (this.uriPrefix == null) {
			throw new IllegalArgumentException("'" + uri + "' is relative (it starts with a dot) but peer '" + this.name
					+ "' has no uri-prefix: configure one or use an absolute URI");
		}
		return this.uriPrefix + uri;
	}

	/**
	 * Pick a session for a request whose key is its URI.
	 * @param key the hash key (or, for {@link PoolType#DIRECT}, an Integer index); may be
	 * null
	 * @return a joined session when any is joined, else a session that will answer
	 * {@code wamp.error.not_connected}
	 */
	public WampClient select(@Nullable Object key) {
		int size = this.clients.size();
		if (size == 1) {
			return this.clients.get(0);
		}
		int start = switch (this.poolType) {
			case ROUND_ROBIN -> Math.floorMod(this.next.getAndIncrement(), size);
			case RANDOM -> ThreadLocalRandom.current().nextInt(size);
			case HASH ->
				(key != null) ? Math.floorMod(key.hashCode(), size) : Math.floorMod(this.next.getAndIncrement(), size);
			case DIRECT -> (key instanceof Integer index) ? Math.floorMod(index, size) : 0;
		};
		// skip sessions that are down, in a fixed order so a hashed key stays stable
		// while they are up
		for (int i = 0; i < size; i++) {
			WampClient candidate = this.clients.get((start + i) % size);
			if (candidate.isJoined()) {
				return candidate;
			}
		}
		return this.clients.get(start);
	}

	/**
	 * The first joined session of the pool (the first session when none is joined): for
	 * requests that act on the session's own state, such as a roster entry or the
	 * metadata of an anonymous session's authid, which must all reach the same session.
	 * @return the session
	 */
	public WampClient primary() {
		for (WampClient client : this.clients) {
			if (client.isJoined()) {
				return client;
			}
		}
		return this.clients.get(0);
	}

	/**
	 * Subscribe to a topic on one session of the pool, so that each event is handled
	 * once: session 0 first. When that session leaves, the subscription moves to a
	 * session that is still joined, and stays there when the first one returns; events
	 * published while it moves are missed (as in any reconnect), and a duplicate is
	 * possible only in the moment the old session rejoins while the move is confirmed.
	 * The peer must run ({@link #start()}) for subscriptions to move.
	 * @param topic the absolute topic URI (or pattern)
	 * @param options the options
	 * @param handler the handler
	 * @return the subscription, once a session of the pool subscribed it; an error
	 * {@code wamp.error.not_connected} when no session is joined, or the router's
	 * {@code WampException}
	 */
	public Mono<PoolSubscription> subscribe(String topic, SubscribeOptions options, EventHandler handler) {
		return this.poolSubscriptions.subscribe(topic, options, handler, false);
	}

	/**
	 * Subscribe as {@link #subscribe(String, SubscribeOptions, EventHandler)} does, but
	 * when no session of the pool is joined, wait for one (for endpoints declared before
	 * the sessions join); cancel the subscription of the returned {@link Mono} to stop
	 * waiting.
	 * @param topic the absolute topic URI (or pattern)
	 * @param options the options
	 * @param handler the handler
	 * @return the subscription, once a session of the pool subscribed it
	 */
	public Mono<PoolSubscription> subscribeWhenJoined(String topic, SubscribeOptions options, EventHandler handler) {
		return this.poolSubscriptions.subscribe(topic, options, handler, true);
	}

	/**
	 * The session of the pool that holds the pool's subscriptions now.
	 * @return its index
	 */
	public int subscriptionHolder() {
		return this.poolSubscriptions.holder();
	}

	/**
	 * How many times the pool's subscriptions moved to another session because the holder
	 * left.
	 * @return the count since the peer was created
	 */
	public long subscriptionMoves() {
		return this.poolSubscriptions.moves();
	}

	/**
	 * Whether every session of the pool is joined.
	 * @return true when all are joined
	 */
	public boolean isJoined() {
		for (WampClient client : this.clients) {
			if (!client.isJoined()) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.eventPublisher = applicationEventPublisher;
	}

	/**
	 * Connect every session; reconnects follow each client's options.
	 * @return completes when every session joined; errors when one gave up
	 */
	public Mono<Void> connect() {
		return Flux.fromIterable(this.clients).flatMap(WampClient::connect).then();
	}

	/**
	 * Close every session gracefully: running invocations may answer within the grace
	 * period, then GOODBYE.
	 * @param gracePeriod how long running invocations may take
	 * @return completes when every session closed
	 */
	public Mono<Void> close(Duration gracePeriod) {
		return Flux.fromIterable(this.clients).flatMap((client) -> client.close(gracePeriod)).then();
	}

	/**
	 * Re-open every session of the pool under other credentials: each session leaves
	 * gracefully (running invocations may answer within the shutdown grace period) and
	 * joins again with the peer's options carrying the new authid and authenticators.
	 * Registrations and subscriptions are restored on the new sessions;
	 * {@link WampSessionLeftEvent} and {@link WampSessionJoinedEvent} are published as
	 * for any rejoin. Requests sent while a session changes fail with
	 * {@code wamp.error.not_connected}.
	 * @param credentials who the sessions join as
	 * @return completes when every session joined again; errors as
	 * {@link WampClient#connect()} does, for example with a
	 * {@code WampAuthenticationException} when the router refuses the credentials
	 */
	public Mono<Void> changeUser(WampSessionCredentials credentials) {
		Objects.requireNonNull(credentials, "credentials");
		return Flux.fromIterable(this.clients).concatMap((client) -> {
			logger.info("peer '{}' re-opens a session as authid '{}'", this.name, credentials.authid());
			return client.reconnect(credentials.applyTo(client.options()), this.shutdownGracePeriod);
		}).then();
	}

	/**
	 * Open one more session to the peer's router under other credentials, with the
	 * options of this peer's first session otherwise. It is a peer of its own, named
	 * after this one with {@code +authid}, that this peer does not manage: close it when
	 * done.
	 * @param credentials who the session joins as
	 * @return the connected peer of one session; errors as {@link WampClient#connect()}
	 * does
	 */
	public Mono<WampPeer> openSession(WampSessionCredentials credentials) {
		Objects.requireNonNull(credentials, "credentials");
		return Mono.defer(() -> {
			WampPeer extra = WampPeer
				.builder(this.name + "+" + ((credentials.authid() != null) ? credentials.authid() : "anonymous"))
				.routerName(this.router)
				.clientOptions(credentials.applyTo(this.clients.get(0).options()))
				.uriPrefix(this.uriPrefix)
				.shutdownGracePeriod(this.shutdownGracePeriod)
				.autoStartup(false)
				.build();
			// close the half-open client when the join fails or the caller cancels
			return extra.connect()
				.thenReturn(extra)
				.onErrorResume((error) -> extra.close(Duration.ZERO).then(Mono.error(error)))
				.doOnCancel(() -> extra.close(Duration.ZERO).subscribe());
		});
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.events = eventScheduler().createWorker();
			this.watchers = Disposables.composite();
			for (int i = 0; i < this.clients.size(); i++) {
				this.watchers.add(watch(i, this.clients.get(i), this.events));
			}
			this.running = true;
		}
		Mono<Void> connecting = connect();
		if (this.startupTimeout.isZero()) {
			connecting.subscribe(null,
					(error) -> logger.warn("peer '{}' could not connect: {}", this.name, error.getMessage()));
			return;
		}
		try {
			connecting.block(this.startupTimeout);
		}
		catch (RuntimeException ex) {
			if (this.clients.stream().allMatch((client) -> client.state() == SessionState.CLOSED)) {
				// the clients gave up (refused credentials, reconnect off) and logged why
				// at WARN
				logger.info("peer '{}' starts without a session: its sessions stopped trying", this.name);
				return;
			}
			// the clients keep reconnecting on their own: the application starts anyway
			logger.warn("peer '{}' did not join within {} ms ({}); its sessions keep trying", this.name,
					this.startupTimeout.toMillis(), ex.getMessage());
		}
	}

	/**
	 * Where the events are published: a worker of it runs them one at a time, in order.
	 */
	private Scheduler eventScheduler() {
		if (this.eventExecutor != null) {
			return Schedulers.fromExecutor(this.eventExecutor, true);
		}
		Scheduler own = Schedulers.newBoundedElastic(1, EVENT_QUEUE_CAPACITY, "wamp-events-" + this.name, 60, true);
		this.ownEventScheduler = own;
		return own;
	}

	private Disposable watch(int index, WampClient client, Scheduler.Worker events) {
		Disposable revocations = client.revocations().subscribe((revocation) -> {
			ApplicationEventPublisher publisher = this.eventPublisher;
			if (publisher != null) {
				publish(events, publisher,
						revocation.registration()
								? new WampRegistrationRevokedEvent(this, this.name, index, client, revocation)
								: new WampSubscriptionRevokedEvent(this, this.name, index, client, revocation));
			}
		});
		return Disposables.composite(revocations, watchState(index, client, events));
	}

	private Disposable watchState(int index, WampClient client, Scheduler.Worker events) {
		return client.stateEvents().subscribe((event) -> {
			this.lastEvents.set(index, event);
			this.poolSubscriptions.stateChanged();
			// one count per lost connection or failed attempt, not per replay of the
			// current state
			if (event.state() == SessionState.RECONNECTING && event.previous() != SessionState.RECONNECTING) {
				this.reconnects.incrementAndGet();
			}
			ApplicationEventPublisher publisher = this.eventPublisher;
			if (publisher == null) {
				return;
			}
			// built here, so that the event tells the state of this change, not a later
			// one
			ApplicationEvent applicationEvent = null;
			boolean joined = isJoined(event.state());
			boolean wasJoined = isJoined(event.previous());
			if (joined && !wasJoined) {
				SessionInfo info = client.sessionInfo();
				if (info != null) {
					applicationEvent = new WampSessionJoinedEvent(this, this.name, index, client, info);
				}
			}
			else if (wasJoined && !joined) {
				applicationEvent = new WampSessionLeftEvent(this, this.name, index, client, event.state(),
						event.reason());
			}
			if (applicationEvent != null) {
				publish(events, publisher, applicationEvent);
			}
		}, (error) -> logger.debug("state events of peer '{}' ended: {}", this.name, error.toString()));
	}

	// a DEGRADED session is joined too (some registrations are still being restored)
	private static boolean isJoined(SessionState state) {
		return state == SessionState.JOINED || state == SessionState.DEGRADED;
	}

	private void publish(Scheduler.Worker events, ApplicationEventPublisher publisher, ApplicationEvent event) {
		try {
			events.schedule(() -> {
				try {
					publisher.publishEvent(event);
				}
				catch (RuntimeException ex) {
					logger.warn("a listener of {} failed", event, ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.warn("peer '{}' dropped {}: its event executor refused it ({})", this.name, event, ex.getMessage());
		}
	}

	@Override
	public void stop() {
		Disposable watching;
		Scheduler.Worker publishing;
		Scheduler own;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			watching = this.watchers;
			publishing = this.events;
			own = this.ownEventScheduler;
			this.watchers = null;
			this.events = null;
			this.ownEventScheduler = null;
		}
		try {
			close(this.shutdownGracePeriod).block(this.shutdownGracePeriod.plusSeconds(10));
		}
		catch (RuntimeException ex) {
			logger.warn("peer '{}' did not close cleanly: {}", this.name, ex.getMessage());
		}
		finally {
			// after the close, so that the left events are published
			if (watching != null) {
				watching.dispose();
			}
			if (publishing != null) {
				flush(publishing);
				publishing.dispose();
			}
			if (own != null) {
				own.dispose();
			}
		}
	}

	/**
	 * Let the events already handed to the executor reach their listeners, within the
	 * grace period.
	 */
	private void flush(Scheduler.Worker publishing) {
		try {
			Mono.<Void>create((sink) -> publishing.schedule(sink::success)).block(this.shutdownGracePeriod);
		}
		catch (RuntimeException ex) {
			logger.info("peer '{}' stopped before its listeners handled every session event: {}", this.name,
					ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public String toString() {
		return "WampPeer[" + this.name + ((this.router != null) ? " on " + this.router : "") + ", "
				+ this.clients.size() + " sessions, " + this.poolType + "]";
	}

	/**
	 * Builds a {@link WampPeer}.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String router;

		private final List<WampClient> clients = new ArrayList<>();

		private @Nullable ClientOptions clientOptions;

		private int poolSize = 1;

		private PoolType poolType = PoolType.ROUND_ROBIN;

		private @Nullable String uriPrefix;

		private Duration startupTimeout = Duration.ofSeconds(10);

		private Duration shutdownGracePeriod = Duration.ofSeconds(10);

		private boolean autoStartup = true;

		private @Nullable Executor eventExecutor;

		private Builder(String name) {
			if (Objects.requireNonNull(name, "name").isEmpty()) {
				throw new IllegalArgumentException("a peer needs a name, such as 'default'");
			}
			this.name = name;
		}

		/**
		 * The options of the pool's sessions (one client is created per pool slot).
		 * @param options the options
		 * @return this builder
		 */
		public Builder clientOptions(ClientOptions options) {
			this.clientOptions = Objects.requireNonNull(options, "options");
			return this;
		}

		/**
		 * The name of the router the sessions join, as a label for health, metrics and
		 * the Actuator endpoint.
		 * @param router the router's name, or null
		 * @return this builder
		 */
		public Builder routerName(@Nullable String router) {
			this.router = router;
			return this;
		}

		/**
		 * How many sessions {@link #clientOptions(ClientOptions)} opens (default 1).
		 * @param poolSize at least 1
		 * @return this builder
		 */
		public Builder poolSize(int poolSize) {
			if (poolSize < 1) {
				throw new IllegalArgumentException(
						"pool size of peer '" + this.name + "' must be at least 1, got " + poolSize);
			}
			this.poolSize = poolSize;
			return this;
		}

		/**
		 * Add clients created elsewhere to the pool.
		 * @param clients the clients
		 * @return this builder
		 */
		public Builder clients(WampClient... clients) {
			this.clients.addAll(List.of(clients));
			return this;
		}

		/**
		 * How a session is picked (default round-robin).
		 * @param poolType the pool type
		 * @return this builder
		 */
		public Builder poolType(PoolType poolType) {
			this.poolType = Objects.requireNonNull(poolType, "poolType");
			return this;
		}

		/**
		 * The prefix of relative URIs (those that start with a dot), such as
		 * {@code com.example}.
		 * @param uriPrefix the prefix, or null for none
		 * @return this builder
		 */
		public Builder uriPrefix(@Nullable String uriPrefix) {
			if (uriPrefix != null && uriPrefix.endsWith(".")) {
				uriPrefix = uriPrefix.substring(0, uriPrefix.length() - 1);
			}
			if (uriPrefix != null && !uriPrefix.isEmpty() && !WampUriValidator.LOOSE_RULES.isValid(uriPrefix)) {
				throw new IllegalArgumentException(
						"uri-prefix '" + uriPrefix + "' of peer '" + this.name + "' is not a valid WAMP URI");
			}
			this.uriPrefix = (uriPrefix == null || uriPrefix.isEmpty()) ? null : uriPrefix;
			return this;
		}

		/**
		 * How long {@code start()} waits for the sessions to join (default 10 s); zero to
		 * not wait. The application starts anyway when they do not.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder startupTimeout(Duration timeout) {
			this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * How long {@code stop()} lets running invocations answer before GOODBYE (default
		 * 10 s).
		 * @param gracePeriod the grace period
		 * @return this builder
		 */
		public Builder shutdownGracePeriod(Duration gracePeriod) {
			this.shutdownGracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
			return this;
		}

		/**
		 * Whether the context starts the peer (default true).
		 * @param autoStartup the flag
		 * @return this builder
		 */
		public Builder autoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
			return this;
		}

		/**
		 * Where {@link WampSessionJoinedEvent} and {@link WampSessionLeftEvent} are
		 * published (default: a thread of the peer's own while it runs). Events are
		 * handed over one at a time, in order, so that a listener sees joined and left in
		 * the order they happened; the listener may block. Spring Boot passes its
		 * application task executor when virtual threads are enabled.
		 * @param eventExecutor the executor, or null for the peer's own thread
		 * @return this builder
		 */
		public Builder eventExecutor(@Nullable Executor eventExecutor) {
			this.eventExecutor = eventExecutor;
			return this;
		}

		/**
		 * Build the peer (not connected).
		 * @return the peer
		 */
		public WampPeer build() {
			return new WampPeer(this);
		}

	}

}
