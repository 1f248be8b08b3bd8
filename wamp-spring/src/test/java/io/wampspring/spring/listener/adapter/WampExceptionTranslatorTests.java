package io.wampspring.spring.listener.adapter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import io.wampspring.client.ClientOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Positive;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BindException;
import org.springframework.validation.MapBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class WampExceptionTranslatorTests {

	private final WampExceptionTranslator translator = WampExceptionTranslator.defaults();

	@Test
	void wampExceptionPassesThrough() {
		WampException original = new WampException("com.example.error.out_of_stock", List.of("sold out", 3L),
				Map.of("sku", "a1"));
		WampException translated = this.translator.translate(new CompletionException(original));
		assertThat(translated).isSameAs(original);
	}

	@Test
	void illegalArgumentAndSubclassesAreInvalidArguments() {
		assertThat(this.translator.translate(new IllegalArgumentException("bad input")).getUri())
			.isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(this.translator.translate(new NumberFormatException("not a number")).getUri())
			.isEqualTo(WampUris.INVALID_ARGUMENT);
	}

	@Test
	void otherExceptionsGetTheDefaultUriAndACorrelationIdButNotTheirMessage() {
		WampException translated = this.translator.translate(new IllegalStateException("database db7.internal is down"),
				"com.example.add");
		assertThat(translated.getUri()).isEqualTo(ClientOptions.DEFAULT_ERROR_URI);
		String correlationId = WampExceptionTranslator.correlationId(translated);
		assertThat(correlationId).matches("[0-9a-f]{16}");
		assertThat(translated.getArgs())
			.containsExactly("'com.example.add' failed (correlation id " + correlationId + ")");
		assertThat(translated.getKwargs())
			.containsExactly(entry(WampExceptionTranslator.CORRELATION_ID, correlationId));
		// the local side keeps the exception for the log line
		assertThat(translated.getCause()).hasMessage("database db7.internal is down");
		assertThat(this.translator.translate(new IllegalStateException("x"), "p").getKwargs())
			.doesNotContainEntry(WampExceptionTranslator.CORRELATION_ID, correlationId);
	}

	@Test
	void mappedExceptionsDoNotSendTheirMessageEither() {
		WampException translated = this.translator.translate(new IllegalArgumentException("user alice has no quota"),
				"com.example.add");
		assertThat(translated.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(translated.getArgs()).singleElement().asString().doesNotContain("alice");
		assertThat(WampExceptionTranslator.correlationId(translated)).isNotNull();
	}

	@Test
	void messagesAreSentWhenIncluded() {
		WampExceptionTranslator including = WampExceptionTranslator.builder().includeExceptionMessage(true).build();
		assertThat(including.includesExceptionMessage()).isTrue();
		WampException translated = including.translate(new IllegalStateException("database is down"), "p");
		assertThat(translated.getArgs()).containsExactly("database is down");
		assertThat(WampExceptionTranslator.correlationId(translated)).isNotNull();
		assertThat(including.translate(new UnsupportedOperationException(), "p").getArgs())
			.containsExactly("UnsupportedOperationException");
	}

	@Test
	void constraintViolationsNameTheFieldsAndConstraintsButNotTheValues() {
		ConstraintViolationException violations = new ConstraintViolationException(Set.of(
				violation("register.person.age", "must be greater than 0",
						"{jakarta.validation.constraints.Positive.message}", Positive.class),
				violation("register.person.email", "not-an-email is not an address",
						"${validatedValue} is not an address", Email.class)));
		WampException translated = this.translator.translate(violations, "com.example.register");
		assertThat(translated.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(translated.getArgs()).containsExactly("'com.example.register' refused its arguments: "
				+ "register.person.age: must be greater than 0, register.person.email: Email");
		assertThat(translated.getKwargs()).containsExactly(
				entry(WampExceptionTranslator.VIOLATIONS,
						List.of(Map.of("path", "register.person.age", "message", "must be greater than 0"),
								Map.of("path", "register.person.email", "message", "Email"))),
				entry(WampExceptionTranslator.FIELDS, List.of("register.person.age", "register.person.email")));
	}

	@Test
	void bindingResultsNameTheFieldsAndCodesButNotTheValues() {
		MapBindingResult result = new MapBindingResult(Map.of("age", -5), "person");
		result.rejectValue("age", "Positive", "must be greater than 0, was -5");
		WampException translated = this.translator.translate(new BindException(result), "com.example.register");
		assertThat(translated.getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(translated.getArgs())
			.containsExactly("'com.example.register' refused its arguments: age (Positive)");
		assertThat(translated.getKwargs()).containsExactly(
				entry(WampExceptionTranslator.VIOLATIONS, List.of(Map.of("path", "age", "message", "Positive"))),
				entry(WampExceptionTranslator.FIELDS, List.of("age")));
	}

	/** A violation with what the translator reads; nothing else is answered. */
	private static ConstraintViolation<?> violation(String path, String message, String template,
			Class<? extends Annotation> constraint) {
		Annotation annotation = (Annotation) Proxy.newProxyInstance(constraint.getClassLoader(),
				new Class<?>[] { constraint }, (proxy, method, args) -> constraint);
		ConstraintDescriptor<?> descriptor = (ConstraintDescriptor<?>) Proxy.newProxyInstance(
				ConstraintDescriptor.class.getClassLoader(), new Class<?>[] { ConstraintDescriptor.class },
				(proxy, method, args) -> annotation);
		Path propertyPath = (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] { Path.class },
				(proxy, method, args) -> path);
		return (ConstraintViolation<?>) Proxy.newProxyInstance(ConstraintViolation.class.getClassLoader(),
				new Class<?>[] { ConstraintViolation.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getPropertyPath" -> propertyPath;
					case "getMessage" -> message;
					case "getMessageTemplate" -> template;
					case "getConstraintDescriptor" -> descriptor;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	@Test
	void optionalLibrariesAreMappedByClassName() {
		assertThat(this.translator.uriFor(Security.AccessDeniedException.class))
			.isEqualTo(ClientOptions.DEFAULT_ERROR_URI);
		WampExceptionTranslator custom = WampExceptionTranslator.builder()
			.map(Security.AccessDeniedException.class.getName(), WampUris.NOT_AUTHORIZED)
			.map(IllegalStateException.class, "com.example.error.state")
			.defaultUri("com.example.error")
			.build();
		assertThat(custom.uriFor(Security.AccessDeniedException.class)).isEqualTo(WampUris.NOT_AUTHORIZED);
		assertThat(custom.translate(new IllegalStateException("x")).getUri()).isEqualTo("com.example.error.state");
		assertThat(custom.translate(new RuntimeException("x")).getUri()).isEqualTo("com.example.error");
	}

	@Test
	void invalidUriIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WampExceptionTranslator.builder().defaultUri("not a uri"))
			.withMessageContaining("not a valid WAMP error URI");
	}

	static final class Security {

		static final class AccessDeniedException extends RuntimeException {

			private static final long serialVersionUID = 1L;

		}

	}

}
