package io.wampspring.router.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A router for a test class and the test peers of each test: register it as a static
 * {@code @RegisterExtension}. The router starts before the class and stops after it;
 * every peer connected through the fixture is closed after its test.
 */
public final class RouterFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	private final Supplier<WampRouter> starter;

	private final List<TestPeer> peers = new CopyOnWriteArrayList<>();

	private @Nullable WampRouter router;

	/**
	 * Create a fixture.
	 * @param starter builds and starts the router
	 */
	public RouterFixture(Supplier<WampRouter> starter) {
		this.starter = starter;
	}

	/**
	 * A fixture whose router has the open realm {@code realm1} and the given realms, the
	 * given limits, and WebSocket ({@code /ws}) and RawSocket listeners on ephemeral
	 * ports of 127.0.0.1.
	 * @param limits the limits
	 * @param realms more realms
	 * @return the fixture
	 */
	public static RouterFixture withLimits(RouterLimits limits, RealmConfig... realms) {
		return new RouterFixture(() -> WampRouter.builder()
			.realm("realm1")
			.realms(List.of(realms))
			.limits(limits)
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start());
	}

	/**
	 * The running router.
	 * @return the router
	 */
	public WampRouter router() {
		WampRouter current = this.router;
		if (current == null) {
			throw new IllegalStateException("the router is not started");
		}
		return current;
	}

	/**
	 * Connect a peer to the router's WebSocket listener; it is closed after the test.
	 * @return the connected peer (not joined)
	 */
	public TestPeer connect() {
		return track(TestPeer.connect(router().webSocketUrl()));
	}

	/**
	 * Close a peer after the test.
	 * @param peer the peer
	 * @return the peer
	 */
	public TestPeer track(TestPeer peer) {
		this.peers.add(peer);
		return peer;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.router = this.starter.get();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.peers.forEach(TestPeer::close);
		this.peers.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.router != null) {
			this.router.stop();
		}
	}

}
