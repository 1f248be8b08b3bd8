package io.wampspring.spring.core;

import java.time.Duration;
import java.util.Objects;

import io.wampspring.client.SessionInfo;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampSessionCredentials;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A session opened at run time under other credentials, with {@link WampOperations} bound
 * to it, from {@link WampOperations#openSession(WampSessionCredentials)}. The application
 * owns it: close it when done (it is {@link AutoCloseable}, for try-with-resources).
 *
 * <pre class="code">
 * try (WampExtraSession admin = template.openSession(WampSessionCredentials.of("admin", ticket)).block()) {
 *     admin.operations().blocking().call("com.example.reset");
 * }
 * </pre>
 */
public final class WampExtraSession implements AutoCloseable {

	private final WampPeer peer;

	private final WampTemplate operations;

	private final Duration blockTimeout;

	WampExtraSession(WampPeer peer, WampTemplate operations, Duration blockTimeout) {
		this.peer = Objects.requireNonNull(peer, "peer");
		this.operations = operations;
		this.blockTimeout = blockTimeout;
	}

	/**
	 * The operations bound to this session.
	 * @return a template with the settings of the one that opened the session
	 */
	public WampTemplate operations() {
		return this.operations;
	}

	/**
	 * The peer of this one session.
	 * @return the peer
	 */
	public WampPeer peer() {
		return this.peer;
	}

	/**
	 * The WELCOME information of the session.
	 * @return the info, or null while it is not joined
	 */
	public @Nullable SessionInfo sessionInfo() {
		return this.peer.clients().get(0).sessionInfo();
	}

	/**
	 * Leave gracefully: running invocations may answer within the grace period, then
	 * GOODBYE.
	 * @param gracePeriod how long running invocations may take
	 * @return completes when the session closed
	 */
	public Mono<Void> leave(Duration gracePeriod) {
		return this.peer.close(gracePeriod);
	}

	/**
	 * Leave at once and wait for the GOODBYE handshake, up to the template's block
	 * timeout.
	 */
	@Override
	public void close() {
		leave(Duration.ZERO).block(this.blockTimeout);
	}

	@Override
	public String toString() {
		return "WampExtraSession[" + this.peer.name() + "]";
	}

}
