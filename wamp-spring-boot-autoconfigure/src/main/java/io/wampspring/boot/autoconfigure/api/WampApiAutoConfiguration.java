package io.wampspring.boot.autoconfigure.api;

import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.api.WampApiDescriber;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.peer.WampPeers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link WampApiDescriber}, which describes the application's
 * procedures and topics as JSON Schema, when victools' {@code jsonschema-generator} is on
 * the class path (the Actuator endpoint {@code wamp} serves it at
 * {@code /actuator/wamp/api}). {@link WampApiDescriberCustomizer} beans customize the
 * schema generator.
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass(name = "com.github.victools.jsonschema.generator.SchemaGenerator", value = WampApiDescriber.class)
@ConditionalOnBean(WampEndpointRegistry.class)
public final class WampApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WampApiDescriber wampApiDescriber(WampEndpointRegistry registry, ObjectProvider<WampPeers> peers,
			ObjectProvider<WampApiDescriberCustomizer> customizers) {
		return new WampApiDescriber(registry, peers.getIfUnique(),
				(builder) -> customizers.orderedStream().forEach((customizer) -> customizer.customize(builder)));
	}

}
