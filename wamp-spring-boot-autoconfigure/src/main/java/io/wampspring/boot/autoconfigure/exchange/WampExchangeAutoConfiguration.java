package io.wampspring.boot.autoconfigure.exchange;

import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.exchange.EnableWampExchanges;
import io.wampspring.spring.exchange.WampExchangeFactoryBean;
import io.wampspring.spring.exchange.WampExchangeProxyFactory;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of declarative WAMP callers: the {@link WampExchangeProxyFactory}
 * over the application's {@link WampOperations} (the template, with its converter,
 * default options and block timeout; {@code ${...}} placeholders resolved from the
 * environment), and a bean for every {@code @WampExchange} interface of the
 * auto-configuration packages (the package of the {@code @SpringBootApplication} class
 * and below). An application that declares {@link EnableWampExchanges} (or any
 * {@link WampExchangeFactoryBean}) chooses its interfaces itself and turns the scanning
 * off.
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass(WampExchangeProxyFactory.class)
@ConditionalOnBean(WampOperations.class)
public final class WampExchangeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WampExchangeProxyFactory wampExchangeProxyFactory(WampOperations operations, ConfigurableBeanFactory beanFactory) {
		return WampExchangeProxyFactory.builder(operations)
			.embeddedValueResolver(new EmbeddedValueResolver(beanFactory))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(WampExchangeFactoryBean.class)
	@Import(AutoConfiguredWampExchangesRegistrar.class)
	static class WampExchangeScanningConfiguration {

	}

}
