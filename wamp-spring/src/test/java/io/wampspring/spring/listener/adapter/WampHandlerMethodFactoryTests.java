package io.wampspring.spring.listener.adapter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.client.WampInvocation;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WampHandlerMethodFactoryTests {

	private final Handlers handlers = new Handlers();

	private static Method method(String name) {
		return Arrays.stream(Handlers.class.getDeclaredMethods())
			.filter((m) -> m.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void customResolverIsPreparedOnceAndDoesNotConsumeAPosition() throws Exception {
		TenantResolver tenants = new TenantResolver();
		WampHandlerMethodFactory factory = WampHandlerMethodFactory.builder(WampJsonConverter.shared())
			.customArgumentResolvers(List.of(tenants))
			.build();
		WampHandlerMethod method = factory.create(this.handlers, method("tenantAdd"), "com.example.add");
		assertThat(method.getPositionalCount()).isEqualTo(2);
		for (long i = 0; i < 10; i++) {
			WampInvocation invocation = TestMessages.invocation(List.of(i, 1L), Map.of(),
					Map.of("caller_authid", "acme.joe"));
			assertThat(method.invoke(invocation)).isEqualTo("acme:" + (i + 1));
		}
		// chosen and prepared at registration, never asked again per message
		assertThat(tenants.supportsCalls.get()).isEqualTo(3);
		assertThat(tenants.prepareCalls.get()).isEqualTo(1);
	}

	@Test
	void plainSpringMessagingResolverIsAskedBeforeTheBuiltInOnes() throws Exception {
		HandlerMethodArgumentResolver upper = new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == StringBuilder.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, Message<?> message) {
				return new StringBuilder(((WampInvocation) message.getPayload()).procedure().toUpperCase());
			}

		};
		WampHandlerMethod method = WampHandlerMethodFactory.builder(WampJsonConverter.shared())
			.customArgumentResolvers(List.of(upper))
			.build()
			.create(this.handlers, method("shout"), "com.example.shout");
		assertThat(method.invoke(TestMessages.invocation(List.of("!"), Map.of()))).isEqualTo("COM.EXAMPLE.PROC!");
	}

	@Test
	void interceptorsRunAroundTheCallInOrder() throws Exception {
		List<String> trace = new ArrayList<>();
		WampHandlerInterceptor outer = (message, method, next) -> {
			trace.add("outer>");
			Object result = next.proceed();
			trace.add("<outer");
			return result + "!";
		};
		WampHandlerInterceptor inner = (message, method, next) -> {
			trace.add("inner " + method.getUri());
			return next.proceed();
		};
		WampHandlerMethod method = WampHandlerMethodFactory.builder(WampJsonConverter.shared())
			.interceptors(List.of(outer, inner))
			.build()
			.create(this.handlers, method("greet"), "com.example.greet");
		assertThat(method.invoke(TestMessages.invocation(List.of(), Map.of("name", "Ann")))).isEqualTo("hello Ann!");
		assertThat(trace).containsExactly("outer>", "inner com.example.greet", "<outer");
	}

	@Test
	void aParameterNoCustomResolverTakesIsPositional() {
		HandlerMethodArgumentResolver none = new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return false;
			}

			@Override
			public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
				return null;
			}

		};
		WampHandlerMethodFactory factory = WampHandlerMethodFactory.builder(WampJsonConverter.shared())
			.customArgumentResolvers(List.of(none))
			.build();
		// the built-in catch-all takes every parameter no other resolver takes
		assertThat(factory.create(this.handlers, method("shout"), "com.example.shout").getPositionalCount())
			.isEqualTo(2);
		assertThat(factory.getArgumentResolvers()).hasSize(5).first().isSameAs(none);
	}

	@Test
	void builtInResolversServePreparedParametersOnly() {
		MethodParameter parameter = new MethodParameter(method("greet"), 0);
		assertThatIllegalStateException()
			.isThrownBy(() -> new WampKwargArgumentResolver().resolveArgument(parameter,
					WampHandlerMethod.message(TestMessages.invocation(List.of(), Map.of()))))
			.withMessageContaining("prepared");
	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.PARAMETER)
	@interface Tenant {

	}

	/** Takes a tenant from the caller's authid: "acme.joe" is tenant "acme". */
	static final class TenantResolver implements WampHandlerMethodArgumentResolver {

		final AtomicInteger supportsCalls = new AtomicInteger();

		final AtomicInteger prepareCalls = new AtomicInteger();

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			this.supportsCalls.incrementAndGet();
			return parameter.hasParameterAnnotation(Tenant.class);
		}

		@Override
		public HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
			this.prepareCalls.incrementAndGet();
			return this;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, Message<?> message) {
			String authid = ((WampInvocation) message.getPayload()).callerAuthid();
			return (authid != null) ? authid.substring(0, authid.indexOf('.')) : "none";
		}

	}

	static class Handlers {

		String tenantAdd(int a, @Tenant String tenant, int b) {
			return tenant + ":" + (a + b);
		}

		String shout(StringBuilder procedure, String suffix) {
			return procedure + suffix;
		}

		String greet(@Kwarg("name") String name) {
			return "hello " + name;
		}

	}

}
