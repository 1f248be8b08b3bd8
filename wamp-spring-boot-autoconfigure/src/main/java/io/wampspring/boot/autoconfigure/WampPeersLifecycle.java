package io.wampspring.boot.autoconfigure;

import java.util.List;

import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the auto-configured peers with the application context, in the peers'
 * phase ({@link WampPeer#PHASE}: after the embedded router, before the endpoint registry
 * registers), and hands them the event publisher for the join and leave events. With
 * {@code wamp.auto-startup=false} the peers connect when the application calls
 * {@link #start()}.
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

	@Override
	public void stop() {
		this.peers.forEach(WampPeer::stop);
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
