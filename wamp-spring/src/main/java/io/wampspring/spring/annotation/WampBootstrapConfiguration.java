package io.wampspring.spring.annotation;

import io.micrometer.observation.ObservationRegistry;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.listener.adapter.WampHandlerInterceptor;
import io.wampspring.spring.listener.adapter.WampHandlerMethodArgumentResolver;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.listener.adapter.WampOverloadListener;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.support.WampJsonConverter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * The infrastructure beans of {@link EnableWamp}, under fully qualified bean names. The
 * registry uses the application's {@link WampPeers}, {@link WampJsonConverter} and
 * {@link WampExceptionTranslator} beans when it defines one, else built-in defaults; it
 * invokes handlers with the application's {@link WampHandlerMethodFactory} when it
 * defines one, else with one made of its {@link WampHandlerMethodArgumentResolver} and
 * {@link WampHandlerInterceptor} beans (in their order).
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class WampBootstrapConfiguration {

	/** The bean name of the annotation post-processor. */
	public static final String ANNOTATION_PROCESSOR_BEAN_NAME = "io.wampspring.spring.annotation.internalWampAnnotationProcessor";

	/** The bean name of the endpoint registry. */
	public static final String ENDPOINT_REGISTRY_BEAN_NAME = "io.wampspring.spring.config.internalWampEndpointRegistry";

	/**
	 * The annotation post-processor; static so that it does not pull this configuration
	 * in early.
	 * @return the post-processor
	 */
	@Bean(ANNOTATION_PROCESSOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	public static WampAnnotationBeanPostProcessor wampAnnotationBeanPostProcessor() {
		return new WampAnnotationBeanPostProcessor();
	}

	/**
	 * The endpoint registry.
	 * @param peersHolder the application's {@link WampPeers}, if it defines one
	 * @param peers the application's peers, used when it defines no {@link WampPeers}
	 * @param converter the application's converter, if any
	 * @param translator the application's translator, if any
	 * @param observationRegistry the application's observation registry, if any:
	 * invocations and events are then observed ({@code wamp.listener})
	 * @param overloadListener the application's {@link WampOverloadListener}, if any:
	 * told of every invocation refused and event dropped for lack of room
	 * @param handlerMethodFactory the application's handler method factory, if any
	 * @param argumentResolvers the application's argument resolvers
	 * @param interceptors the application's handler interceptors
	 * @return the registry
	 */
	@Bean(ENDPOINT_REGISTRY_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	public WampEndpointRegistry wampEndpointRegistry(ObjectProvider<WampPeers> peersHolder,
			ObjectProvider<WampPeer> peers, ObjectProvider<WampJsonConverter> converter,
			ObjectProvider<WampExceptionTranslator> translator, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<WampOverloadListener> overloadListener,
			ObjectProvider<WampHandlerMethodFactory> handlerMethodFactory,
			ObjectProvider<WampHandlerMethodArgumentResolver> argumentResolvers,
			ObjectProvider<WampHandlerInterceptor> interceptors) {
		WampPeers resolved = peersHolder.getIfUnique(() -> WampPeers.of(peers.orderedStream().toList()));
		WampJsonConverter resolvedConverter = converter.getIfUnique(WampJsonConverter::shared);
		WampEndpointRegistry registry = new WampEndpointRegistry(resolved, resolvedConverter,
				translator.getIfUnique(WampExceptionTranslator::defaults));
		registry.setHandlerMethodFactory(
				handlerMethodFactory.getIfUnique(() -> WampHandlerMethodFactory.builder(resolvedConverter)
					.customArgumentResolvers(argumentResolvers.orderedStream().toList())
					.interceptors(interceptors.orderedStream().toList())
					.build()));
		observationRegistry.ifUnique(registry::setObservationRegistry);
		overloadListener.ifUnique(registry::setOverloadListener);
		return registry;
	}

}
