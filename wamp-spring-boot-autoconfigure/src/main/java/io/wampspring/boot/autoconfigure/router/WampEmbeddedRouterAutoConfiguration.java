package io.wampspring.boot.autoconfigure.router;

import io.wampspring.boot.autoconfigure.WampPropertiesCheck;
import io.wampspring.router.WampRouter;
import io.wampspring.router.nexus.InMemoryMetadataStore;
import io.wampspring.router.nexus.MetadataStore;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the embedded WAMP router when
 * {@code wamp.embedded-router.enabled} is true: a {@link WampRouter} built from
 * {@code wamp.embedded-router.*}, started before the peers connect and stopped after they
 * left. The {@code my.metadata.*} values are kept in the application's
 * {@link MetadataStore} bean when there is one, in an {@link InMemoryMetadataStore} bean
 * otherwise. A realm's tickets go to the application's Spring Security
 * {@code ReactiveJwtDecoder} or {@code ReactiveAuthenticationManager} bean when its
 * {@code ticket.delegate} says so.
 */
@AutoConfiguration
@ConditionalOnClass(WampRouter.class)
@ConditionalOnBooleanProperty("wamp.embedded-router.enabled")
@EnableConfigurationProperties(WampRouterProperties.class)
@Import(WampPropertiesCheck.class)
public final class WampEmbeddedRouterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WampRouter wampEmbeddedRouter(WampRouterProperties properties, MetadataStore metadataStore,
			BeanFactory beanFactory) {
		return EmbeddedRouterFactory.create(properties, metadataStore, beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean(MetadataStore.class)
	InMemoryMetadataStore wampMetadataStore(WampRouterProperties properties) {
		return EmbeddedRouterFactory.inMemoryMetadataStore(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	WampEmbeddedRouterLifecycle wampEmbeddedRouterLifecycle(WampRouter router) {
		return new WampEmbeddedRouterLifecycle(router);
	}

}
