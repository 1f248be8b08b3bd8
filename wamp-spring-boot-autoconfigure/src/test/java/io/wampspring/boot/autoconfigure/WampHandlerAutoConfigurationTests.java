package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.listener.adapter.WampHandlerInterceptor;
import io.wampspring.spring.listener.adapter.WampHandlerMethodArgumentResolver;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.security.WampSecurityInterceptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler invocation beans: the method factory with the application's resolvers and
 * interceptors, the security interceptor when Spring Security is there, and handlers on
 * virtual threads when they are enabled (Java 21+: the build runs this class on the JDK
 * 25 too, see the {@code jdk25} profile of this module).
 */
class WampHandlerAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampHandlerAutoConfiguration.class,
				WampEmbeddedRouterAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
		.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
				"wamp.routers.main.realm=realm1");

	@Test
	void theFactoryTakesTheApplicationsResolversAndInterceptorsAndTheRegistryUsesIt() {
		WampHandlerMethodArgumentResolver resolver = new Resolver();
		WampHandlerInterceptor interceptor = (message, method, next) -> next.proceed();
		this.runner.withBean("resolver", WampHandlerMethodArgumentResolver.class, () -> resolver)
			.withBean("interceptor", WampHandlerInterceptor.class, () -> interceptor)
			.run((context) -> {
				WampHandlerMethodFactory factory = context.getBean(WampHandlerMethodFactory.class);
				assertThat(factory.getArgumentResolvers()).first().isSameAs(resolver);
				assertThat(factory.getInterceptors()).contains(interceptor)
					.hasAtLeastOneElementOfType(WampSecurityInterceptor.class);
				assertThat(context.getBean(WampEndpointRegistry.class).getHandlerMethodFactory()).isSameAs(factory);
			});
	}

	@Test
	void theSecurityInterceptorTakesTheApplicationsRolePrefix() {
		this.runner.withBean(GrantedAuthorityDefaults.class, () -> new GrantedAuthorityDefaults("GROUP_"))
			.run((context) -> {
				WampSecurityInterceptor interceptor = context.getBean(WampSecurityInterceptor.class);
				var invocation = new io.wampspring.client.WampInvocation("com.example.x", List.of(), java.util.Map.of(),
						java.util.Map.of("caller", 3L, "caller_authid", "joe", "caller_authrole", "frontend"), null);
				assertThat(interceptor.authentication(invocation).getAuthorities()).extracting(Object::toString)
					.containsExactly("GROUP_frontend");
			});
	}

	@Test
	void noSecurityInterceptorWhenTurnedOffOrWithoutSpringSecurity() {
		this.runner.withPropertyValues("wamp.defaults.callee.security-context=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WampSecurityInterceptor.class));
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WampSecurityInterceptor.class)
				.hasSingleBean(WampHandlerMethodFactory.class));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void withoutVirtualThreadsHandlersStayOnBoundedElastic() {
		this.runner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			assertThat(context)
				.doesNotHaveBean(WampHandlerAutoConfiguration.VIRTUAL_THREAD_HANDLERS_CUSTOMIZER_BEAN_NAME);
			assertThat(context.getBean(io.wampspring.spring.peer.WampPeers.class)
				.defaultPeer()
				.clients()
				.get(0)
				.options()
				.handlerScheduler()).isSameAs(Schedulers.boundedElastic());
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withVirtualThreadsBlockingHandlersRunOnVirtualThreads() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampHandlerAutoConfiguration.class,
					WampEmbeddedRouterAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"spring.threads.virtual.enabled=true", "wamp.defaults.callee.concurrency=2")
			.withBean(Sleeper.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean(WampHandlerAutoConfiguration.VIRTUAL_THREAD_HANDLERS_CUSTOMIZER_BEAN_NAME);
				WampTemplate template = context.getBean(WampTemplate.class);
				String answer = template.blocking().call("com.example.sleeper", String.class, 10);
				assertThat(answer).startsWith(WampHandlerAutoConfiguration.HANDLER_THREAD_PREFIX).endsWith(" true");
			});
	}

	/** Blocks its thread, as a JDBC call would. */
	static class Sleeper {

		@WampProcedure("com.example.sleeper")
		String sleep(long millis) throws Exception {
			Thread.sleep(millis);
			Thread thread = Thread.currentThread();
			return thread.getName() + " " + Thread.class.getMethod("isVirtual").invoke(thread);
		}

	}

	static class Resolver implements WampHandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return false;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return null;
		}

	}

}
