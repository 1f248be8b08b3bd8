package io.wampspring.boot.autoconfigure;

import java.util.List;

import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the auto-configured peers with the application context, in the peers'
 * phase ({@link WampPeer#PHASE}: after the embedded router, before the endpoint registry
 * registers; on shutdown after the endpoint registry and Spring Boot's graceful web
 * server drain, all peers in parallel), and hands them the event publisher for the join
 * and leave events. With {@code wamp.auto-startup=false} the peers connect when the
 * application calls {@link #start()}.
 */
public class WampPeersLifecycle implements SmartLifecycle, ApplicationEventPublisherAware {

	private final List<WampPeer> peers;

	private final boolean autoStartup;

	/**
	 * Create a lifecycle for some peers.
	 * @param peers the peers
	 * @param autoStartup whether the context starts them
	 */
	public WampPeersLifecycle(WampPeers peers, boolean autoStartup) {
		this.peers = List.copyOf(peers.all());
		this.autoStartup = autoStartup;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.peers.forEach((peer) -> peer.setApplicationEventPublisher(applicationEventPublisher));
	}

	@Override
	public void start() {
		this.peers.forEach(WampPeer::start);
	}

	/**
	 * Stop every peer and wait, bounded by each peer's shutdown grace period.
	 */
	@Override
	public void stop() {
		stopAll().block();
	}

	/**
	 * Stop the peers in parallel, each on a thread of its own, and report when all left:
	 * the lifecycle thread does not wait here, Spring's lifecycle processor waits for the
	 * callback up to {@code spring.lifecycle.timeout-per-shutdown-phase}.
	 * @param callback run once every peer stopped
	 */
	@Override
	public void stop(Runnable callback) {
		stopAll().subscribe(null, (error) -> callback.run(), callback);
	}

	// each peer's stop() is bounded by its grace period (see WampPeer#stop)
	private Mono<Void> stopAll() {
		return Flux.fromIterable(this.peers)
			.flatMap((peer) -> Mono.fromRunnable(peer::stop).subscribeOn(Schedulers.boundedElastic()))
			.then();
	}

	@Override
	public boolean isRunning() {
		for (WampPeer peer : this.peers) {
			if (peer.isRunning()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return WampPeer.PHASE;
	}

}
