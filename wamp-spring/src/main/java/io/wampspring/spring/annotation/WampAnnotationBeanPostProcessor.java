package io.wampspring.spring.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.client.InvokePolicy;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.spring.config.InvalidWampEndpointException;
import io.wampspring.spring.config.InvalidWampEndpointException.Problem;
import io.wampspring.spring.config.WampListenerEndpoint;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.config.WampProcedureEndpoint;
import io.wampspring.spring.config.WampSubscriptionEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link WampProcedure} and {@link WampSubscribe} methods on beans, turns each into
 * a {@link WampListenerEndpoint} (placeholders in the URI, concurrency and options
 * resolved with the bean factory's embedded value resolver), and hands them to the
 * {@link WampEndpointRegistry} once every singleton exists, all at once so that the
 * registry reports a URI that several beans register with every one of them. Nothing
 * else: binding happens in the registry's adapters, and the registry registers when the
 * context starts. An attribute that cannot be read (no URI, a concurrency that is not a
 * number, an option that is not {@code key=value}) fails the creation of the bean with an
 * {@link InvalidWampEndpointException} naming the method.
 */
public class WampAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(WampAnnotationBeanPostProcessor.class);

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	// endpoints found before the singletons were all created, registered together then;
	// guarded by itself, since @Lazy beans may be created on any thread
	private final List<WampListenerEndpoint> endpoints = new ArrayList<>();

	// set once every singleton exists: the endpoints of a bean created later (a @Lazy
	// bean) are registered at once, through the registry's run-time path
	private volatile boolean singletonsInstantiated;

	private @Nullable BeanFactory beanFactory;

	private @Nullable EmbeddedValueResolver resolver;

	private String registryBeanName = WampBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME;

	/**
	 * The bean name of the registry that receives the endpoints.
	 * @param registryBeanName the bean name
	 */
	public void setRegistryBeanName(String registryBeanName) {
		this.registryBeanName = registryBeanName;
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			this.resolver = new EmbeddedValueResolver(configurable);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, List.of(WampProcedure.class, WampSubscribe.class))) {
			return bean;
		}
		Map<Method, WampProcedure> procedures = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<WampProcedure>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, WampProcedure.class));
		Map<Method, WampSubscribe> subscriptions = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<WampSubscribe>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, WampSubscribe.class));
		if (procedures.isEmpty() && subscriptions.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		List<WampListenerEndpoint> found = new ArrayList<>();
		procedures.forEach((method, annotation) -> found.add(procedureEndpoint(bean, beanName,
				AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
		subscriptions.forEach((method, annotation) -> found.add(subscriptionEndpoint(bean, beanName,
				AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
		logger.debug("{} WAMP endpoints found on bean '{}'", found.size(), beanName);
		synchronized (this.endpoints) {
			if (!this.singletonsInstantiated) {
				this.endpoints.addAll(found);
				return bean;
			}
		}
		registry().registerEndpoints(found);
		return bean;
	}

	private WampProcedureEndpoint procedureEndpoint(Object bean, String beanName, Method method,
			WampProcedure annotation) {
		String id = beanName + "#" + method.getName();
		String uri = uri(id, method, annotation.uri());
		RegisterOptions.Builder options = RegisterOptions.builder()
			.match(annotation.match())
			.invoke(annotation.invoke())
			.discloseCaller(annotation.discloseCaller());
		extraOptions(id, method, annotation.options()).forEach(options::option);
		return new WampProcedureEndpoint(id, uri, resolve(annotation.peer()), options.build(),
				annotation.invoke() != InvokePolicy.SINGLE,
				number(id, method, "concurrency", annotation.concurrency(), 0),
				number(id, method, "queueCapacity", annotation.queueCapacity(), 0), bean, method);
	}

	private WampSubscriptionEndpoint subscriptionEndpoint(Object bean, String beanName, Method method,
			WampSubscribe annotation) {
		String id = beanName + "#" + method.getName();
		String uri = uri(id, method, annotation.uri());
		SubscribeOptions options = new SubscribeOptions(annotation.match(),
				extraOptions(id, method, annotation.options()))
			.withGetRetained(annotation.getRetained());
		return new WampSubscriptionEndpoint(id, uri, resolve(annotation.peer()), options,
				number(id, method, "concurrency", annotation.concurrency(), 1),
				number(id, method, "queueCapacity", annotation.queueCapacity(), 0), bean, method);
	}

	private String uri(String id, Method method, String raw) {
		String uri = resolve(raw);
		if (!StringUtils.hasText(uri)) {
			throw invalid(id, method,
					"the WAMP annotation has no URI" + (raw.isEmpty() ? "" : " ('" + raw + "' is empty)"),
					"Set its value (or uri), such as com.example.add2");
		}
		return uri.trim();
	}

	private static InvalidWampEndpointException invalid(String id, Method method, String reason, String action) {
		String handler = InvalidWampEndpointException.describe(id, method);
		return new InvalidWampEndpointException(
				List.of(new Problem(handler + ": " + reason, action, List.of(handler))));
	}

	/**
	 * A whole number attribute; null when empty, so that the registry's default applies.
	 */
	private @Nullable Integer number(String id, Method method, String attribute, String raw, int min) {
		String value = resolve(raw).trim();
		if (value.isEmpty()) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw invalid(id, method,
					attribute + " must be a whole number of at least " + min + ", got '" + value + "'",
					"Set " + attribute + " to a whole number of at least " + min
							+ ", or leave it empty for the default");
		}
	}

	private Map<String, Object> extraOptions(String id, Method method, String[] pairs) {
		Map<String, Object> options = new LinkedHashMap<>();
		for (String pair : pairs) {
			String resolved = resolve(pair);
			int equals = resolved.indexOf('=');
			if (equals <= 0) {
				throw invalid(id, method, "option '" + resolved + "' is not key=value",
						"Write each option as key=value, such as options = \"disclose_caller=true\"");
			}
			options.put(resolved.substring(0, equals).trim(), optionValue(resolved.substring(equals + 1).trim()));
		}
		return options;
	}

	private static Object optionValue(String text) {
		if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return Boolean.valueOf(text);
		}
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private String resolve(String value) {
		EmbeddedValueResolver current = this.resolver;
		if (current == null) {
			return value;
		}
		String resolved = current.resolveStringValue(value);
		return (resolved != null) ? resolved : "";
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<WampListenerEndpoint> found;
		synchronized (this.endpoints) {
			this.singletonsInstantiated = true;
			found = List.copyOf(this.endpoints);
			this.endpoints.clear();
		}
		if (!found.isEmpty()) {
			// all at once, so that a URI two beans register is reported with every one of
			// them
			registry().registerEndpoints(found);
		}
	}

	private WampEndpointRegistry registry() {
		BeanFactory factory = this.beanFactory;
		if (factory == null) {
			throw new IllegalStateException("no bean factory to find the WAMP endpoint registry in");
		}
		return factory.getBean(this.registryBeanName, WampEndpointRegistry.class);
	}

}
