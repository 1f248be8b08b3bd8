package io.wampspring.boot.autoconfigure.router;

import io.wampspring.spring.peer.WampPeer;
import io.wampspring.router.WampRouter;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the embedded router before the peers connect ({@link #PHASE} is lower than
 * {@link WampPeer#PHASE}) and stops it after they left.
 */
public class WampEmbeddedRouterLifecycle implements SmartLifecycle {

	/** The lifecycle phase of the embedded router. */
	public static final int PHASE = WampPeer.PHASE - 100;

	private final WampRouter router;

	/**
	 * Create a lifecycle for a router.
	 * @param router the router
	 */
	public WampEmbeddedRouterLifecycle(WampRouter router) {
		this.router = router;
	}

	@Override
	public void start() {
		if (!this.router.isRunning()) {
			this.router.start();
		}
	}

	@Override
	public void stop() {
		this.router.stop();
	}

	@Override
	public boolean isRunning() {
		return this.router.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
