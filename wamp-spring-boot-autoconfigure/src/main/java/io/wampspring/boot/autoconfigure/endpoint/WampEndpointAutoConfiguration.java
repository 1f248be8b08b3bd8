package io.wampspring.boot.autoconfigure.endpoint;

import io.wampspring.boot.actuate.endpoint.WampEndpoint;
import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.boot.autoconfigure.api.WampApiAutoConfiguration;
import io.wampspring.spring.api.WampApiDescriber;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.peer.WampPeers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code wamp} Actuator endpoint (expose it with
 * {@code management.endpoints.web.exposure.include=wamp}): routers, sessions,
 * registrations and subscriptions, and at {@code /actuator/wamp/api} the application's
 * WAMP API as JSON Schema when the {@link WampApiDescriber} is configured.
 */
@AutoConfiguration(after = { WampAutoConfiguration.class, WampApiAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(WampPeers.class)
@ConditionalOnAvailableEndpoint(WampEndpoint.class)
public final class WampEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WampEndpoint wampEndpoint(WampPeers peers, ObjectProvider<WampEndpointRegistry> registry,
			ObjectProvider<WampApiDescriber> apiDescriber) {
		return new WampEndpoint(peers, registry.getIfUnique(), apiDescriber.getIfUnique());
	}

}
