package io.wampspring.boot.actuate.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;

/**
 * Meters of the peers' sessions: {@code wamp.client.sessions} (a gauge per peer and
 * state, {@code DEGRADED} included: how many sessions are in it),
 * {@code wamp.client.reconnects} (a counter per peer: how many times a session lost its
 * connection or failed an attempt) and {@code wamp.client.events.overflowed} (a counter
 * per peer: events the client dropped because a subscription's event buffer was full).
 * All read the peers' state, so binding costs nothing on the message path; tags are the
 * peer and router names only.
 */
public class WampClientMetrics implements MeterBinder {

	/** The sessions gauge. */
	public static final String SESSIONS = "wamp.client.sessions";

	/** The reconnects counter. */
	public static final String RECONNECTS = "wamp.client.reconnects";

	/**
	 * The counter of events dropped from a full client event buffer; not
	 * {@code wamp.client.events.dropped}, whose drops happen in the handlers' queues and
	 * carry a topic tag.
	 */
	public static final String EVENTS_OVERFLOWED = "wamp.client.events.overflowed";

	/**
	 * The counter of invocations a client refused with {@code wamp.error.unavailable}
	 * because too many were running or queued in the session (the client's own bound);
	 * not {@code wamp.client.invocations.rejected}, the handlers' limits with a procedure
	 * tag.
	 */
	public static final String INVOCATIONS_REFUSED = "wamp.client.invocations.refused";

	private final WampPeers peers;

	/**
	 * Create the meters of some peers.
	 * @param peers the peers
	 */
	public WampClientMetrics(WampPeers peers) {
		this.peers = peers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (WampPeer peer : this.peers.all()) {
			for (SessionState state : SessionState.values()) {
				Gauge.builder(SESSIONS, peer, (p) -> p.countIn(state))
					.description("WAMP sessions by state")
					.tag("peer", peer.name())
					.tag("router", String.valueOf(peer.routerName()))
					.tag("state", state.name().toLowerCase(Locale.ROOT))
					.register(registry);
			}
			FunctionCounter.builder(RECONNECTS, peer, WampPeer::reconnectCount)
				.description("Times a WAMP session lost its connection or failed an attempt and began reconnecting")
				.tag("peer", peer.name())
				.tag("router", String.valueOf(peer.routerName()))
				.register(registry);
			FunctionCounter.builder(EVENTS_OVERFLOWED, peer, WampClientMetrics::droppedEvents)
				.description("Events a WAMP client dropped because a subscription's event buffer was full")
				.tag("peer", peer.name())
				.tag("router", String.valueOf(peer.routerName()))
				.register(registry);
			FunctionCounter.builder(INVOCATIONS_REFUSED, peer, WampClientMetrics::refusedInvocations)
				.description("Invocations a WAMP client refused because too many were running or queued")
				.tag("peer", peer.name())
				.tag("router", String.valueOf(peer.routerName()))
				.register(registry);
		}
	}

	private static double droppedEvents(WampPeer peer) {
		return peer.clients().stream().mapToLong(WampClient::droppedEvents).sum();
	}

	private static double refusedInvocations(WampPeer peer) {
		return peer.clients().stream().mapToLong(WampClient::refusedInvocations).sum();
	}

}
