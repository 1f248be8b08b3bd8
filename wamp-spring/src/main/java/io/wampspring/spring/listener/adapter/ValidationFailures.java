package io.wampspring.spring.listener.adapter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Describes a validation failure for the caller without the rejected values: the names of
 * the invalid fields and what each must be. Knows Spring's {@link BindingResult}
 * exceptions ({@code BindException}, {@code MethodArgumentNotValidException}) and, when
 * Jakarta Validation is on the class path, {@code ConstraintViolationException}.
 */
final class ValidationFailures {

	private static final boolean JAKARTA_PRESENT = ClassUtils
		.isPresent("jakarta.validation.ConstraintViolationException", ValidationFailures.class.getClassLoader());

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
		if (JAKARTA_PRESENT) {
			return Jakarta.describe(error);
		}
		return null;
	}

	private static Description describe(BindingResult result) {
		Set<String> fields = new LinkedHashSet<>();
		List<String> parts = new ArrayList<>();
		for (ObjectError error : result.getAllErrors()) {
			// the code (NotNull, typeMismatch, ...) and never the default message: that
			// may quote the value
			String name = (error instanceof FieldError field) ? field.getField() : error.getObjectName();
			fields.add(name);
			parts.add(name + " (" + error.getCode() + ")");
		}
		return new Description(List.copyOf(fields), String.join(", ", parts));
	}

	/**
	 * The invalid fields and a text for the caller.
	 *
	 * @param fields the names of the invalid fields
	 * @param text what each must be, such as {@code age: must be greater than 0}
	 */
	record Description(List<String> fields, String text) {
	}

	/** Loaded only when Jakarta Validation is on the class path. */
	private static final class Jakarta {

		static @Nullable Description describe(Throwable error) {
			if (!(error instanceof ConstraintViolationException violations)
					|| violations.getConstraintViolations() == null) {
				return null;
			}
			// violations come as a hash set: sorted, so that the answer is stable
			Set<String> fields = new TreeSet<>();
			List<String> parts = new ArrayList<>();
			for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
				String field = String.valueOf(violation.getPropertyPath());
				fields.add(field);
				parts.add(field + ": " + constraint(violation));
			}
			parts.sort(null);
			return new Description(List.copyOf(fields), String.join(", ", parts));
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
