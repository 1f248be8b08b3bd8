package io.wampspring.boot.peer;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The application's peers by name, started and stopped with the application context. On
 * start every session connects (without blocking the start-up: a session that cannot join
 * yet keeps trying, and health reports it); on stop every session leaves gracefully, after
 * the invocations running in handlers answered or the grace period passed.
 * <p>
 * The Spring layer (templates, annotated endpoints) picks its sessions here.
 */
public class WampPeers implements SmartLifecycle, DisposableBean {

	/**
	 * The lifecycle phase of the sessions: they start late and stop early, so that the
	 * application's other beans are ready when invocations arrive and still there while the
	 * sessions leave. The embedded router's phase is lower (it starts before and stops after).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

	private static final Logger logger = LoggerFactory.getLogger(WampPeers.class);

	private final Map<String, WampPeer> peers;

	private final @Nullable String defaultPeerName;

	private final boolean autoStartup;

	private final Duration gracePeriod;

	private volatile boolean running;

	/**
	 * Create the peers.
	 * @param peers the peers by name
	 * @param defaultPeerName the peer used when none is named, or null when there is none
	 * @param autoStartup whether to connect when the context starts
	 * @param gracePeriod how long running invocations may take to answer on stop
	 */
	public WampPeers(Map<String, WampPeer> peers, @Nullable String defaultPeerName, boolean autoStartup,
			Duration gracePeriod) {
		this.peers = new LinkedHashMap<>(peers);
		if (defaultPeerName != null && !peers.containsKey(defaultPeerName)) {
			throw new IllegalArgumentException("default peer '" + defaultPeerName + "' is not one of " + peers.keySet());
		}
		this.defaultPeerName = defaultPeerName;
		this.autoStartup = autoStartup;
		this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
	}

	/**
	 * Every peer.
	 * @return the peers by name, in configuration order
	 */
	public Map<String, WampPeer> asMap() {
		return Collections.unmodifiableMap(this.peers);
	}

	/**
	 * Every peer.
	 * @return the peers, in configuration order
	 */
	public Collection<WampPeer> all() {
		return Collections.unmodifiableCollection(this.peers.values());
	}

	/**
	 * A peer by name.
	 * @param name the peer name (a key of {@code wamp.peers})
	 * @return the peer
	 * @throws IllegalArgumentException when there is no such peer
	 */
	public WampPeer get(String name) {
		WampPeer peer = this.peers.get(name);
		if (peer == null) {
			throw new IllegalArgumentException("no WAMP peer named '" + name + "': configure wamp.peers." + name
					+ " or use one of " + this.peers.keySet());
		}
		return peer;
	}

	/**
	 * The default peer: the only one, or the one named {@code default}.
	 * @return the peer
	 * @throws IllegalStateException when there is none
	 */
	public WampPeer getDefault() {
		if (this.defaultPeerName == null) {
			throw new IllegalStateException("no default WAMP peer: configure a router (wamp.routers.<name>.url), "
					+ "enable the embedded router (wamp.embedded-router.enabled=true), or name a peer");
		}
		return get(this.defaultPeerName);
	}

	/**
	 * The name of the default peer.
	 * @return the name, or null when there is no default peer
	 */
	public @Nullable String getDefaultPeerName() {
		return this.defaultPeerName;
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		for (WampPeer peer : this.peers.values()) {
			logger.debug("Starting WAMP peer '{}' ({} sessions on router '{}')", peer.name(), peer.sessions().size(),
					peer.routerName());
			peer.connect();
		}
	}

	@Override
	public void stop() {
		closeAll().block(this.gracePeriod.plusSeconds(10));
	}

	@Override
	public void stop(Runnable callback) {
		closeAll().subscribe(null, (error) -> callback.run(), callback);
	}

	private Mono<Void> closeAll() {
		this.running = false;
		return Flux.fromIterable(this.peers.values())
			.flatMap((peer) -> peer.close(this.gracePeriod))
			.then()
			.timeout(this.gracePeriod.plusSeconds(10))
			.doOnError((error) -> logger.warn("WAMP peers did not close in time: {}", error.getMessage()))
			.onErrorComplete();
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
	public void destroy() {
		if (this.running) {
			stop();
		}
		this.peers.values().forEach(WampPeer::dispose);
	}

}
