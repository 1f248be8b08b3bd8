package io.wampspring.spring.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.wampspring.client.InvokePolicy;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.core.uri.WampUriValidator;
import io.wampspring.spring.config.InvalidWampEndpointException.Problem;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import org.jspecify.annotations.Nullable;

/**
 * Checks endpoints before they are registered, with what can be known without a router:
 * the peer exists, the URI resolves and is valid for its match policy (the loose rules
 * that routers accept), a procedure is not under the reserved {@code wamp.} prefix, and
 * no two bean methods register the same procedure (same URI and match policy) on one
 * router. A router refuses the second registration ({@code procedure_already_exists}) of
 * one session always, and of another session unless both chose the same shared invoke
 * policy; so bean methods may share a procedure only from different peers, each with the
 * same shared invoke policy set explicitly (a pool's default {@code roundrobin} shares
 * one method among its own sessions, not among methods). Event handlers may share a
 * topic: the client delivers each event to all of them.
 */
final class WampEndpointCheck {

	private static final String RESERVED_PREFIX = "wamp.";

	private WampEndpointCheck() {
	}

	/**
	 * Check new endpoints against themselves and those already known.
	 * @param peers the peers the endpoints name
	 * @param known the endpoints checked before
	 * @param added the new endpoints
	 * @return the problems of the new endpoints, empty when they can be registered
	 */
	static List<Problem> check(WampPeers peers, Collection<WampListenerEndpoint> known,
			Collection<WampListenerEndpoint> added) {
		List<Problem> problems = new ArrayList<>();
		Map<ProcedureKey, List<WampProcedureEndpoint>> procedures = new LinkedHashMap<>();
		// the peer each procedure resolved to: "" and "default" may name the same one
		Map<WampListenerEndpoint, String> peerNames = new IdentityHashMap<>();
		Set<WampListenerEndpoint> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
		fresh.addAll(added);
		List<WampListenerEndpoint> all = new ArrayList<>(known);
		all.addAll(added);
		for (WampListenerEndpoint endpoint : all) {
			// endpoints known before were checked then: only their URIs take part now
			List<Problem> sink = fresh.contains(endpoint) ? problems : new ArrayList<>();
			WampPeer peer = peer(peers, endpoint, sink);
			ProcedureKey key = (peer != null) ? resolve(peer, endpoint, sink) : null;
			if (key != null && endpoint instanceof WampProcedureEndpoint procedure) {
				procedures.computeIfAbsent(key, (k) -> new ArrayList<>()).add(procedure);
				peerNames.put(procedure, peer.name());
			}
		}
		procedures.forEach((key, group) -> {
			if (group.size() > 1 && group.stream().anyMatch(fresh::contains) && !shared(group, peerNames)) {
				problems.add(conflict(key, group, peerNames));
			}
		});
		return problems;
	}

	/** The peer of an endpoint, or null when it does not exist. */
	private static @Nullable WampPeer peer(WampPeers peers, WampListenerEndpoint endpoint, List<Problem> problems) {
		try {
			return peers.get(endpoint.peer());
		}
		catch (IllegalStateException ex) {
			String handler = InvalidWampEndpointException.describe(endpoint);
			problems.add(new Problem(handler + " cannot be served: " + ex.getMessage(),
					"Name a configured peer in the endpoint's peer attribute, or leave it empty for the default peer",
					List.of(handler)));
			return null;
		}
	}

	/**
	 * The router, URI and match policy of an endpoint, or null when the endpoint has a
	 * problem.
	 */
	private static @Nullable ProcedureKey resolve(WampPeer peer, WampListenerEndpoint endpoint,
			List<Problem> problems) {
		String handler = InvalidWampEndpointException.describe(endpoint);
		String uri;
		try {
			uri = peer.resolveUri(endpoint.uri());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(handler + ": " + ex.getMessage(),
					"Write the absolute URI, such as com.example" + endpoint.uri() + ", or set the router's uri-prefix",
					List.of(handler)));
			return null;
		}
		boolean procedure = endpoint instanceof WampProcedureEndpoint;
		MatchPolicy match = (endpoint instanceof WampProcedureEndpoint registration) ? registration.options().match()
				: ((WampSubscriptionEndpoint) endpoint).options().match();
		if (!WampUriValidator.LOOSE_RULES.isValid(uri, match)) {
			String reason;
			try {
				WampUriValidator.LOOSE_RULES.check(uri, match, procedure ? "procedure" : "topic");
				reason = "invalid URI '" + uri + "'";
			}
			catch (IllegalArgumentException ex) {
				reason = ex.getMessage();
			}
			problems.add(new Problem(handler + ": " + reason,
					"Use a URI such as com.example.add2" + ((match != MatchPolicy.EXACT) ? " (a " + match.wireName()
							+ " pattern may leave components empty, such as com.example..update)" : ""),
					List.of(handler)));
			return null;
		}
		if (procedure && uri.startsWith(RESERVED_PREFIX)) {
			problems.add(new Problem(
					handler + ": procedure '" + uri
							+ "' is under 'wamp.', which the WAMP specification reserves for the router",
					"Use a URI of the application's own, such as com.example."
							+ uri.substring(RESERVED_PREFIX.length()),
					List.of(handler)));
			return null;
		}
		String router = peer.routerName();
		return new ProcedureKey((router != null) ? router : peer.name(), uri, match);
	}

	/**
	 * Whether the router lets the group share the procedure: each from a peer of its own,
	 * each with the same shared invoke policy set explicitly.
	 */
	private static boolean shared(List<WampProcedureEndpoint> group, Map<WampListenerEndpoint, String> peerNames) {
		InvokePolicy first = group.get(0).options().invoke();
		return first != InvokePolicy.SINGLE && samePeer(group, peerNames) == null && group.stream()
			.allMatch((procedure) -> procedure.invokeConfigured() && procedure.options().invoke() == first);
	}

	/** A peer whose sessions would register the procedure twice, or null. */
	private static @Nullable String samePeer(List<WampProcedureEndpoint> group,
			Map<WampListenerEndpoint, String> peerNames) {
		Set<String> peers = new HashSet<>();
		for (WampProcedureEndpoint procedure : group) {
			String peer = peerNames.get(procedure);
			if (!peers.add(peer)) {
				return "peer '" + peer + "'";
			}
		}
		return null;
	}

	private static Problem conflict(ProcedureKey key, List<WampProcedureEndpoint> group,
			Map<WampListenerEndpoint, String> peerNames) {
		List<String> handlers = group.stream().map(InvalidWampEndpointException::describe).toList();
		String policies = group.stream()
			.map((procedure) -> procedure.invokeConfigured() ? procedure.options().invoke().wireName() : "not set")
			.distinct()
			.collect(Collectors.joining(", "));
		String samePeer = samePeer(group, peerNames);
		String why = (samePeer != null)
				? "the sessions of " + samePeer + " would register it twice, which the router refuses"
				: "the router refuses a second registration unless all set the same shared invoke policy";
		return new Problem(
				"procedure '" + key.uri() + "' (match " + key.match().wireName() + ") on router '" + key.router()
						+ "' is registered by " + group.size() + " bean methods: " + String.join(", ", handlers)
						+ " (invoke policies: " + policies + "); " + why,
				"Give each method its own URI. To share a procedure among methods on purpose, serve each from a "
						+ "peer of its own with the same shared invoke policy, such as "
						+ "@WampProcedure(peer = \"second\", invoke = InvokePolicy.ROUNDROBIN)",
				handlers);
	}

	private record ProcedureKey(String router, String uri, MatchPolicy match) {
	}

}
