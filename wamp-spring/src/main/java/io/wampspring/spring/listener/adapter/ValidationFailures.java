package io.wampspring.spring.listener.adapter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * Describes a validation failure for the caller without the rejected values: the path of
 * each invalid parameter or field and what it must be. Knows Spring's
 * {@link BindingResult} exceptions ({@code BindException},
 * {@code MethodArgumentNotValidException}), Spring's method validation results (the
 * handler's own argument validation, {@code MethodValidationException}) and, when Jakarta
 * Validation is on the class path, {@code ConstraintViolationException}. A constraint
 * message that quotes the value ({@code ${validatedValue}}) is replaced by the
 * constraint's name; a Spring error gives its code, never its default message.
 */
final class ValidationFailures {

	private static final boolean JAKARTA_PRESENT = ClassUtils
		.isPresent("jakarta.validation.ConstraintViolationException", ValidationFailures.class.getClassLoader());

	private static final Comparator<Violation> BY_PATH = Comparator.comparing(Violation::path);

	private ValidationFailures() {
	}

	/**
	 * Describe a validation failure.
	 * @param error the exception
	 * @return the description, or null when the exception is not a validation failure
	 * whose fields are known
	 */
	static @Nullable Description describe(Throwable error) {
		if (error instanceof BindingResult result) {
			return describe(result);
		}
		if (error instanceof MethodValidationResult result) {
			return describe(result);
		}
		if (JAKARTA_PRESENT) {
			return Jakarta.describe(error);
		}
		return null;
	}

	private static Description describe(BindingResult result) {
		List<Violation> violations = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (ObjectError error : result.getAllErrors()) {
			// the code (NotNull, typeMismatch, ...) and never the default message: that
			// may quote the value
			String name = (error instanceof FieldError field) ? field.getField() : error.getObjectName();
			violations.add(new Violation(name, String.valueOf(error.getCode())));
			parts.add(name + " (" + error.getCode() + ")");
		}
		return new Description(violations, String.join(", ", parts));
	}

	/**
	 * Describe the result of a method validation: a parameter's path is its name (with
	 * {@code [index]} inside a container), a field's path {@code parameter.field}.
	 * @param result the result
	 * @return the description
	 */
	static Description describe(MethodValidationResult result) {
		List<Violation> violations = new ArrayList<>();
		for (ParameterValidationResult parameterResult : result.getParameterValidationResults()) {
			String base = name(parameterResult.getMethodParameter()) + container(parameterResult);
			if (parameterResult instanceof ParameterErrors errors) {
				for (FieldError error : errors.getFieldErrors()) {
					violations.add(new Violation(base + "." + error.getField(), message(parameterResult, error)));
				}
				for (ObjectError error : errors.getGlobalErrors()) {
					violations.add(new Violation(base, message(parameterResult, error)));
				}
			}
			else {
				for (MessageSourceResolvable error : parameterResult.getResolvableErrors()) {
					violations.add(new Violation(base, message(parameterResult, error)));
				}
			}
		}
		for (MessageSourceResolvable error : result.getCrossParameterValidationResults()) {
			violations.add(new Violation(result.getMethod().getName(), code(error)));
		}
		// violations come from a hash set: sorted, so that the answer is stable
		violations.sort(BY_PATH);
		return new Description(violations, text(violations));
	}

	private static String text(List<Violation> violations) {
		List<String> parts = new ArrayList<>();
		for (Violation violation : violations) {
			parts.add(violation.path() + ": " + violation.message());
		}
		return String.join(", ", parts);
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
			// a key chosen by the caller could be anything: only that it is a key
			return "[key]";
		}
		return "";
	}

	private static String message(ParameterValidationResult result, MessageSourceResolvable error) {
		String message = JAKARTA_PRESENT ? Jakarta.message(result, error) : null;
		return (message != null) ? message : code(error);
	}

	// not from Jakarta Validation: the code, never a message that may quote the value
	private static String code(MessageSourceResolvable error) {
		String[] codes = error.getCodes();
		return (codes != null && codes.length > 0) ? codes[codes.length - 1] : "invalid";
	}

	/**
	 * One invalid parameter or field.
	 *
	 * @param path the parameter or field, such as {@code order.quantity}
	 * @param message what it must be
	 */
	record Violation(String path, String message) {

		Map<String, @Nullable Object> toMap() {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			map.put("path", this.path);
			map.put("message", this.message);
			return map;
		}

	}

	/**
	 * The violations and a text for the caller.
	 *
	 * @param violations each invalid parameter or field
	 * @param text what each must be, such as {@code age: must be greater than 0}
	 */
	record Description(List<Violation> violations, String text) {

		/**
		 * The paths of the invalid parameters and fields, once each.
		 * @return the paths
		 */
		List<String> fields() {
			Set<String> fields = new LinkedHashSet<>();
			this.violations.forEach((violation) -> fields.add(violation.path()));
			return List.copyOf(fields);
		}

		/**
		 * The violations as WAMP values: a list of {@code {path, message}}.
		 * @return the list
		 */
		List<Map<String, @Nullable Object>> violationMaps() {
			return this.violations.stream().map(Violation::toMap).toList();
		}

		/**
		 * The kwargs of the answer: {@code violations} and {@code fields}.
		 * @return the kwargs
		 */
		Map<String, @Nullable Object> kwargs() {
			Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
			kwargs.put(WampExceptionTranslator.VIOLATIONS, violationMaps());
			kwargs.put(WampExceptionTranslator.FIELDS, fields());
			return kwargs;
		}

	}

	/** Loaded only when Jakarta Validation is on the class path. */
	private static final class Jakarta {

		static @Nullable Description describe(Throwable error) {
			if (!(error instanceof ConstraintViolationException exception)
					|| exception.getConstraintViolations() == null) {
				return null;
			}
			List<Violation> violations = new ArrayList<>();
			for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
				violations.add(new Violation(String.valueOf(violation.getPropertyPath()), constraint(violation)));
			}
			// violations come as a hash set: sorted, so that the answer is stable
			violations.sort(BY_PATH);
			return new Description(violations, text(violations));
		}

		static @Nullable String message(ParameterValidationResult result, MessageSourceResolvable error) {
			try {
				return constraint(result.unwrap(error, ConstraintViolation.class));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static String constraint(ConstraintViolation<?> violation) {
			String template = violation.getMessageTemplate();
			if (template != null && template.contains("validatedValue")) {
				// the message quotes the value: name the constraint instead
				return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
			}
			return violation.getMessage();
		}

	}

}
