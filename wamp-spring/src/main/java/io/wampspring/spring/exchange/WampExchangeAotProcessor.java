package io.wampspring.spring.exchange;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.CallOptions;
import io.wampspring.client.PublishOptions;

import io.wampspring.spring.annotation.Kwarg;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * Ahead-of-time support for {@link WampExchange} beans: for every
 * {@link WampExchangeFactoryBean} of the bean factory, a JDK proxy hint for the
 * interface, reflection on its methods (the proxy reads their annotations when it is
 * created) and binding hints for the types of their parameters and results (Jackson
 * converts them). Registered in {@code META-INF/spring/aot.factories}.
 */
class WampExchangeAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final Set<Class<?>> WRAPPERS = Set.of(Mono.class, Flux.class, CompletableFuture.class,
			CompletionStage.class, Optional.class);

	private static final Set<Class<?>> OPTIONS = Set.of(CallOptions.class, PublishOptions.class);

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = exchangeType(beanFactory.getMergedBeanDefinition(name));
			if (type != null) {
				types.add(type);
			}
		}
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> registerHints(generationContext.getRuntimeHints(), types);
	}

	private static @Nullable Class<?> exchangeType(BeanDefinition definition) {
		ResolvableType beanType = definition.getResolvableType();
		if (!WampExchangeFactoryBean.class.isAssignableFrom(beanType.toClass())) {
			return null;
		}
		Class<?> generic = beanType.as(WampExchangeFactoryBean.class).getGeneric(0).resolve();
		if (generic != null) {
			return generic;
		}
		ConstructorArgumentValues.ValueHolder holder = definition.getConstructorArgumentValues()
			.getIndexedArgumentValue(0, Class.class);
		return (holder != null && holder.getValue() instanceof Class<?> type) ? type : null;
	}

	// the value inside the reactive or future wrapper is what Jackson converts
	private static ResolvableType valueType(ResolvableType type) {
		return WRAPPERS.contains(type.toClass()) ? type.getGeneric(0) : type;
	}

	/**
	 * Register what a native image needs to create and use the proxies of the given
	 * interfaces.
	 * @param hints the hints
	 * @param types the {@link WampExchange} interfaces
	 */
	static void registerHints(RuntimeHints hints, Set<Class<?>> types) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Class<?> type : types) {
			hints.proxies().registerJdkProxy(type);
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
			for (Method method : type.getMethods()) {
				if (ReflectionUtils.isObjectMethod(method)) {
					continue;
				}
				bindings.registerReflectionHints(hints.reflection(),
						valueType(ResolvableType.forMethodReturnType(method, type)).getType());
				for (int i = 0; i < method.getParameterCount(); i++) {
					ResolvableType parameter = ResolvableType.forMethodParameter(method, i, type);
					if (!OPTIONS.contains(parameter.toClass())) {
						bindings.registerReflectionHints(hints.reflection(), parameter.getType());
					}
				}
			}
		}
		for (Class<?> annotation : new Class<?>[] { WampExchange.class, WampCall.class, WampPublish.class,
				Kwarg.class }) {
			hints.reflection().registerType(annotation, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
