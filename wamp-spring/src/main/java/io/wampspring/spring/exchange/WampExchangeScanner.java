package io.wampspring.spring.exchange;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link WampExchange} interfaces of packages and registers a
 * {@link WampExchangeFactoryBean} for each, named after the interface's fully qualified
 * name (an interface registered already is left as it is). Shared by
 * {@link EnableWampExchanges} and Spring Boot's auto-configuration.
 */
public final class WampExchangeScanner {

	private final ClassPathScanningCandidateComponentProvider provider;

	private final ClassLoader classLoader;

	/**
	 * Create a scanner.
	 * @param environment the environment (for profile conditions of candidates)
	 * @param resourceLoader the resource loader
	 */
	public WampExchangeScanner(Environment environment, ResourceLoader resourceLoader) {
		this.provider = new ClassPathScanningCandidateComponentProvider(false, environment) {

			// the default accepts concrete classes only
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface() && definition.getMetadata().isIndependent()
						&& !definition.getMetadata().isAnnotation();
			}

		};
		this.provider.setResourceLoader(resourceLoader);
		this.provider.addIncludeFilter(new AnnotationTypeFilter(WampExchange.class));
		ClassLoader loader = resourceLoader.getClassLoader();
		this.classLoader = (loader != null) ? loader : ClassUtils.getDefaultClassLoader();
	}

	/**
	 * Find the interfaces.
	 * @param basePackages the packages to scan, with their sub-packages
	 * @return the interfaces, in the order found
	 */
	public Set<Class<?>> scan(Collection<String> basePackages) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String basePackage : basePackages) {
			for (BeanDefinition candidate : this.provider.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className != null) {
					types.add(ClassUtils.resolveClassName(className, this.classLoader));
				}
			}
		}
		return types;
	}

	/**
	 * Find the interfaces and register a bean for each.
	 * @param registry the registry
	 * @param basePackages the packages to scan
	 * @return the interfaces registered now
	 */
	public Set<Class<?>> register(BeanDefinitionRegistry registry, Collection<String> basePackages) {
		Set<Class<?>> registered = new LinkedHashSet<>();
		for (Class<?> type : scan(basePackages)) {
			if (register(registry, type)) {
				registered.add(type);
			}
		}
		return registered;
	}

	/**
	 * Register the bean of one interface, unless it is registered already.
	 * @param registry the registry
	 * @param type the interface
	 * @return whether it was registered now
	 */
	public static boolean register(BeanDefinitionRegistry registry, Class<?> type) {
		String name = type.getName();
		if (registry.containsBeanDefinition(name)) {
			return false;
		}
		RootBeanDefinition definition = new RootBeanDefinition(WampExchangeFactoryBean.class);
		// the generic target type lets type matching and AOT see the interface without
		// creating the bean
		definition.setTargetType(ResolvableType.forClassWithGenerics(WampExchangeFactoryBean.class, type));
		definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
		registry.registerBeanDefinition(name, definition);
		return true;
	}

}
