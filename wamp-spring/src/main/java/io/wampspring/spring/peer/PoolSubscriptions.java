package io.wampspring.spring.peer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.client.EventHandler;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The subscriptions of a pool: each is made on one session only (the holder, session 0 at
 * first), so that an event is handled once and not once per session. When the holder
 * leaves (lost, closed, refused), every subscription moves to a session of the pool that
 * is still joined; when the holder comes back they stay where they are (no churn). With
 * no session joined, they stay with the holder, whose client subscribes them again when
 * it rejoins, or move to whichever session joins first.
 * <p>
 * Delivery across a move: the old session is gone when they move, so an event reaches the
 * pool once; events published between the holder's loss and the new SUBSCRIBED are
 * missed, as in any reconnect. One window allows a duplicate: when the old session
 * rejoins before its client processed the move (its restore ran first), both sessions are
 * subscribed until the move's UNSUBSCRIBE is confirmed, a few milliseconds.
 */
final class PoolSubscriptions {

	private static final Logger logger = LoggerFactory.getLogger(PoolSubscriptions.class);

	private final String peerName;

	private final List<WampClient> clients;

	private final List<PoolSubscription> subscriptions = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	private final AtomicLong moves = new AtomicLong();

	// guarded by lock
	private int holder;

	PoolSubscriptions(String peerName, List<WampClient> clients) {
		this.peerName = peerName;
		this.clients = clients;
	}

	/**
	 * The session that holds the pool's subscriptions.
	 * @return its index
	 */
	int holder() {
		synchronized (this.lock) {
			return this.holder;
		}
	}

	/**
	 * How many times the subscriptions moved to another session.
	 * @return the count
	 */
	long moves() {
		return this.moves.get();
	}

	/**
	 * Subscribe on the holder.
	 * @param wait whether to wait for a session to join when none is (else fail with
	 * {@code wamp.error.not_connected})
	 */
	Mono<PoolSubscription> subscribe(String topic, SubscribeOptions options, EventHandler handler, boolean wait) {
		PoolSubscription subscription = new PoolSubscription(this, topic, options, handler);
		Mono<PoolSubscription> subscribing = Mono.defer(() -> {
			int index = joinedHolder();
			if (index < 0) {
				WampException notConnected = new WampException(WampUris.NOT_CONNECTED, "no session of peer '"
						+ this.peerName + "' is joined, so '" + topic + "' cannot be subscribed now");
				return wait ? awaitJoin().then(Mono.error(notConnected)) : Mono.error(notConnected);
			}
			return this.clients.get(index)
				.subscribe(topic, options, handler)
				.map((handle) -> subscription.bind(index, handle));
		});
		if (wait) {
			// the session left between its join and SUBSCRIBE: wait for the next join
			subscribing = subscribing.retryWhen(Retry.indefinitely().filter(PoolSubscriptions::isConnectionLoss));
		}
		return subscribing.doOnNext(this.subscriptions::add);
	}

	void removed(PoolSubscription subscription) {
		this.subscriptions.remove(subscription);
	}

	WampClient client(int index) {
		return this.clients.get(index);
	}

	String peerName() {
		return this.peerName;
	}

	/**
	 * A session of the pool changed state: when the holder is not joined and another
	 * session is, the subscriptions move there.
	 */
	void stateChanged() {
		int target;
		int previous;
		synchronized (this.lock) {
			previous = this.holder;
			// nothing to move: session 0 stays the holder (a session that joins first
			// while the pool starts does not take it)
			if (this.subscriptions.isEmpty() || isJoined(this.clients.get(previous))) {
				target = previous;
			}
			else {
				target = firstJoined();
				if (target < 0) {
					return;
				}
				this.holder = target;
			}
		}
		if (target != previous) {
			this.moves.incrementAndGet();
			logger.info("peer '{}': session {} left; its {} subscription(s) move to session {}", this.peerName,
					previous, this.subscriptions.size(), target);
		}
		for (PoolSubscription subscription : this.subscriptions) {
			subscription.moveTo(target);
		}
	}

	private int joinedHolder() {
		synchronized (this.lock) {
			if (isJoined(this.clients.get(this.holder))) {
				return this.holder;
			}
			int joined = firstJoined();
			if (joined >= 0) {
				this.holder = joined;
			}
			return joined;
		}
	}

	private int firstJoined() {
		for (int i = 0; i < this.clients.size(); i++) {
			if (isJoined(this.clients.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private Mono<Void> awaitJoin() {
		return Flux.fromIterable(this.clients)
			.flatMap(WampClient::stateEvents)
			.filter((event) -> event.state() == SessionState.JOINED || event.state() == SessionState.DEGRADED)
			.next()
			.then();
	}

	private static boolean isJoined(WampClient client) {
		SessionState state = client.state();
		return state == SessionState.JOINED || state == SessionState.DEGRADED;
	}

	static boolean isConnectionLoss(Throwable error) {
		return error instanceof WampException wamp && (WampUris.NOT_CONNECTED.equals(wamp.getUri())
				|| WampUris.TRANSPORT_LOST.equals(wamp.getUri()) || WampUris.SESSION_CLOSED.equals(wamp.getUri()));
	}

}
