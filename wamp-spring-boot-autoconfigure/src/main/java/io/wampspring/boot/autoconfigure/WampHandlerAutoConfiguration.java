package io.wampspring.boot.autoconfigure;

import io.wampspring.client.WampClient;
import io.wampspring.spring.listener.adapter.WampHandlerInterceptor;
import io.wampspring.spring.listener.adapter.WampHandlerMethodArgumentResolver;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.security.WampSecurityInterceptor;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.validation.beanvalidation.MethodValidationAdapter;
import org.springframework.validation.method.MethodValidator;

/**
 * How {@code @WampProcedure} and {@code @WampSubscribe} methods are invoked:
 * <ul>
 * <li>the {@link WampHandlerMethodFactory}: the application's
 * {@link WampHandlerMethodArgumentResolver} and {@link WampHandlerInterceptor} beans, in
 * their order, and argument validation with the application's
 * {@code jakarta.validation.Validator} (Spring Boot's, with
 * {@code spring-boot-starter-validation}) when there is one, else the default provider
 * when one is on the class path;</li>
 * <li>with Spring Security on the class path, the {@link WampSecurityInterceptor}: the
 * caller's identity as the handler's {@code Authentication}
 * ({@code wamp.defaults.callee.security-context}, default on), with the role prefix of
 * the application's {@code GrantedAuthorityDefaults} when it defines one;</li>
 * <li>with virtual threads ({@code spring.threads.virtual.enabled=true} on Java 21+),
 * handlers run on virtual threads: a {@link SimpleAsyncTaskExecutor} from Spring Boot's
 * {@link SimpleAsyncTaskExecutorBuilder} (threads named {@value #HANDLER_THREAD_PREFIX}),
 * still bounded by each handler's concurrency limit.</li>
 * </ul>
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass({ WampClient.class, WampHandlerMethodFactory.class })
public final class WampHandlerAutoConfiguration {

	/**
	 * The customizer that runs handlers on virtual threads, when they are enabled.
	 */
	public static final String VIRTUAL_THREAD_HANDLERS_CUSTOMIZER_BEAN_NAME = "io.wampspring.boot.autoconfigure.internalWampVirtualThreadHandlersCustomizer";

	/** The name prefix of the virtual threads that run handlers. */
	public static final String HANDLER_THREAD_PREFIX = "wamp-handler-";

	private static final boolean VALIDATION_PRESENT = ClassUtils.isPresent("jakarta.validation.Validator",
			WampHandlerAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	WampHandlerMethodFactory wampHandlerMethodFactory(WampJsonConverter converter,
			ObjectProvider<WampHandlerMethodArgumentResolver> argumentResolvers,
			ObjectProvider<WampHandlerInterceptor> interceptors, ListableBeanFactory beanFactory) {
		return WampHandlerMethodFactory.builder(converter)
			.customArgumentResolvers(argumentResolvers.orderedStream().toList())
			.interceptors(interceptors.orderedStream().toList())
			.methodValidator(VALIDATION_PRESENT ? ApplicationValidator.of(beanFactory) : null)
			.build();
	}

	/**
	 * Handlers on virtual threads. First in order, so that the application's customizers
	 * may still choose another scheduler.
	 */
	@Bean(VIRTUAL_THREAD_HANDLERS_CUSTOMIZER_BEAN_NAME)
	@ConditionalOnMissingBean(name = VIRTUAL_THREAD_HANDLERS_CUSTOMIZER_BEAN_NAME)
	@ConditionalOnThreading(Threading.VIRTUAL)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WampClientOptionsCustomizer wampVirtualThreadHandlersCustomizer(
			ObjectProvider<SimpleAsyncTaskExecutorBuilder> executorBuilder) {
		SimpleAsyncTaskExecutorBuilder builder = executorBuilder
			.getIfAvailable(() -> new SimpleAsyncTaskExecutorBuilder().virtualThreads(true));
		// no throttle of its own: a full SimpleAsyncTaskExecutor blocks the submitting
		// thread, which may be an event loop; each handler's concurrency limit bounds the
		// work instead
		SimpleAsyncTaskExecutor executor = builder.threadNamePrefix(HANDLER_THREAD_PREFIX)
			.concurrencyLimit(null)
			.build();
		// one thread per run, never pooled: nothing to shut down
		Scheduler scheduler = Schedulers.fromExecutor(executor);
		return (router, options) -> options.handlerScheduler(scheduler);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	@ConditionalOnBooleanProperty(name = "wamp.defaults.callee.security-context", matchIfMissing = true)
	static class SecurityConfiguration {

		private static final boolean AUTHORITY_DEFAULTS_PRESENT = ClassUtils.isPresent(
				"org.springframework.security.config.core.GrantedAuthorityDefaults",
				SecurityConfiguration.class.getClassLoader());

		@Bean
		@ConditionalOnMissingBean
		WampSecurityInterceptor wampSecurityInterceptor(ObjectProvider<SecurityContextHolderStrategy> strategy,
				ListableBeanFactory beanFactory) {
			String rolePrefix = AUTHORITY_DEFAULTS_PRESENT ? AuthorityDefaults.rolePrefix(beanFactory)
					: WampSecurityInterceptor.DEFAULT_ROLE_PREFIX;
			return new WampSecurityInterceptor(strategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy),
					rolePrefix);
		}

	}

	/** Loaded only when spring-security-config is on the class path. */
	private static final class AuthorityDefaults {

		static String rolePrefix(ListableBeanFactory beanFactory) {
			GrantedAuthorityDefaults defaults = beanFactory.getBeanProvider(GrantedAuthorityDefaults.class)
				.getIfUnique();
			return (defaults != null) ? defaults.getRolePrefix() : WampSecurityInterceptor.DEFAULT_ROLE_PREFIX;
		}

	}

	/** Loaded only when Jakarta Validation is on the class path. */
	private static final class ApplicationValidator {

		static @Nullable MethodValidator of(ListableBeanFactory beanFactory) {
			jakarta.validation.Validator validator = beanFactory.getBeanProvider(jakarta.validation.Validator.class)
				.getIfUnique();
			// none: the factory falls back to the default provider, if there is one
			return (validator != null) ? new MethodValidationAdapter(validator) : null;
		}

	}

}
