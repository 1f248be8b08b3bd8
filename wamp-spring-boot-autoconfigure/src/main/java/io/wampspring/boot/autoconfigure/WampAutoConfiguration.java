package io.wampspring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import io.wampspring.client.Testament;
import io.wampspring.client.WampClient;
import io.wampspring.core.link.LocalAcceptor;
import io.wampspring.spring.annotation.WampAnnotationBeanPostProcessor;
import io.wampspring.spring.annotation.WampBootstrapConfiguration;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.core.CallRetry;
import io.wampspring.spring.core.NexusUris;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.listener.adapter.WampHandlerLimits;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.listener.adapter.WampOverloadListener;
import io.wampspring.spring.micrometer.WampListenerObservationConvention;
import io.wampspring.spring.micrometer.WampTemplateObservationConvention;
import io.wampspring.spring.peer.PoolType;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Auto-configuration of WAMP clients and of the Spring layer:
 * <ul>
 * <li>the {@link WampConnectionDetails}, the {@link WampClientOptionsFactory} that turns
 * {@code wamp.routers} into client options, and the {@link WampPeers}: one wamp-spring
 * {@link WampPeer} (a session pool) per {@code wamp.peers} entry, or a peer named
 * {@code default} on the default router (the embedded router, in process, when no router
 * is configured and it is enabled), started and stopped by
 * {@link WampPeersLifecycle};</li>
 * <li>what {@code @EnableWamp} imports, without the application adding it: the
 * {@code @WampProcedure} / {@code @WampSubscribe} post-processor and the endpoint
 * registry, plus the handlers declared in {@code wamp.peers.<peer>.roles};</li>
 * <li>the {@link WampExceptionTranslator} ({@code wamp.defaults.callee.error-uri},
 * {@code wamp.defaults.callee.exception-uris},
 * {@code wamp.defaults.callee.include-exception-message}), the handler limits of the
 * endpoint registry ({@code wamp.defaults.callee/subscriber.concurrency} and
 * {@code queue-capacity}), the {@link WampJsonConverter} (from Spring Boot's
 * {@code JsonMapper} when there is one), and the {@code wampTemplate} of the default peer
 * (default options from {@code wamp.defaults.caller/publisher.options}, retries from
 * {@code wamp.defaults.caller.retry} and
 * {@code wamp.defaults.caller.idempotent-procedures}, Nexus URIs from
 * {@code wamp.nexus}), then the {@link WampTemplateCustomizer}s;</li>
 * <li>where the peers publish their session events: Spring Boot's application task
 * executor when virtual threads are enabled ({@code spring.threads.virtual.enabled}),
 * else a thread of each peer's own; and where the clients deliver their state events:
 * virtual threads then (a {@link WampClientOptionsCustomizer} that runs before the
 * application's), else wamp-client's default, Reactor's {@code boundedElastic} scheduler.
 * Either way a listener may block.</li>
 * </ul>
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = { "io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ WampClient.class, WampTemplate.class })
@EnableConfigurationProperties(WampProperties.class)
@Import(WampPropertiesCheck.class)
public final class WampAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(WampAutoConfiguration.class);

	/**
	 * Spring Boot's application task executor, virtual-thread based when virtual threads
	 * are on.
	 */
	private static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	/**
	 * The customizer that delivers the clients' state events on virtual threads, when
	 * they are enabled.
	 */
	public static final String VIRTUAL_THREAD_EVENTS_CUSTOMIZER_BEAN_NAME = "io.wampspring.boot.autoconfigure.internalWampVirtualThreadEventsCustomizer";

	/** The name prefix of the virtual threads that deliver state events. */
	static final String EVENT_THREAD_PREFIX = "wamp-events-";

	@Bean
	@ConditionalOnMissingBean(WampConnectionDetails.class)
	PropertiesWampConnectionDetails wampConnectionDetails(WampProperties properties) {
		return new PropertiesWampConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	WampAuthenticatorFactory wampAuthenticatorFactory() {
		return new DefaultWampAuthenticatorFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	WampClientOptionsFactory wampClientOptionsFactory(WampProperties properties,
			WampConnectionDetails connectionDetails, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<LocalAcceptor> embeddedRouter, ObjectProvider<WampRouterProperties> embeddedRouterProperties,
			WampAuthenticatorFactory authenticatorFactory, ObjectProvider<WampClientOptionsCustomizer> customizers) {
		return new WampClientOptionsFactory(properties, connectionDetails, sslBundles.getIfAvailable(),
				embeddedRouter.getIfAvailable(), embeddedRouterProperties.getIfAvailable(), authenticatorFactory,
				customizers.orderedStream().toList());
	}

	/**
	 * State events on virtual threads: a listener may block without holding a platform
	 * thread. First in order, so that the application's customizers may still choose
	 * another scheduler. Only active on a JDK with virtual threads (21+).
	 */
	@Bean(VIRTUAL_THREAD_EVENTS_CUSTOMIZER_BEAN_NAME)
	@ConditionalOnMissingBean(name = VIRTUAL_THREAD_EVENTS_CUSTOMIZER_BEAN_NAME)
	@ConditionalOnThreading(Threading.VIRTUAL)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WampClientOptionsCustomizer wampVirtualThreadEventsCustomizer() {
		// one thread per delivery, never pooled: nothing to shut down, and publishOn
		// keeps the order
		Scheduler scheduler = Schedulers.fromExecutor(new VirtualThreadTaskExecutor(EVENT_THREAD_PREFIX));
		return (router, builder) -> builder.eventScheduler(scheduler);
	}

	@Bean
	@ConditionalOnMissingBean
	WampPeers wampPeers(WampProperties properties, WampClientOptionsFactory optionsFactory, Environment environment,
			@Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> applicationTaskExecutor) {
		// virtual threads: the application's executor, where a blocking listener costs
		// nothing; else each peer publishes on a thread of its own, so that listeners
		// cannot starve @Async work
		Executor eventExecutor = Threading.VIRTUAL.isActive(environment) ? applicationTaskExecutor.getIfAvailable()
				: null;
		List<WampPeer> peers = new ArrayList<>();
		properties.getPeers().forEach((name, peer) -> {
			String router = (peer.getRouter() != null) ? peer.getRouter() : optionsFactory.defaultRouterName();
			if (router == null) {
				throw new WampConfigurationException("wamp.peers." + name + ".router", "no router is configured",
						"Set wamp.peers." + name + ".router or wamp.defaults.router");
			}
			WampPeer built = peer(properties, optionsFactory, name, router, peer.getPoolSize(), peer.getPoolType(),
					eventExecutor);
			leaveTestament(built, name, peer.getTestament());
			peers.add(built);
		});
		String defaultRouter = optionsFactory.defaultRouterName();
		if (peers.isEmpty() && defaultRouter != null) {
			peers.add(peer(properties, optionsFactory, WampRouterNames.DEFAULT_PEER, defaultRouter, 1,
					PoolType.ROUND_ROBIN, eventExecutor));
		}
		return WampPeers.of(peers);
	}

	/**
	 * Give every session of a peer its configured testament; the clients leave it in each
	 * session they join.
	 */
	private static void leaveTestament(WampPeer peer, String name, WampProperties.Testament testament) {
		String topic = testament.getTopic();
		if (topic == null || topic.isBlank()) {
			return;
		}
		String uri;
		try {
			uri = peer.resolveUri(topic);
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException("wamp.peers." + name + ".testament.topic", ex.getMessage(),
					"Use a topic URI such as com.example.service.gone", ex);
		}
		Testament left = new Testament(uri, testament.getArgs(), testament.getKwargs(), testament.getPublishOptions(),
				testament.getScope());
		for (WampClient client : peer.clients()) {
			// not joined yet: the client keeps it and leaves it when it joins
			client.addTestament(left)
				.subscribe(null, (error) -> logger.warn("peer '{}' could not leave its testament on '{}': {}", name,
						uri, error.getMessage()));
		}
	}

	private static WampPeer peer(WampProperties properties, WampClientOptionsFactory optionsFactory, String name,
			String router, int poolSize, PoolType poolType, @Nullable Executor eventExecutor) {
		String uriPrefix = optionsFactory.router(router).getUriPrefix();
		try {
			return WampPeer.builder(name)
				.routerName(router)
				.clientOptions(optionsFactory.create(router))
				.poolSize(poolSize)
				.poolType(poolType)
				.uriPrefix(uriPrefix)
				.startupTimeout(properties.getStartupTimeout())
				.shutdownGracePeriod(properties.getShutdownGracePeriod())
				.autoStartup(properties.isAutoStartup())
				.eventExecutor(eventExecutor)
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException("wamp.routers." + router + ".uri-prefix", ex.getMessage(),
					"Use a dotted URI prefix such as com.example", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	WampPeersLifecycle wampPeersLifecycle(WampPeers peers, WampProperties properties) {
		return new WampPeersLifecycle(peers, properties.isAutoStartup());
	}

	/**
	 * The application's Jackson configuration ({@code spring.jackson.*}, modules,
	 * mix-ins) applies to WAMP payloads: the converter uses a copy of Boot's
	 * {@link JsonMapper} with the converter's {@link WampJsonConverter#DISABLED_FEATURES}
	 * off, unless {@code spring.jackson.deserialization} sets them. Without a Boot
	 * mapper, the shared converter.
	 */
	@Bean
	@ConditionalOnMissingBean
	WampJsonConverter wampJsonConverter(ObjectProvider<JsonMapper> jsonMapper, Environment environment) {
		JsonMapper mapper = jsonMapper.getIfUnique();
		if (mapper == null) {
			return WampJsonConverter.shared();
		}
		Map<DeserializationFeature, Boolean> configured = Binder.get(environment)
			.bind("spring.jackson.deserialization", Bindable.mapOf(DeserializationFeature.class, Boolean.class))
			.orElse(Map.of());
		JsonMapper.Builder builder = mapper.rebuild();
		WampJsonConverter.DISABLED_FEATURES.stream()
			.filter((feature) -> !configured.containsKey(feature))
			.forEach(builder::disable);
		return new WampJsonConverter(builder.build());
	}

	@Bean
	@ConditionalOnMissingBean
	WampExceptionTranslator wampExceptionTranslator(WampProperties properties) {
		WampProperties.CalleeDefaults callee = properties.getDefaults().getCallee();
		String prefix = "wamp.defaults.callee.";
		WampExceptionTranslator.Builder builder = WampExceptionTranslator.builder()
			.includeExceptionMessage(callee.isIncludeExceptionMessage());
		try {
			builder.defaultUri(callee.getErrorUri());
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(prefix + "error-uri", ex.getMessage(),
					"Use a WAMP URI such as com.example.error", ex);
		}
		callee.getExceptionUris().forEach((type, uri) -> {
			try {
				builder.map(type, uri);
			}
			catch (IllegalArgumentException ex) {
				throw new WampConfigurationException(prefix + "exception-uris[" + type + "]", ex.getMessage(),
						"Use a WAMP URI such as com.example.error.not_found", ex);
			}
		});
		return builder.build();
	}

	/**
	 * The annotation post-processor, as {@code @EnableWamp} declares it; static so that
	 * it does not make this configuration an early bean.
	 */
	@Bean(WampBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME)
	@ConditionalOnMissingBean(name = WampBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static WampAnnotationBeanPostProcessor wampAnnotationBeanPostProcessor() {
		return new WampAnnotationBeanPostProcessor();
	}

	@Bean(WampBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME)
	@ConditionalOnMissingBean(name = WampBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME)
	WampEndpointRegistry wampEndpointRegistry(WampPeers peers, WampJsonConverter converter,
			WampExceptionTranslator translator, WampProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<WampListenerObservationConvention> observationConvention,
			ObjectProvider<WampOverloadListener> overloadListener,
			ObjectProvider<WampHandlerMethodFactory> handlerMethodFactory) {
		WampEndpointRegistry registry = new WampEndpointRegistry(peers, converter, translator);
		handlerMethodFactory.ifUnique(registry::setHandlerMethodFactory);
		registry.setShutdownTimeout(properties.getShutdownGracePeriod());
		registry.setProcedureLimits(procedureLimits(properties.getDefaults().getCallee()));
		registry.setSubscriptionLimits(subscriptionLimits(properties.getDefaults().getSubscriber()));
		overloadListener.ifUnique(registry::setOverloadListener);
		observationRegistry.ifUnique(registry::setObservationRegistry);
		registry.setObservationConvention(observationConvention.getIfUnique());
		return registry;
	}

	static WampHandlerLimits procedureLimits(WampProperties.CalleeDefaults callee) {
		String prefix = "wamp.defaults.callee.";
		return new WampHandlerLimits(atLeast(prefix + "concurrency", callee.getConcurrency(), 0, "0 for no limit"),
				atLeast(prefix + "queue-capacity", callee.getQueueCapacity(), 0, "0 to refuse at once"));
	}

	static WampHandlerLimits subscriptionLimits(WampProperties.SubscriberDefaults subscriber) {
		String prefix = "wamp.defaults.subscriber.";
		return new WampHandlerLimits(atLeast(prefix + "concurrency", subscriber.getConcurrency(), 1, "1 keeps order"),
				atLeast(prefix + "queue-capacity", subscriber.getQueueCapacity(), 0, "0 to drop at once"));
	}

	private static int atLeast(String property, int value, int min, String hint) {
		if (value < min) {
			throw new WampConfigurationException(property, "must be at least " + min + ", got " + value,
					"Set a whole number of at least " + min + " (" + hint + ")");
		}
		return value;
	}

	@Bean
	@ConditionalOnMissingBean
	WampConfiguredEndpoints wampConfiguredEndpoints(WampProperties properties, WampPeers peers) {
		return new WampConfiguredEndpoints(properties, WampBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME);
	}

	@Bean
	@ConditionalOnMissingBean(WampOperations.class)
	WampTemplate wampTemplate(WampPeers peers, WampJsonConverter converter, WampProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<WampTemplateObservationConvention> observationConvention,
			ObjectProvider<WampTemplateCustomizer> customizers) {
		WampTemplate template = new WampTemplate(peers).withConverter(converter)
			.withCallOptions(WampMessageOptions.callOptions(properties.getDefaults().getCaller().getOptions()))
			.withPublishOptions(WampMessageOptions.publishOptions(properties.getDefaults().getPublisher().getOptions()))
			.withCallRetry(callRetry(properties.getDefaults().getCaller()))
			.withNexusUris(nexusUris(properties.getNexus()))
			.withObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.withObservationConvention(observationConvention.getIfUnique());
		for (WampTemplateCustomizer customizer : customizers.orderedStream().toList()) {
			template = customizer.customize(template);
		}
		return template;
	}

	static CallRetry callRetry(WampProperties.CallerDefaults caller) {
		WampProperties.Retry retry = caller.getRetry();
		if (!retry.isEnabled()) {
			return CallRetry.disabled();
		}
		String prefix = "wamp.defaults.caller.retry.";
		if (retry.getMaxRetries() < 1) {
			throw new WampConfigurationException(prefix + "max-retries",
					"must be at least 1, got " + retry.getMaxRetries(),
					"Set a number of retries such as 3, or " + prefix + "enabled=false");
		}
		try {
			return new CallRetry(retry.getMaxRetries(), retry.getBackoffMin(), retry.getBackoffMax(),
					Set.copyOf(retry.getRetryableUris()), Set.copyOf(caller.getIdempotentProcedures()));
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(prefix + "backoff-max", ex.getMessage(),
					"Set backoff-max to at least backoff-min", ex);
		}
	}

	static NexusUris nexusUris(WampProperties.Nexus nexus) {
		NexusUris uris = (nexus.getPrefix() != null) ? NexusUris.withPrefix(nexus.getPrefix()) : NexusUris.defaults();
		for (var override : nexus.getUris().entrySet()) {
			uris = uris.override(override.getKey(), override.getValue());
		}
		return uris;
	}

}
