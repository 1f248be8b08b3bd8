package io.wampspring.spring.peer;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The peers of an application by name. The default peer is the one named
 * {@value #DEFAULT_PEER}, else the only one.
 */
public final class WampPeers {

	/** The name of the default peer. */
	public static final String DEFAULT_PEER = "default";

	private final Map<String, WampPeer> peers;

	private WampPeers(Map<String, WampPeer> peers) {
		this.peers = Collections.unmodifiableMap(peers);
	}

	/**
	 * Hold peers.
	 * @param peers the peers; names must be unique
	 * @return the holder
	 */
	public static WampPeers of(Iterable<WampPeer> peers) {
		Map<String, WampPeer> byName = new LinkedHashMap<>();
		for (WampPeer peer : peers) {
			if (byName.putIfAbsent(peer.name(), peer) != null) {
				throw new IllegalStateException("two peers are named '" + peer.name() + "': give each a unique name");
			}
		}
		return new WampPeers(byName);
	}

	/**
	 * Hold peers.
	 * @param peers the peers
	 * @return the holder
	 */
	public static WampPeers of(WampPeer... peers) {
		return of(java.util.List.of(peers));
	}

	/**
	 * Find a peer by name.
	 * @param name the name; null or empty for the default peer
	 * @return the peer
	 * @throws IllegalStateException naming the known peers when there is no such peer
	 */
	public WampPeer get(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return defaultPeer();
		}
		WampPeer peer = this.peers.get(name);
		if (peer == null) {
			throw new IllegalStateException("no WAMP peer named '" + name + "'; known peers: " + this.peers.keySet());
		}
		return peer;
	}

	/**
	 * The default peer.
	 * @return the peer named {@value #DEFAULT_PEER}, else the only peer
	 * @throws IllegalStateException when there is none, or several and none is the
	 * default
	 */
	public WampPeer defaultPeer() {
		WampPeer peer = this.peers.get(DEFAULT_PEER);
		if (peer != null) {
			return peer;
		}
		if (this.peers.size() == 1) {
			return this.peers.values().iterator().next();
		}
		throw new IllegalStateException(this.peers.isEmpty()
				? "no WAMP peer is defined: declare a WampPeer bean (with Spring Boot: configure a router with "
						+ "wamp.routers.<name>.url and .realm, or wamp.embedded-router.enabled=true)"
				: "several WAMP peers " + this.peers.keySet() + " and none named '" + DEFAULT_PEER
						+ "': name the peer in the annotation or the template");
	}

	/**
	 * Open one more session under other credentials to a configured router, with the
	 * options of the router's peer: the peer whose {@link WampPeer#routerName()} is the
	 * given name (the first one), else the peer of that name. Close it when done.
	 * @param routerName the router's name (or a peer's name); null or empty for the
	 * default peer's router
	 * @param credentials who the session joins as
	 * @return the connected peer of one session
	 * @see WampPeer#openSession(WampSessionCredentials)
	 */
	public Mono<WampPeer> openSession(@Nullable String routerName, WampSessionCredentials credentials) {
		WampPeer source = null;
		if (routerName != null && !routerName.isEmpty()) {
			for (WampPeer peer : this.peers.values()) {
				if (routerName.equals(peer.routerName())) {
					source = peer;
					break;
				}
			}
		}
		return ((source != null) ? source : get(routerName)).openSession(credentials);
	}

	/**
	 * Every peer.
	 * @return the peers in order
	 */
	public Collection<WampPeer> all() {
		return this.peers.values();
	}

}
