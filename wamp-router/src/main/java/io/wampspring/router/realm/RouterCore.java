package io.wampspring.router.realm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.wampspring.core.WampUris;
import io.wampspring.router.auth.DecoyAuthenticator;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.ConnectionLimit;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.InMemoryMetadataStore;
import io.wampspring.router.nexus.MetadataStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-independent heart of the router: its realms and sessions. Transports ask
 * it for a {@link RouterSession} per connection.
 */
public final class RouterCore {

	private static final Logger logger = LoggerFactory.getLogger(RouterCore.class);

	private final Map<String, Realm> realms = new ConcurrentHashMap<>();

	private final boolean autoCreateRealms;

	private final RouterLimits limits;

	private final NexusSettings nexusSettings;

	private final MetadataStore metadataStore;

	private final boolean preciseAuthenticationErrors;

	private final byte[] decoyKey = DecoyAuthenticator.newKey();

	private final Set<RouterSession> sessions = ConcurrentHashMap.newKeySet();

	private final HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("wamp-router-timer", true), 10,
			TimeUnit.MILLISECONDS);

	private volatile boolean shuttingDown;

	final LongAdder calls = new LongAdder();

	final LongAdder callErrors = new LongAdder();

	final LongAdder publications = new LongAdder();

	final LongAdder events = new LongAdder();

	final LongAdder authenticationFailures = new LongAdder();

	final LongAdder authorizationDenials = new LongAdder();

	final LongAdder protocolViolations = new LongAdder();

	final AuthenticationFailures authFailures;

	final LongAdder undeliverableMessages = new LongAdder();

	final LongAdder invalidPayloads = new LongAdder();

	private final LongAdder[] closures = new LongAdder[ConnectionLimit.values().length];

	private final AtomicLong incompleteMessageBytes = new AtomicLong();

	/**
	 * Create a core with the default Nexus service settings and in-memory metadata.
	 * @param realms the configured realms
	 * @param autoCreateRealms whether an unknown realm is created (open) on first HELLO
	 * @param limits the limits per session
	 * @param servicePrefix the URI prefix of the Nexus-style services, may be empty
	 */
	public RouterCore(Collection<RealmConfig> realms, boolean autoCreateRealms, RouterLimits limits,
			String servicePrefix) {
		this(realms, autoCreateRealms, limits, NexusSettings.DEFAULTS.toBuilder().prefix(servicePrefix).build(),
				new InMemoryMetadataStore(), false);
	}

	/**
	 * Create a core.
	 * @param realms the configured realms
	 * @param autoCreateRealms whether an unknown realm is created (open) on first HELLO
	 * @param limits the limits per session
	 * @param nexusSettings the Nexus-style services' prefix and bounds
	 * @param metadataStore where {@code my.metadata.*} values are kept
	 * @param preciseAuthenticationErrors whether a rejected client reads the true reason
	 * ({@code no_such_principal} for an unknown authid); false answers an unknown
	 * principal and wrong credentials alike, so that authids cannot be enumerated
	 */
	public RouterCore(Collection<RealmConfig> realms, boolean autoCreateRealms, RouterLimits limits,
			NexusSettings nexusSettings, MetadataStore metadataStore, boolean preciseAuthenticationErrors) {
		this.autoCreateRealms = autoCreateRealms;
		this.limits = limits;
		this.nexusSettings = nexusSettings;
		this.metadataStore = metadataStore;
		this.preciseAuthenticationErrors = preciseAuthenticationErrors;
		this.authFailures = new AuthenticationFailures(preciseAuthenticationErrors, this.authenticationFailures);
		for (int i = 0; i < this.closures.length; i++) {
			this.closures[i] = new LongAdder();
		}
		for (RealmConfig config : realms) {
			this.realms.put(config.name(), new Realm(this, config));
		}
		scheduleSweep();
	}

	/**
	 * Forget expired one-time passwords once a minute, so that unused ones do not pile
	 * up.
	 */
	private void scheduleSweep() {
		try {
			this.timer.newTimeout((t) -> {
				for (Realm realm : this.realms.values()) {
					realm.credentials.removeExpired();
				}
				scheduleSweep();
			}, 1, TimeUnit.MINUTES);
		}
		catch (IllegalStateException ex) {
			// the timer stopped: the router is shutting down
		}
	}

	/**
	 * Start a session for a new connection.
	 * @param outbound how the session reaches its client
	 * @return the session; hand it every message the client sends
	 */
	public RouterSession newSession(Outbound outbound) {
		RouterSession session = new RouterSession(this, outbound);
		this.sessions.add(session);
		return session;
	}

	/**
	 * The limits per session.
	 * @return the limits
	 */
	public RouterLimits limits() {
		return this.limits;
	}

	/**
	 * A realm by name.
	 * @param name the realm name
	 * @return the realm, or null
	 */
	public @Nullable Realm realm(String name) {
		return this.realms.get(name);
	}

	/**
	 * Add a realm while running.
	 * @param config the realm configuration
	 * @return true when added, false when a realm of that name exists
	 */
	public boolean addRealm(RealmConfig config) {
		boolean added = this.realms.putIfAbsent(config.name(), new Realm(this, config)) == null;
		if (added) {
			logger.info("Added realm '{}'", config.name());
		}
		return added;
	}

	/**
	 * Remove a realm while running: its sessions get GOODBYE
	 * {@code wamp.close.close_realm}.
	 * @param name the realm name
	 * @return true when a realm was removed
	 */
	public boolean removeRealm(String name) {
		Realm realm = this.realms.remove(name);
		if (realm == null) {
			return false;
		}
		for (RouterSession session : realm.sessions()) {
			session.goodbye(WampUris.CLOSE_REALM, "the realm '" + name + "' was removed");
		}
		logger.info("Removed realm '{}'", name);
		return true;
	}

	/**
	 * Replace the configured realms while running: a realm of a new name is added, an
	 * existing one takes its new configuration (see {@link Realm#reconfigure}), and a
	 * configured realm that is not in the list is removed (its sessions get GOODBYE
	 * {@code wamp.close.close_realm}). Realms created on first use stay.
	 * @param configs the new realm configurations
	 * @return what changed
	 */
	public synchronized RouterReconfiguration reconfigure(Collection<RealmConfig> configs) {
		List<String> added = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		List<Long> closed = new ArrayList<>();
		Set<String> names = new TreeSet<>();
		for (RealmConfig config : configs) {
			names.add(config.name());
			Realm existing = this.realms.get(config.name());
			if (existing == null) {
				if (addRealm(config)) {
					added.add(config.name());
				}
			}
			else {
				closed.addAll(existing.reconfigure(config));
				existing.autoCreated = false;
				updated.add(config.name());
			}
		}
		for (String name : new TreeSet<>(this.realms.keySet())) {
			Realm realm = this.realms.get(name);
			if (!names.contains(name) && realm != null && !realm.autoCreated) {
				closed.addAll(realm.sessions().stream().map(RouterSession::id).toList());
				removeRealm(name);
				removed.add(name);
			}
		}
		return new RouterReconfiguration(added, updated, removed, closed);
	}

	/**
	 * The names of the realms.
	 * @return a sorted snapshot
	 */
	public List<String> realmNames() {
		return List.copyOf(new TreeSet<>(this.realms.keySet()));
	}

	/**
	 * The number of sessions, joined or still in their handshake.
	 * @return the count
	 */
	public int sessionCount() {
		return this.sessions.size();
	}

	/**
	 * A snapshot of the router's counters and gauges.
	 * @return the metrics
	 */
	public RouterMetrics metrics() {
		int sessions = 0;
		int registrations = 0;
		int subscriptions = 0;
		for (Realm realm : this.realms.values()) {
			sessions += realm.sessionCount();
			registrations += realm.dealer.registrations().size();
			subscriptions += realm.broker.subscriptions().size();
		}
		return new RouterMetrics(sessions, this.realms.size(), registrations, subscriptions, pendingCalls(),
				this.calls.sum(), this.callErrors.sum(), this.publications.sum(), this.events.sum(),
				this.authenticationFailures.sum(), this.authorizationDenials.sum(), this.protocolViolations.sum(),
				closures(ConnectionLimit.OPEN_TIMEOUT), closures(ConnectionLimit.HELLO_TIMEOUT),
				closures(ConnectionLimit.AUTHENTICATE_TIMEOUT), closures(ConnectionLimit.KEEP_ALIVE_TIMEOUT),
				closures(ConnectionLimit.INCOMPLETE_MESSAGE_BYTES), this.incompleteMessageBytes.get(),
				this.undeliverableMessages.sum(), this.invalidPayloads.sum());
	}

	private long closures(ConnectionLimit limit) {
		return this.closures[limit.ordinal()].sum();
	}

	/**
	 * Count a connection the router closed because it reached a limit.
	 * @param limit the limit
	 */
	public void closedFor(ConnectionLimit limit) {
		this.closures[limit.ordinal()].increment();
	}

	/**
	 * Account for bytes held, or no longer held, for messages that have not completely
	 * arrived; transports call it as bytes arrive and as messages complete.
	 * @param delta bytes now held (positive) or released (negative)
	 * @return the bytes held over all connections after the change
	 */
	public long addIncompleteMessageBytes(long delta) {
		return this.incompleteMessageBytes.addAndGet(delta);
	}

	/**
	 * Whether the router is shutting down.
	 * @return true once {@link #shutdown(Duration)} started
	 */
	public boolean isShuttingDown() {
		return this.shuttingDown;
	}

	@Nullable Realm realmFor(String name) {
		if (this.shuttingDown) {
			return null;
		}
		Realm realm = this.realms.get(name);
		if (realm == null && this.autoCreateRealms
				&& io.wampspring.core.uri.WampUriValidator.LOOSE_RULES.isValid(name)) {
			realm = this.realms.computeIfAbsent(name, (n) -> {
				logger.info("Created realm '{}' on first use", n);
				Realm created = new Realm(this, RealmConfig.open(n));
				created.autoCreated = true;
				return created;
			});
		}
		return realm;
	}

	String realmNamesText() {
		return new TreeSet<>(this.realms.keySet()).toString();
	}

	/**
	 * The authentication rejections so far, by reason: {@code authentication_failed}
	 * (wrong credentials), {@code no_such_principal} (unknown authid or key),
	 * {@code no_auth_method}, {@code timeout} and {@code error} (the authenticator gave
	 * no answer or failed), or the last part of an application authenticator's own reason
	 * URI.
	 * @return a sorted snapshot
	 */
	public Map<String, Long> authenticationFailuresByReason() {
		return this.authFailures.byReason();
	}

	NexusSettings nexusSettings() {
		return this.nexusSettings;
	}

	MetadataStore metadataStore() {
		return this.metadataStore;
	}

	boolean preciseAuthenticationErrors() {
		return this.preciseAuthenticationErrors;
	}

	byte[] decoyKey() {
		return this.decoyKey;
	}

	Timer timer() {
		return this.timer;
	}

	/**
	 * Run a task once after a delay on the router's timer.
	 * @return the handle, or null when the router has stopped (the task never runs)
	 */
	@Nullable Timeout schedule(Runnable task, Duration delay) {
		try {
			return this.timer.newTimeout((timeout) -> task.run(), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	void forget(RouterSession session) {
		this.sessions.remove(session);
	}

	/**
	 * Shut down gracefully: refuse new calls, let calls in flight be answered (up to the
	 * timeout), then send GOODBYE {@code wamp.close.system_shutdown} to every session and
	 * wait briefly for them to close. Blocks the calling thread; never call it on an
	 * event loop.
	 * @param timeout how long to wait for calls in flight
	 */
	public void shutdown(Duration timeout) {
		this.shuttingDown = true;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (pendingCalls() > 0 && System.nanoTime() < deadline) {
			pause();
		}
		int pending = pendingCalls();
		if (pending > 0) {
			logger.warn("Shutting down with {} calls still in flight after {}", pending, timeout);
		}
		List<RouterSession> all = new ArrayList<>(this.sessions);
		for (RouterSession session : all) {
			session.goodbye(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down");
		}
		long closeDeadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		while (!this.sessions.isEmpty() && System.nanoTime() < closeDeadline) {
			pause();
		}
		for (RouterSession session : new ArrayList<>(this.sessions)) {
			session.forceClose("the router stopped");
		}
		this.timer.stop();
		logger.info("Router core stopped ({} sessions closed)", all.size());
	}

	private int pendingCalls() {
		int count = 0;
		for (Realm realm : this.realms.values()) {
			count += realm.dealer.pendingCalls();
		}
		return count;
	}

	private static void pause() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
