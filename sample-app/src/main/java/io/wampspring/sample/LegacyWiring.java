package io.wampspring.sample;

import io.wampspring.boot.peer.WampPeers;
import io.wampspring.client.WampClient;
import io.wampspring.spring.annotation.EnableWamp;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEMPORARY: the wiring between wamp-spring and the Boot auto-configuration that the
 * auto-configuration does not do yet. Delete this class once the auto-configuration
 * registers the annotation post-processor, wamp-spring's {@link WampPeer}s and a
 * {@link WampTemplate} from {@code wamp.*}: nothing else in the sample refers to it.
 * <p>
 * It turns on {@code @WampProcedure} / {@code @WampSubscribe} with {@link EnableWamp}, and
 * wraps the sessions of the auto-configured default peer (so that health, meters and the
 * {@code wamp} endpoint see the same sessions) in wamp-spring's {@link WampPeer}, which the
 * endpoint registry and the template use.
 */
@Configuration(proxyBeanMethods = false)
@EnableWamp
public class LegacyWiring {

	/**
	 * wamp-spring's view of the auto-configured default peer.
	 * @param peers the auto-configured peers
	 * @return the peer, sharing their sessions
	 */
	@Bean
	WampPeer sampleWampPeer(WampPeers peers) {
		io.wampspring.boot.peer.WampPeer peer = peers.getDefault();
		return WampPeer.builder(peer.name())
			.clients(peer.sessions().toArray(new WampClient[0]))
			// the auto-configured WampPeers connects and closes these sessions, after the
			// embedded router started; the endpoint registry registers once they joined
			.autoStartup(false)
			.build();
	}

	/**
	 * The template on that peer.
	 * @param peer the peer
	 * @return the template
	 */
	@Bean
	WampTemplate wampTemplate(WampPeer peer) {
		return new WampTemplate(peer);
	}

}
