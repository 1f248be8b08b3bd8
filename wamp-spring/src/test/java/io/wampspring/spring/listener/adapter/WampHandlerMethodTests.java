package io.wampspring.spring.listener.adapter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wampspring.client.WampInvocation;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampJsonConverter;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WampHandlerMethodTests {

	private final Handlers handlers = new Handlers();

	private WampHandlerMethod method(String name) {
		Method method = Arrays.stream(Handlers.class.getDeclaredMethods())
			.filter((m) -> m.getName().equals(name))
			.findFirst()
			.orElseThrow();
		return new WampHandlerMethod(this.handlers, method, "com.example." + name, WampJsonConverter.shared());
	}

	private Object invoke(String name, List<Object> args, Map<String, Object> kwargs) throws Throwable {
		WampInvocation invocation = TestMessages.invocation(new java.util.ArrayList<>(args),
				new java.util.LinkedHashMap<>(kwargs),
				Map.of("caller", 99L, "caller_authid", "joe", "caller_authrole", "user"));
		return method(name).invoke(invocation);
	}

	@Test
	void positionalArgumentsConvertToParameterTypes() throws Throwable {
		assertThat(invoke("add", List.of(2L, 3L), Map.of())).isEqualTo(5);
		assertThat(method("add").getPositionalCount()).isEqualTo(2);
	}

	@Test
	void genericParametersConvertWithJackson() throws Throwable {
		Object result = invoke("sumPoints", List.of(List.of(Map.of("x", 1L, "y", 2L), Map.of("x", 3L, "y", 4L))),
				Map.of());
		assertThat(result).isEqualTo(10L);
	}

	@Test
	void kwargBindsOneKeywordArgument() throws Throwable {
		assertThat(invoke("greet", List.of(), Map.of("name", "Ann"))).isEqualTo("hello Ann");
	}

	@Test
	void missingOptionalKwargIsNull() throws Throwable {
		assertThat(invoke("greetMaybe", List.of(), Map.of())).isEqualTo("hello nobody");
	}

	@Test
	void pojoBindsFromKwargsWhenItsPositionIsEmpty() throws Throwable {
		assertThat(invoke("describe", List.of(), Map.of("x", 1L, "y", 2L, "extra", "ignored"))).isEqualTo("1/2");
	}

	@Test
	void pojoBindsFromAPositionalArgumentToo() throws Throwable {
		assertThat(invoke("describe", List.of(Map.of("x", 5L, "y", 6L)), Map.of())).isEqualTo("5/6");
	}

	@Test
	void optionalParameterMayBeMissing() throws Throwable {
		assertThat(invoke("optional", List.of(), Map.of())).isEqualTo("none");
		assertThat(invoke("optional", List.of(4L), Map.of())).isEqualTo("4");
	}

	@Test
	void detailsAndIdentityAreInjected() throws Throwable {
		Object result = invoke("whoCalls", List.of("x"), Map.of());
		assertThat(result).isEqualTo("x from joe/user (99) via com.example.proc");
	}

	@Test
	void eventDetailsAreInjected() throws Throwable {
		var event = TestMessages.event(List.of("hi"), Map.of(), Map.of("publisher", 5L));
		assertThat(method("onEvent").invoke(event)).isEqualTo("hi#7 from 5");
	}

	@Test
	void valueThatDoesNotConvertNamesTheParameter() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> invoke("add", List.of(2L, "x"), Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat((String) ex.getArgs().get(0))
					.contains("com.example.add", "argument 1", "'b'", "int", "the string it was given")
					// the caller's value is not repeated: messages reach logs and
					// observations
					.doesNotContain("\"x\"");
				assertThat(ex.getKwargs()).containsEntry("parameter", "b")
					.containsEntry("index", 1L)
					.containsEntry("expected", "int");
			});
	}

	@Test
	void tooFewArgumentsNameTheMissingParameter() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> invoke("add", List.of(2L), Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
				assertThat((String) ex.getArgs().get(0)).contains("argument 1", "'b'", "missing",
						"1 positional argument");
			});
	}

	@Test
	void nullForAPrimitiveIsInvalid() {
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> invoke("add", Arrays.asList(2L, null), Map.of()))
			.satisfies((ex) -> assertThat((String) ex.getArgs().get(0)).contains("must not be null"));
	}

	@Test
	void missingRequiredKwargIsInvalid() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> invoke("greet", List.of(), Map.of()))
			.satisfies((ex) -> assertThat((String) ex.getArgs().get(0)).contains("keyword argument 'name'", "missing"));
	}

	@Test
	void exceptionsOfTheMethodPropagateUnwrapped() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> invoke("fail", List.of(), Map.of()))
			.withMessage("boom");
	}

	@Test
	void noReflectionLookupPerCall() throws Throwable {
		// the same prepared method serves many calls
		WampHandlerMethod add = method("add");
		for (long i = 0; i < 100; i++) {
			WampInvocation invocation = TestMessages.invocation(List.of(i, 1L), Map.of());
			assertThat(add.invoke(invocation)).isEqualTo((int) i + 1);
		}
		assertThat(ReflectionUtils.findMethod(Handlers.class, "add", int.class, int.class)).isNotNull();
	}

	record Point(int x, int y) {
	}

	static class Handlers {

		int add(int a, int b) {
			return a + b;
		}

		long sumPoints(List<Point> points) {
			return points.stream().mapToLong((p) -> p.x() + p.y()).sum();
		}

		String greet(@Kwarg("name") String name) {
			return "hello " + name;
		}

		String greetMaybe(@Kwarg(value = "name", required = false) String name) {
			return "hello " + ((name != null) ? name : "nobody");
		}

		String describe(Point point) {
			return point.x() + "/" + point.y();
		}

		String optional(Optional<Integer> value) {
			return value.map(String::valueOf).orElse("none");
		}

		String whoCalls(String text, WampIdentity caller, InvocationDetails details) {
			return text + " from " + caller.authid() + "/" + caller.authrole() + " (" + caller.session() + ") via "
					+ details.procedure();
		}

		String onEvent(String text, EventDetails details) {
			return text + "#" + details.publication() + " from " + details.publisher().session();
		}

		void fail() {
			throw new IllegalStateException("boom");
		}

	}

}
