package io.wampspring.spring.listener.adapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import io.wampspring.client.ClientOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.uri.WampUriValidator;
import org.jspecify.annotations.Nullable;

/**
 * Turns a handler's exception into the {@link WampException} that answers the caller,
 * without letting the exception's text cross the trust boundary. Immutable and thread
 * safe.
 * <ul>
 * <li>A {@code WampException} passes through with its URI, args and kwargs: the
 * application chose what the caller sees.</li>
 * <li>A validation failure (Jakarta Validation's {@code ConstraintViolationException},
 * Spring's {@code MethodValidationException}, {@code BindException} and
 * {@code MethodArgumentNotValidException}) answers {@code wamp.error.invalid_argument}
 * (or what the table maps it to) with a message naming each invalid field and what it
 * must be, never the rejected value, and in kwargs {@value #VIOLATIONS} (a list of
 * {@code {path, message}}) and {@value #FIELDS} (the paths).</li>
 * <li>Any other exception maps through a table of exception class names to error URIs
 * (the nearest superclass in the table wins), else to the default application error URI.
 * The answer carries a new correlation id in kwargs {@value #CORRELATION_ID} and, as its
 * only argument, a message that names the procedure and the correlation id; the
 * exception's own message only when {@link Builder#includeExceptionMessage(boolean)} is
 * on. Never a stack trace. The exception is kept as the answer's cause, so that the local
 * log line (written by {@link WampInvocationAdapter} with the same correlation id) has
 * it.</li>
 * </ul>
 * <p>
 * The table holds class names, so optional libraries need not be on the class path:
 * {@code IllegalArgumentException} and Jakarta Validation's exceptions map to
 * {@code wamp.error.invalid_argument}, Spring Security's {@code AccessDeniedException} to
 * {@code wamp.error.not_authorized}.
 */
public final class WampExceptionTranslator {

	/** The kwargs key of the correlation id of an answer made from an exception. */
	public static final String CORRELATION_ID = "correlation_id";

	/** The kwargs key of the invalid fields of a validation failure. */
	public static final String FIELDS = "fields";

	/**
	 * The kwargs key of the violations of a validation failure: a list of {@code {path,
	 * message}}.
	 */
	public static final String VIOLATIONS = "violations";

	private static final WampExceptionTranslator DEFAULT = builder().build();

	private static final HexFormat HEX = HexFormat.of();

	private final Map<String, String> uris;

	private final String defaultUri;

	private final boolean includeExceptionMessage;

	private WampExceptionTranslator(Map<String, String> uris, String defaultUri, boolean includeExceptionMessage) {
		this.uris = Collections.unmodifiableMap(new LinkedHashMap<>(uris));
		this.defaultUri = defaultUri;
		this.includeExceptionMessage = includeExceptionMessage;
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
		for (Class<?> candidate = type; candidate != null
				&& candidate != Object.class; candidate = candidate.getSuperclass()) {
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
	 * Whether answers carry the exception's message instead of a message that names only
	 * the procedure and the correlation id.
	 * @return true when messages are sent to callers
	 */
	public boolean includesExceptionMessage() {
		return this.includeExceptionMessage;
	}

	/**
	 * Translate an exception of an unnamed handler.
	 * @param error the handler's exception (wrappers such as {@code CompletionException}
	 * are unwrapped)
	 * @return the exception to answer with
	 * @see #translate(Throwable, String)
	 */
	public WampException translate(Throwable error) {
		return translate(error, null);
	}

	/**
	 * Translate an exception.
	 * @param error the handler's exception (wrappers such as {@code CompletionException}
	 * are unwrapped)
	 * @param procedure the called procedure, named in the answer's message; null for none
	 * @return the exception to answer with; its cause is the unwrapped exception (null
	 * for a {@code WampException} that passes through)
	 */
	public WampException translate(Throwable error, @Nullable String procedure) {
		Throwable cause = unwrap(error);
		if (cause instanceof WampException wampException) {
			return wampException;
		}
		String uri = uriFor(cause.getClass());
		String what = (procedure != null) ? "'" + procedure + "'" : "the handler";
		ValidationFailures.Description invalid = ValidationFailures.describe(cause);
		if (invalid != null) {
			String message = what + " refused its arguments: " + invalid.text();
			return new WampException(uri, List.of(message), invalid.kwargs(), Map.of(), message, cause);
		}
		String correlationId = HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
		String message = this.includeExceptionMessage ? messageOf(cause)
				: what + " failed (correlation id " + correlationId + ")";
		return new WampException(uri, List.of(message), Map.<String, @Nullable Object>of(CORRELATION_ID, correlationId),
				Map.of(), message, cause);
	}

	/**
	 * The correlation id of an answer made by {@link #translate(Throwable, String)}.
	 * @param answer the answer
	 * @return the id, or null when the answer has none (a passed-through
	 * {@code WampException} or a validation failure)
	 */
	public static @Nullable String correlationId(WampException answer) {
		return (answer.getKwargs().get(CORRELATION_ID) instanceof String id) ? id : null;
	}

	private static String messageOf(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
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

		private boolean includeExceptionMessage;

		private Builder() {
			this.uris.put("java.lang.IllegalArgumentException", WampUris.INVALID_ARGUMENT);
			this.uris.put("jakarta.validation.ValidationException", WampUris.INVALID_ARGUMENT);
			this.uris.put("jakarta.validation.ConstraintViolationException", WampUris.INVALID_ARGUMENT);
			this.uris.put("org.springframework.validation.BindException", WampUris.INVALID_ARGUMENT);
			this.uris.put("org.springframework.validation.method.MethodValidationException", WampUris.INVALID_ARGUMENT);
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
		 * Map an exception class, by its fully qualified name, to an error URI; the class
		 * need not be on the class path.
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
		 * Whether an answer carries the exception's message as its argument (default
		 * false: a message that names the procedure and the correlation id). Like Spring
		 * Boot's {@code server.error.include-message}: turn it on only where callers may
		 * see the application's internals (SQL errors, host and user names), such as in
		 * development. Validation failures and {@code WampException}s answer the same
		 * either way.
		 * @param includeExceptionMessage the flag
		 * @return this builder
		 */
		public Builder includeExceptionMessage(boolean includeExceptionMessage) {
			this.includeExceptionMessage = includeExceptionMessage;
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
			return new WampExceptionTranslator(this.uris, this.defaultUri, this.includeExceptionMessage);
		}

	}

}
