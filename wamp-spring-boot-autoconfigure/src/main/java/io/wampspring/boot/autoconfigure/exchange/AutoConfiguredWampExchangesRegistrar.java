package io.wampspring.boot.autoconfigure.exchange;

import java.util.List;

import io.wampspring.spring.exchange.WampExchangeScanner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a bean for every {@code @WampExchange} interface of the auto-configuration
 * packages.
 */
class AutoConfiguredWampExchangesRegistrar
		implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {

	private static final Logger logger = LoggerFactory.getLogger(AutoConfiguredWampExchangesRegistrar.class);

	private @Nullable BeanFactory beanFactory;

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (this.beanFactory == null || this.environment == null || this.resourceLoader == null
				|| !AutoConfigurationPackages.has(this.beanFactory)) {
			logger.debug("no auto-configuration package: WAMP exchange interfaces are not scanned");
			return;
		}
		List<String> packages = AutoConfigurationPackages.get(this.beanFactory);
		var registered = new WampExchangeScanner(this.environment, this.resourceLoader).register(registry, packages);
		logger.debug("WAMP exchange interfaces of {}: {}", packages, registered);
	}

}
