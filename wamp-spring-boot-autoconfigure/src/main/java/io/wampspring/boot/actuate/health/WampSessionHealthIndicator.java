package io.wampspring.boot.actuate.health;

import java.util.List;

import io.wampspring.spring.peer.WampPeer;
import io.wampspring.client.Revocation;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one session of a peer: UP when joined; DOWN while connecting or
 * reconnecting (with the reason, the attempt number and the time of the next attempt) and
 * after the session gave up; OUT_OF_SERVICE while it is not started or leaving. The
 * details name the router, its address and the realm, never a credential.
 */
public class WampSessionHealthIndicator implements HealthIndicator {

	private final WampPeer peer;

	private final int index;

	/**
	 * Create an indicator.
	 * @param peer the peer
	 * @param index the session's index in the peer's pool
	 */
	public WampSessionHealthIndicator(WampPeer peer, int index) {
		this.peer = peer;
		this.index = index;
	}

	@Override
	public Health health() {
		WampClient session = this.peer.clients().get(this.index);
		SessionState state = session.state();
		SessionStateEvent last = this.peer.lastStateEvent(this.index);
		Health.Builder builder = switch (state) {
			// joined and serving; the details name what the restore could not bring back
			// yet
			case JOINED, DEGRADED -> Health.up();
			case LEAVING -> Health.outOfService();
			case CONNECTING, AUTHENTICATING, RECONNECTING -> Health.down();
			case CLOSED -> neverStarted(last) ? Health.outOfService() : Health.down();
		};
		builder.withDetail("state", state.name())
			.withDetail("router", String.valueOf(this.peer.routerName()))
			.withDetail("url", WampUrls.withoutUserInfo(session.options().transport().describe()))
			.withDetail("realm", session.options().realm());
		SessionInfo info = session.sessionInfo();
		if ((state == SessionState.JOINED || state == SessionState.DEGRADED) && info != null) {
			builder.withDetail("sessionId", info.sessionId());
			putIfNotNull(builder, "authid", info.authid());
			putIfNotNull(builder, "authrole", info.authrole());
			putIfNotNull(builder, "authmethod", info.authmethod());
			if (state == SessionState.DEGRADED) {
				builder.withDetail("missing", session.missing());
			}
			// still UP: the session serves everything else; the details say what an
			// administrator revoked
			List<Revocation> revoked = session.revoked();
			if (!revoked.isEmpty()) {
				builder.withDetail("revoked", revoked.stream().map(Revocation::describe).toList());
			}
		}
		else if (last != null && last.state() == state) {
			putIfNotNull(builder, "reason", last.reason());
			if (state == SessionState.RECONNECTING) {
				int max = session.options().reconnect().maxRetries();
				builder.withDetail("attempt", last.attempt())
					.withDetail("maxRetries", (max < 0) ? "unlimited" : max)
					.withDetail("nextAttempt", last.timestamp().plus(last.delay()).toString());
			}
			builder.withDetail("since", last.timestamp().toString());
		}
		return builder.build();
	}

	private static boolean neverStarted(@Nullable SessionStateEvent last) {
		// the machine's first event is CLOSED -> CLOSED ("created"); a client that gave
		// up came from another state
		return last == null || last.previous() == SessionState.CLOSED || last.reason() == null
				|| last.reason().startsWith("left: closed by the application");
	}

	private static void putIfNotNull(Health.Builder builder, String key, @Nullable Object value) {
		if (value != null) {
			builder.withDetail(key, value);
		}
	}

}
