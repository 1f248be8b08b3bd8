package io.wampspring.boot.actuate.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.boot.actuate.health.WampUrls;
import io.wampspring.spring.api.WampApiDescriber;
import io.wampspring.spring.api.WampApiDescription;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.config.WampProcedureEndpoint;
import io.wampspring.spring.config.WampSubscriptionEndpoint;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.SessionInfo;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.reconnect.SessionState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The Actuator endpoint {@code wamp}: the routers (address, realm, authid, authentication
 * methods; never a secret), the peers with their sessions (state, session id, authid,
 * authrole, and for a {@code DEGRADED} session the registrations and subscriptions its
 * restore could not bring back yet), and the registrations and subscriptions of the
 * endpoint registry. At {@code wamp/api}, the application's WAMP API as JSON Schema
 * ({@link WampApiDescription}).
 */
@Endpoint(id = "wamp")
public class WampEndpoint {

	/** The selector of the API description: {@code /actuator/wamp/api}. */
	public static final String API = "api";

	private final WampPeers peers;

	private final @Nullable WampEndpointRegistry registry;

	private final @Nullable WampApiDescriber apiDescriber;

	/**
	 * Create the endpoint.
	 * @param peers the peers
	 */
	public WampEndpoint(WampPeers peers) {
		this(peers, null);
	}

	/**
	 * Create the endpoint.
	 * @param peers the peers
	 * @param registry the endpoint registry whose registrations and subscriptions are
	 * listed, or null
	 */
	public WampEndpoint(WampPeers peers, @Nullable WampEndpointRegistry registry) {
		this(peers, registry, null);
	}

	/**
	 * Create the endpoint.
	 * @param peers the peers
	 * @param registry the endpoint registry whose registrations and subscriptions are
	 * listed, or null
	 * @param apiDescriber describes the application's WAMP API at {@code wamp/api}, or
	 * null
	 */
	public WampEndpoint(WampPeers peers, @Nullable WampEndpointRegistry registry,
			@Nullable WampApiDescriber apiDescriber) {
		this.peers = peers;
		this.registry = registry;
		this.apiDescriber = apiDescriber;
	}

	/**
	 * A part of the endpoint: {@code api} is the application's WAMP API, every procedure
	 * and topic with its options and the JSON Schema of its arguments, keyword arguments
	 * and result ({@code GET /actuator/wamp/api}).
	 * @param part the part's name
	 * @return the part; null (not found) for an unknown part, or for {@code api} when the
	 * description is not available (it needs victools' jsonschema-generator on the class
	 * path)
	 */
	@ReadOperation
	public @Nullable WampApiDescription part(@Selector String part) {
		if (!API.equals(part) || this.apiDescriber == null) {
			return null;
		}
		return this.apiDescriber.describe();
	}

	/**
	 * Describe the routers, the sessions, the registrations and the subscriptions.
	 * @return the description
	 */
	@ReadOperation
	public WampDescriptor wamp() {
		Map<String, RouterDescriptor> routers = new LinkedHashMap<>();
		Map<String, PeerDescriptor> peers = new LinkedHashMap<>();
		for (WampPeer peer : this.peers.all()) {
			ClientOptions options = peer.clients().get(0).options();
			String router = (peer.routerName() != null) ? peer.routerName() : peer.name();
			routers.computeIfAbsent(router,
					(name) -> new RouterDescriptor(WampUrls.withoutUserInfo(options.transport().describe()),
							options.realm(), options.authid(),
							options.authenticators().stream().map(ClientAuthenticator::authMethod).toList()));
			List<SessionDescriptor> sessions = new ArrayList<>();
			for (int i = 0; i < peer.clients().size(); i++) {
				WampClient session = peer.clients().get(i);
				SessionState state = session.state();
				SessionInfo info = session.isJoined() ? session.sessionInfo() : null;
				List<String> missing = (state == SessionState.DEGRADED) ? session.missing() : List.of();
				sessions.add(new SessionDescriptor(i, state.name(), (info != null) ? info.sessionId() : null,
						(info != null) ? info.authid() : null, (info != null) ? info.authrole() : null, missing));
			}
			peers.put(peer.name(), new PeerDescriptor(router, peer.poolType().name(), sessions));
		}
		List<HandlerDescriptor> registrations = new ArrayList<>();
		List<HandlerDescriptor> subscriptions = new ArrayList<>();
		if (this.registry != null) {
			for (WampEndpointRegistry.ActiveEndpoint active : this.registry.getActiveEndpoints()) {
				if (active.endpoint() instanceof WampProcedureEndpoint procedure) {
					registrations.add(new HandlerDescriptor(active.uri(), procedure.options().match().wireName(),
							active.peer(), procedure.id(), active.sessions()));
				}
				else if (active.endpoint() instanceof WampSubscriptionEndpoint subscription) {
					subscriptions.add(new HandlerDescriptor(active.uri(), subscription.options().match().wireName(),
							active.peer(), subscription.id(), active.sessions()));
				}
			}
		}
		return new WampDescriptor(routers, peers, registrations, subscriptions);
	}

	/**
	 * Everything the endpoint shows.
	 *
	 * @param routers the routers by name
	 * @param peers the peers by name
	 * @param registrations the procedures served by handler methods
	 * @param subscriptions the topics handled by handler methods
	 */
	public record WampDescriptor(Map<String, RouterDescriptor> routers, Map<String, PeerDescriptor> peers,
			List<HandlerDescriptor> registrations,
			List<HandlerDescriptor> subscriptions) implements OperationResponseBody {
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
	 * @param state the state ({@code JOINED}, {@code DEGRADED}, {@code RECONNECTING},
	 * ...)
	 * @param sessionId the WAMP session id while joined, else null
	 * @param authid the authid the router gave, while joined
	 * @param authrole the role the router gave, while joined
	 * @param missing while {@code DEGRADED}, the registrations and subscriptions the
	 * restore could not bring back and why (the client retries them), such as
	 * {@code registration of 'com.example.add2': wamp.error.not_authorized}; else empty
	 */
	public record SessionDescriptor(int index, String state, @Nullable Long sessionId, @Nullable String authid,
			@Nullable String authrole, List<String> missing) {
	}

	/**
	 * A registration or a subscription of a handler method.
	 *
	 * @param uri the procedure or topic (or pattern)
	 * @param match the match policy
	 * @param peer the peer whose sessions serve it
	 * @param handler the handler, such as {@code calculator#add}
	 * @param sessions on how many sessions the router confirmed it
	 */
	public record HandlerDescriptor(String uri, String match, String peer, String handler, int sessions) {
	}

}
