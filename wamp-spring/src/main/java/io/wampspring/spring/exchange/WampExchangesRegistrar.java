package io.wampspring.spring.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the beans of {@link EnableWampExchanges}.
 */
class WampExchangesRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware {

	private Environment environment = new StandardEnvironment();

	private ResourceLoader resourceLoader = new DefaultResourceLoader();

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
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(EnableWampExchanges.class.getName());
		if (attributes == null) {
			return;
		}
		List<String> packages = new ArrayList<>();
		packages.addAll(Arrays.asList((String[]) attributes.get("value")));
		packages.addAll(Arrays.asList((String[]) attributes.get("basePackages")));
		for (Class<?> type : (Class<?>[]) attributes.get("basePackageClasses")) {
			packages.add(ClassUtils.getPackageName(type));
		}
		Class<?>[] clients = (Class<?>[]) attributes.get("clients");
		if (packages.isEmpty() && clients.length == 0) {
			packages.add(ClassUtils.getPackageName(metadata.getClassName()));
		}
		for (Class<?> client : clients) {
			WampExchangeScanner.register(registry, client);
		}
		if (!packages.isEmpty()) {
			new WampExchangeScanner(this.environment, this.resourceLoader).register(registry, packages);
		}
	}

}
