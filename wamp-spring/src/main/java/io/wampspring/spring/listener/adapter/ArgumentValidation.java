package io.wampspring.spring.listener.adapter;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import jakarta.validation.ConstraintViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.MethodValidator;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * Validates the arguments of one handler method with a {@link MethodValidator} (Jakarta
 * Validation through Spring's {@code MethodValidationAdapter}) before it runs. A method
 * is validated only when one of its parameters carries {@code @Valid} or a constraint
 * annotation (also on a type argument, such as {@code List<@NotBlank String>}); that is
 * decided once, when the endpoint is registered.
 * <p>
 * A failure answers {@code wamp.error.invalid_argument} with a message naming each
 * invalid parameter path and what it must be, and in kwargs {@value #VIOLATIONS} (a list
 * of {@code {path, message}}) and {@value WampExceptionTranslator#FIELDS} (the paths).
 * Never the rejected value: a constraint message that quotes it
 * ({@code ${validatedValue}}) is replaced by the constraint's name.
 */
final class ArgumentValidation {

	/** The kwargs key of the list of violations. */
	static final String VIOLATIONS = "violations";

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
		this.groups = validator.determineValidationGroups(method.getBean(), method.getMethod());
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
		List<Map<String, @Nullable Object>> violations = new ArrayList<>();
		for (ParameterValidationResult parameterResult : result.getParameterValidationResults()) {
			String base = name(parameterResult.getMethodParameter()) + container(parameterResult);
			if (parameterResult instanceof ParameterErrors errors) {
				for (FieldError error : errors.getFieldErrors()) {
					violations.add(violation(base + "." + error.getField(), message(parameterResult, error)));
				}
				for (ObjectError error : errors.getGlobalErrors()) {
					violations.add(violation(base, message(parameterResult, error)));
				}
			}
			else {
				for (MessageSourceResolvable error : parameterResult.getResolvableErrors()) {
					violations.add(violation(base, message(parameterResult, error)));
				}
			}
		}
		for (MessageSourceResolvable error : result.getCrossParameterValidationResults()) {
			violations.add(violation(this.method.getMethod().getName(), String.valueOf(error.getDefaultMessage())));
		}
		// violations come from a hash set: sorted, so that the answer is stable
		violations.sort((a, b) -> String.valueOf(a.get("path")).compareTo(String.valueOf(b.get("path"))));
		Set<String> fields = new LinkedHashSet<>();
		List<String> parts = new ArrayList<>();
		for (Map<String, @Nullable Object> violation : violations) {
			fields.add(String.valueOf(violation.get("path")));
			parts.add(violation.get("path") + ": " + violation.get("message"));
		}
		String message = "'" + this.method.getUri() + "' refused its arguments: " + String.join(", ", parts);
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		kwargs.put(VIOLATIONS, violations);
		kwargs.put(WampExceptionTranslator.FIELDS, List.copyOf(fields));
		return new WampException(WampUris.INVALID_ARGUMENT, List.of(message), kwargs);
	}

	private static Map<String, @Nullable Object> violation(String path, String message) {
		Map<String, @Nullable Object> violation = new LinkedHashMap<>();
		violation.put("path", path);
		violation.put("message", message);
		return violation;
	}

	private static String name(MethodParameter parameter) {
		String name = parameter.getParameterName();
		return (name != null) ? name : "arg" + parameter.getParameterIndex();
	}

	private static String container(ParameterValidationResult result) {
		if (result.getContainerIndex() != null) {
			return "[" + result.getContainerIndex() + "]";
		}
		if (result.getContainerKey() != null) {
			// a key chosen by the caller could be anything: only its position is named
			return "[key]";
		}
		return "";
	}

	private static String message(ParameterValidationResult result, MessageSourceResolvable error) {
		String message = Jakarta.message(result, error);
		if (message != null) {
			return message;
		}
		// not from Jakarta Validation: the code, never a message that may quote the value
		String[] codes = error.getCodes();
		return (codes != null && codes.length > 0) ? codes[codes.length - 1] : "invalid";
	}

	/** Loaded only when validation runs, so Jakarta Validation is on the class path. */
	private static final class Jakarta {

		static @Nullable String message(ParameterValidationResult result, MessageSourceResolvable error) {
			ConstraintViolation<?> violation;
			try {
				violation = result.unwrap(error, ConstraintViolation.class);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			String template = violation.getMessageTemplate();
			if (template != null && template.contains("validatedValue")) {
				// the message quotes the value: name the constraint instead
				return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
			}
			return violation.getMessage();
		}

	}

}
