package io.wampspring.boot.autoconfigure.endpoint;

import io.wampspring.boot.actuate.endpoint.WampEndpoint;
import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.boot.peer.WampPeers;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code wamp} Actuator endpoint (expose it with
 * {@code management.endpoints.web.exposure.include=wamp}).
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(WampPeers.class)
@ConditionalOnAvailableEndpoint(WampEndpoint.class)
public final class WampEndpointAutoConfiguration {

	// TODO(lead): once wamp-spring is merged, add the endpoint registry's registrations and
	// subscriptions to the descriptor.

	@Bean
	@ConditionalOnMissingBean
	WampEndpoint wampEndpoint(WampPeers peers) {
		return new WampEndpoint(peers);
	}

}
