package io.wampspring.boot.actuate.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.boot.actuate.health.WampUrls;
import io.wampspring.boot.peer.WampPeer;
import io.wampspring.boot.peer.WampPeers;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.ClientAuthenticator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code wamp}: the routers (address, realm, authid, authentication
 * methods; never a secret) and the peers with their sessions (state, session id, authid,
 * authrole).
 */
@Endpoint(id = "wamp")
public class WampEndpoint {

	private final WampPeers peers;

	/**
	 * Create the endpoint.
	 * @param peers the peers
	 */
	public WampEndpoint(WampPeers peers) {
		this.peers = peers;
	}

	/**
	 * Describe the routers and the sessions.
	 * @return the description
	 */
	@ReadOperation
	public WampDescriptor wamp() {
		Map<String, RouterDescriptor> routers = new LinkedHashMap<>();
		Map<String, PeerDescriptor> peers = new LinkedHashMap<>();
		for (WampPeer peer : this.peers.all()) {
			ClientOptions options = peer.options();
			routers.computeIfAbsent(peer.routerName(), (name) -> new RouterDescriptor(
					WampUrls.withoutUserInfo(options.transport().describe()), options.realm(), options.authid(),
					options.authenticators().stream().map(ClientAuthenticator::authMethod).toList()));
			List<SessionDescriptor> sessions = new ArrayList<>();
			for (int i = 0; i < peer.sessions().size(); i++) {
				WampClient session = peer.sessions().get(i);
				SessionInfo info = session.isJoined() ? session.sessionInfo() : null;
				sessions.add(new SessionDescriptor(i, session.state().name(), (info != null) ? info.sessionId() : null,
						(info != null) ? info.authid() : null, (info != null) ? info.authrole() : null));
			}
			peers.put(peer.name(), new PeerDescriptor(peer.routerName(), peer.poolType().name(), sessions));
		}
		return new WampDescriptor(routers, peers);
	}

	/**
	 * Everything the endpoint shows.
	 *
	 * @param routers the routers by name
	 * @param peers the peers by name
	 */
	public record WampDescriptor(Map<String, RouterDescriptor> routers,
			Map<String, PeerDescriptor> peers) implements OperationResponseBody {
	}

	/**
	 * A router, as the sessions see it.
	 *
	 * @param url the address (without user information)
	 * @param realm the realm
	 * @param authid the configured authid, or null
	 * @param authmethods the offered authentication methods
	 */
	public record RouterDescriptor(String url, String realm, @Nullable String authid, List<String> authmethods) {
	}

	/**
	 * A peer.
	 *
	 * @param router the router name
	 * @param poolType how a session is picked
	 * @param sessions the sessions of the pool
	 */
	public record PeerDescriptor(String router, String poolType, List<SessionDescriptor> sessions) {
	}

	/**
	 * A session.
	 *
	 * @param index the index in the pool
	 * @param state the state
	 * @param sessionId the WAMP session id while joined, else null
	 * @param authid the authid the router gave, while joined
	 * @param authrole the role the router gave, while joined
	 */
	public record SessionDescriptor(int index, String state, @Nullable Long sessionId, @Nullable String authid,
			@Nullable String authrole) {
	}

}
