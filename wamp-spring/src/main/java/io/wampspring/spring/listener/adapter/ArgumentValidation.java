package io.wampspring.spring.listener.adapter;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.util.List;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.MethodValidator;

/**
 * Validates the arguments of one handler method with a {@link MethodValidator} (Jakarta
 * Validation through Spring's {@code MethodValidationAdapter}) before it runs, in the
 * groups of {@code @Validated} on the method or its class. A method is validated only
 * when one of its parameters carries {@code @Valid} or a constraint annotation (also on a
 * type argument, such as {@code List<@NotBlank String>}); that is decided once, when the
 * endpoint is registered.
 * <p>
 * A failure answers {@code wamp.error.invalid_argument} with a message naming each
 * invalid parameter path and what it must be, and in kwargs
 * {@value WampExceptionTranslator#VIOLATIONS} (a list of {@code {path, message}}) and
 * {@value WampExceptionTranslator#FIELDS} (the paths), as described by
 * {@link ValidationFailures}: never the rejected value.
 */
final class ArgumentValidation {

	private static final boolean JAKARTA_PRESENT = ClassUtils.isPresent("jakarta.validation.ConstraintViolation",
			ArgumentValidation.class.getClassLoader());

	private static final String VALID = "jakarta.validation.Valid";

	private static final String CONSTRAINT = "jakarta.validation.Constraint";

	private final MethodValidator validator;

	private final WampHandlerMethod method;

	private final MethodParameter[] parameters;

	private final Class<?>[] groups;

	private ArgumentValidation(MethodValidator validator, WampHandlerMethod method, MethodParameter[] parameters) {
		this.validator = validator;
		this.method = method;
		this.parameters = parameters;
		this.groups = groups(method);
	}

	/**
	 * The groups of {@code @Validated} on the method, else on its class, else the default
	 * group.
	 */
	private static Class<?>[] groups(WampHandlerMethod method) {
		Validated validated = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Validated.class);
		if (validated == null) {
			validated = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Validated.class);
		}
		return (validated != null) ? validated.value() : new Class<?>[0];
	}

	/**
	 * The validation of a method, or null when none of its parameters asks for one.
	 * @param validator the validator, or null when none is available
	 * @param method the method
	 * @param parameters its parameters
	 * @return the validation, or null
	 * @throws IllegalStateException when a parameter asks for validation and no validator
	 * is available
	 */
	static @Nullable ArgumentValidation of(@Nullable MethodValidator validator, WampHandlerMethod method,
			MethodParameter[] parameters) {
		if (!JAKARTA_PRESENT || !asksForValidation(parameters)) {
			return null;
		}
		if (validator == null) {
			throw new IllegalStateException(method + " (" + method.getUri() + ") has @Valid or constraint annotations "
					+ "on its parameters, but no Jakarta Validation provider could be started: add one (such as "
					+ "org.hibernate.validator:hibernate-validator, or spring-boot-starter-validation), or remove "
					+ "the annotations");
		}
		return new ArgumentValidation(validator, method, parameters);
	}

	private static boolean asksForValidation(MethodParameter[] parameters) {
		for (MethodParameter parameter : parameters) {
			for (Annotation annotation : parameter.getParameterAnnotations()) {
				if (isValidation(annotation)) {
					return true;
				}
			}
			if (parameter.getParameterIndex() >= 0 && typeArgumentsAskForValidation(
					parameter.getExecutable().getAnnotatedParameterTypes()[parameter.getParameterIndex()])) {
				return true;
			}
		}
		return false;
	}

	private static boolean typeArgumentsAskForValidation(AnnotatedType type) {
		if (type instanceof AnnotatedParameterizedType parameterized) {
			for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
				for (Annotation annotation : argument.getAnnotations()) {
					if (isValidation(annotation)) {
						return true;
					}
				}
				if (typeArgumentsAskForValidation(argument)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isValidation(Annotation annotation) {
		return annotation.annotationType().getName().equals(VALID)
				|| MergedAnnotations.from(annotation.annotationType()).isPresent(CONSTRAINT);
	}

	/**
	 * Validate the arguments.
	 * @param arguments the resolved arguments
	 * @throws WampException {@code wamp.error.invalid_argument} naming the violations
	 */
	void validate(@Nullable Object[] arguments) {
		MethodValidationResult result = this.validator.validateArguments(this.method.getBean(), this.method.getMethod(),
				this.parameters, arguments, this.groups);
		if (result.hasErrors()) {
			throw invalid(result);
		}
	}

	private WampException invalid(MethodValidationResult result) {
		ValidationFailures.Description description = ValidationFailures.describe(result);
		String message = "'" + this.method.getUri() + "' refused its arguments: " + description.text();
		return new WampException(WampUris.INVALID_ARGUMENT, List.of(message), description.kwargs());
	}

}
