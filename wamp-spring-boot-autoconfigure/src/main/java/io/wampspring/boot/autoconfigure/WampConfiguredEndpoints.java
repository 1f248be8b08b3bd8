package io.wampspring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.wampspring.spring.config.WampListenerEndpoint;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.config.WampProcedureEndpoint;
import io.wampspring.spring.config.WampSubscriptionEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ReflectionUtils;

/**
 * Turns the handlers declared in configuration
 * ({@code wamp.peers.<peer>.roles.callee.registrations.<uri>.handler} and
 * {@code wamp.peers.<peer>.roles.subscriber.subscriptions.<uri>.handler}, as
 * {@code beanName#methodName}) into endpoints of the {@link WampEndpointRegistry},
 * exactly as if the method carried {@code @WampProcedure} or {@code @WampSubscribe}: the
 * same binding and return values, with the options of the entry on top of
 * {@code wamp.defaults.callee.options} or {@code wamp.defaults.subscriber.options}. A
 * missing bean or method stops the start-up with a message naming the property.
 */
public class WampConfiguredEndpoints implements BeanFactoryAware, SmartInitializingSingleton {

	private final WampProperties properties;

	private final String registryBeanName;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Create the registrar.
	 * @param properties the properties
	 * @param registryBeanName the bean name of the endpoint registry
	 */
	public WampConfiguredEndpoints(WampProperties properties, String registryBeanName) {
		this.properties = properties;
		this.registryBeanName = registryBeanName;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		BeanFactory factory = this.beanFactory;
		if (factory == null) {
			return;
		}
		List<WampListenerEndpoint> endpoints = endpoints(factory);
		if (!endpoints.isEmpty()) {
			WampEndpointRegistry registry = factory.getBean(this.registryBeanName, WampEndpointRegistry.class);
			registry.registerEndpoints(endpoints);
		}
	}

	/**
	 * Build the endpoints of the configuration.
	 * @param factory where the handler beans are
	 * @return the endpoints
	 */
	List<WampListenerEndpoint> endpoints(BeanFactory factory) {
		List<WampListenerEndpoint> endpoints = new ArrayList<>();
		WampProperties.CalleeOptions calleeDefaults = this.properties.getDefaults().getCallee().getOptions();
		WampProperties.SubscriberOptions subscriberDefaults = this.properties.getDefaults()
			.getSubscriber()
			.getOptions();
		this.properties.getPeers().forEach((peer, settings) -> {
			String prefix = "wamp.peers." + peer + ".roles.";
			settings.getRoles().getCallee().getRegistrations().forEach((uri, handler) -> {
				String property = prefix + "callee.registrations[" + uri + "]";
				Target target = target(factory, property + ".handler", handler);
				WampMessageOptions.Registration options = WampMessageOptions.registerOptions(property + ".options",
						calleeDefaults, handler.getOptions());
				endpoints.add(
						new WampProcedureEndpoint(target.id(), uri, peer, options.options(), options.invokeConfigured(),
								options.concurrency(), options.queueCapacity(), target.bean(), target.method()));
			});
			settings.getRoles().getSubscriber().getSubscriptions().forEach((uri, handler) -> {
				String property = prefix + "subscriber.subscriptions[" + uri + "]";
				Target target = target(factory, property + ".handler", handler);
				WampMessageOptions.Subscription options = WampMessageOptions.subscribeOptions(property + ".options",
						subscriberDefaults, handler.getOptions());
				endpoints.add(new WampSubscriptionEndpoint(target.id(), uri, peer, options.options(),
						options.concurrency(), options.queueCapacity(), target.bean(), target.method()));
			});
		});
		return endpoints;
	}

	private static Target target(BeanFactory factory, String property, WampProperties.Handler handler) {
		String value = String.valueOf(handler.getHandler());
		int hash = value.indexOf('#');
		if (hash <= 0 || hash == value.length() - 1) {
			throw new WampConfigurationException(property, "'" + value + "' is not a bean method",
					"Write the handler as beanName#methodName, such as exampleHandlers#echo");
		}
		String beanName = value.substring(0, hash);
		String methodName = value.substring(hash + 1);
		Object bean;
		try {
			bean = factory.getBean(beanName);
		}
		catch (NoSuchBeanDefinitionException ex) {
			// no cause: the missing bean is the whole story, and Boot's analyzer of it
			// must not speak
			String nearest = (factory instanceof ListableBeanFactory listable)
					? WampUnknownPropertyCheck.nearest(beanName, List.of(listable.getBeanDefinitionNames())) : null;
			throw new WampConfigurationException(property,
					"there is no bean named '" + beanName + "'"
							+ ((nearest != null) ? ", did you mean '" + nearest + "'?" : ""),
					"Name an existing bean, such as a @Component class in lower camel case");
		}
		Class<?> type = AopUtils.getTargetClass(bean);
		List<Method> candidates = new ArrayList<>();
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (method.getName().equals(methodName)) {
				candidates.add(method);
			}
		}
		if (candidates.isEmpty()) {
			throw new WampConfigurationException(property,
					"bean '" + beanName + "' (" + type.getName() + ") has no method '" + methodName + "'",
					"Name a method of the bean");
		}
		if (candidates.size() > 1) {
			throw new WampConfigurationException(property,
					"bean '" + beanName + "' has " + candidates.size() + " methods named '" + methodName + "'",
					"Give the handler method a unique name");
		}
		return new Target(value, bean, AopUtils.selectInvocableMethod(candidates.get(0), bean.getClass()));
	}

	private record Target(String id, Object bean, Method method) {
	}

}
