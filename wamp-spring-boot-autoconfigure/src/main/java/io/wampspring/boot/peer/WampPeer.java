package io.wampspring.boot.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A peer: a pool of {@link WampClient} sessions on one router, all with the same
 * {@link ClientOptions}. It picks a session per URI as its {@link PoolType} says, and
 * remembers the last state change and the reconnect count of every session (for health and
 * metrics). Thread safe.
 */
public final class WampPeer {

	private static final Logger logger = LoggerFactory.getLogger(WampPeer.class);

	private final String name;

	private final String routerName;

	private final PoolType poolType;

	private final List<WampClient> sessions;

	private final AtomicReferenceArray<@Nullable SessionStateEvent> lastEvents;

	private final AtomicLong reconnects = new AtomicLong();

	private final AtomicInteger next = new AtomicInteger();

	private final Disposable.Composite watchers = Disposables.composite();

	/**
	 * Create a peer of {@code poolSize} sessions; they do nothing until {@link #connect()}.
	 * @param name the peer name
	 * @param routerName the name of the router the sessions join
	 * @param options the options of every session
	 * @param poolSize how many sessions, at least 1
	 * @param poolType how a session is picked
	 */
	public WampPeer(String name, String routerName, ClientOptions options, int poolSize, PoolType poolType) {
		this.name = Objects.requireNonNull(name, "name");
		this.routerName = Objects.requireNonNull(routerName, "routerName");
		this.poolType = Objects.requireNonNull(poolType, "poolType");
		if (poolSize < 1) {
			throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
		}
		List<WampClient> clients = new ArrayList<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			clients.add(WampClient.create(options));
		}
		this.sessions = List.copyOf(clients);
		this.lastEvents = new AtomicReferenceArray<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			int index = i;
			this.watchers.add(this.sessions.get(i).stateEvents().subscribe((event) -> onStateEvent(index, event)));
		}
	}

	private void onStateEvent(int index, SessionStateEvent event) {
		this.lastEvents.set(index, event);
		// one count per lost connection or failed attempt, not per replay of the current state
		if (event.state() == SessionState.RECONNECTING && event.previous() != SessionState.RECONNECTING) {
			this.reconnects.incrementAndGet();
		}
	}

	/**
	 * The peer name (a key of {@code wamp.peers}).
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The name of the router the sessions join (a key of {@code wamp.routers}).
	 * @return the router name
	 */
	public String routerName() {
		return this.routerName;
	}

	/**
	 * How a session is picked.
	 * @return the pool type
	 */
	public PoolType poolType() {
		return this.poolType;
	}

	/**
	 * The options shared by the sessions.
	 * @return the options
	 */
	public ClientOptions options() {
		return this.sessions.get(0).options();
	}

	/**
	 * The sessions of the pool.
	 * @return an unmodifiable list of at least one client
	 */
	public List<WampClient> sessions() {
		return this.sessions;
	}

	/**
	 * Pick a session for a URI: the same one for a URI with {@link PoolType#HASH}, the next
	 * one with {@link PoolType#ROUND_ROBIN}, the first with {@link PoolType#DIRECT}, any with
	 * {@link PoolType#RANDOM}.
	 * @param uri the procedure or topic URI
	 * @return a session
	 */
	public WampClient select(String uri) {
		int size = this.sessions.size();
		if (size == 1) {
			return this.sessions.get(0);
		}
		int index = switch (this.poolType) {
			case HASH -> Math.floorMod(uri.hashCode(), size);
			case ROUND_ROBIN -> Math.floorMod(this.next.getAndIncrement(), size);
			case DIRECT -> 0;
			case RANDOM -> ThreadLocalRandom.current().nextInt(size);
		};
		return this.sessions.get(index);
	}

	/**
	 * The last state change of a session, as the peer saw it.
	 * @param index the session's index in {@link #sessions()}
	 * @return the event, or null before the first one arrived
	 */
	public @Nullable SessionStateEvent lastStateEvent(int index) {
		return this.lastEvents.get(index);
	}

	/**
	 * How many sessions are in a state now.
	 * @param state the state
	 * @return the count
	 */
	public int countIn(SessionState state) {
		int count = 0;
		for (WampClient session : this.sessions) {
			if (session.state() == state) {
				count++;
			}
		}
		return count;
	}

	/**
	 * How many times a session of this peer lost its connection or failed an attempt and
	 * went to {@link SessionState#RECONNECTING}, since the peer was created.
	 * @return the count
	 */
	public long reconnectCount() {
		return this.reconnects.get();
	}

	/**
	 * Start every session: connect and join; each session then reconnects on its own. Does not
	 * wait: a session that cannot join yet keeps trying as its reconnect settings say.
	 */
	public void connect() {
		for (int i = 0; i < this.sessions.size(); i++) {
			int index = i;
			this.sessions.get(i)
				.connect()
				.subscribe(null, (error) -> logger.warn("WAMP peer '{}' session {} stopped trying to join router '{}': {}",
						this.name, index, this.routerName, error.getMessage()));
		}
	}

	/**
	 * Leave gracefully: let running invocations answer within the grace period, then GOODBYE.
	 * @param gracePeriod how long to wait for running invocations
	 * @return a Mono that completes when every session is closed
	 */
	public Mono<Void> close(Duration gracePeriod) {
		return Flux.fromIterable(this.sessions).flatMap((session) -> session.close(gracePeriod)).then();
	}

	/**
	 * Stop watching the sessions' state (after {@link #close(Duration)}).
	 */
	void dispose() {
		this.watchers.dispose();
	}

	@Override
	public String toString() {
		return "WampPeer[name=" + this.name + ", router=" + this.routerName + ", poolSize=" + this.sessions.size()
				+ ", poolType=" + this.poolType + "]";
	}

}
