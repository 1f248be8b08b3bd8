package io.wampspring.boot.actuate.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * Builds the {@code wamp} health contributor: one composite per peer, one indicator per
 * session (named by its index in the pool).
 */
public final class WampHealthContributors {

	private WampHealthContributors() {
	}

	/**
	 * The contributor of every peer and session.
	 * @param peers the peers
	 * @return a composite of composites
	 */
	public static CompositeHealthContributor of(WampPeers peers) {
		Map<String, HealthContributor> byPeer = new LinkedHashMap<>();
		for (WampPeer peer : peers.all()) {
			Map<String, HealthContributor> sessions = new LinkedHashMap<>();
			for (int i = 0; i < peer.clients().size(); i++) {
				sessions.put(String.valueOf(i), new WampSessionHealthIndicator(peer, i));
			}
			byPeer.put(peer.name(), CompositeHealthContributor.fromMap(sessions));
		}
		return CompositeHealthContributor.fromMap(byPeer);
	}

}
