package io.wampspring.spring.listener.adapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.wampspring.client.ClientOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.uri.WampUriValidator;
import org.jspecify.annotations.Nullable;

/**
 * Turns a handler's exception into the {@link WampException} that answers the caller. A
 * {@code WampException} passes through with its URI, args and kwargs; any other exception
 * maps through a table of exception class names to error URIs (the nearest superclass in the
 * table wins), else to the default application error URI. The answer carries the exception
 * message as its only argument, never a stack trace. Immutable and thread safe.
 * <p>
 * The table holds class names, so optional libraries need not be on the class path:
 * {@code IllegalArgumentException} and Jakarta Validation's exceptions map to
 * {@code wamp.error.invalid_argument}, Spring Security's {@code AccessDeniedException} to
 * {@code wamp.error.not_authorized}.
 */
public final class WampExceptionTranslator {

	private static final WampExceptionTranslator DEFAULT = builder().build();

	private final Map<String, String> uris;

	private final String defaultUri;

	private WampExceptionTranslator(Map<String, String> uris, String defaultUri) {
		this.uris = Collections.unmodifiableMap(new LinkedHashMap<>(uris));
		this.defaultUri = defaultUri;
	}

	/**
	 * The translator with the default table and {@link ClientOptions#DEFAULT_ERROR_URI}.
	 * @return the translator
	 */
	public static WampExceptionTranslator defaults() {
		return DEFAULT;
	}

	/**
	 * A builder that starts from the default table.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The URI an exception of this class maps to, or the default.
	 * @param type the exception class
	 * @return the URI
	 */
	public String uriFor(Class<?> type) {
		for (Class<?> candidate = type; candidate != null && candidate != Object.class; candidate = candidate
			.getSuperclass()) {
			String uri = this.uris.get(candidate.getName());
			if (uri != null) {
				return uri;
			}
		}
		return this.defaultUri;
	}

	/**
	 * The default application error URI.
	 * @return the URI
	 */
	public String defaultUri() {
		return this.defaultUri;
	}

	/**
	 * Translate an exception.
	 * @param error the handler's exception (wrappers such as {@code CompletionException} are
	 * unwrapped)
	 * @return the exception to answer with
	 */
	public WampException translate(Throwable error) {
		Throwable cause = unwrap(error);
		if (cause instanceof WampException wampException) {
			return wampException;
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		List<@Nullable Object> args = List.of(message);
		return new WampException(uriFor(cause.getClass()), args, Map.of(), Map.of(), message, cause);
	}

	private static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while ((current instanceof CompletionException || current instanceof ExecutionException
				|| current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * Builds a {@link WampExceptionTranslator}.
	 */
	public static final class Builder {

		private final Map<String, String> uris = new LinkedHashMap<>();

		private String defaultUri = ClientOptions.DEFAULT_ERROR_URI;

		private Builder() {
			this.uris.put("java.lang.IllegalArgumentException", WampUris.INVALID_ARGUMENT);
			this.uris.put("jakarta.validation.ValidationException", WampUris.INVALID_ARGUMENT);
			this.uris.put("jakarta.validation.ConstraintViolationException", WampUris.INVALID_ARGUMENT);
			this.uris.put("org.springframework.web.bind.MethodArgumentNotValidException", WampUris.INVALID_ARGUMENT);
			this.uris.put("org.springframework.security.access.AccessDeniedException", WampUris.NOT_AUTHORIZED);
			this.uris.put("org.springframework.security.core.AuthenticationException", WampUris.NOT_AUTHORIZED);
		}

		/**
		 * Map an exception class (and its subclasses) to an error URI.
		 * @param type the exception class
		 * @param uri the error URI
		 * @return this builder
		 */
		public Builder map(Class<? extends Throwable> type, String uri) {
			return map(type.getName(), uri);
		}

		/**
		 * Map an exception class, by its fully qualified name, to an error URI; the class need
		 * not be on the class path.
		 * @param className the class name
		 * @param uri the error URI
		 * @return this builder
		 */
		public Builder map(String className, String uri) {
			this.uris.put(Objects.requireNonNull(className, "className"), checkUri(uri));
			return this;
		}

		/**
		 * The URI for exceptions that the table does not map (default
		 * {@value ClientOptions#DEFAULT_ERROR_URI}).
		 * @param uri the error URI
		 * @return this builder
		 */
		public Builder defaultUri(String uri) {
			this.defaultUri = checkUri(uri);
			return this;
		}

		/**
		 * Forget the default table (the default URI is kept).
		 * @return this builder
		 */
		public Builder clear() {
			this.uris.clear();
			return this;
		}

		private static String checkUri(String uri) {
			if (!WampUriValidator.LOOSE_RULES.isValid(uri)) {
				throw new IllegalArgumentException("'" + uri + "' is not a valid WAMP error URI");
			}
			return uri;
		}

		/**
		 * Build the immutable translator.
		 * @return the translator
		 */
		public WampExceptionTranslator build() {
			return new WampExceptionTranslator(this.uris, this.defaultUri);
		}

	}

}
