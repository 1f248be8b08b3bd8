package io.wampspring.core;

import java.io.Serial;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An application or routing error with a WAMP error URI, positional arguments and keyword
 * arguments. It crosses the wire both ways: a callee that throws it answers with an ERROR
 * carrying the same URI, args and kwargs, and a caller receives it when the router or the
 * callee answered with ERROR.
 */
public class WampException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The WAMP error URI. */
	private final String uri;

	private final transient List<@Nullable Object> args;

	private final transient Map<String, @Nullable Object> kwargs;

	private final transient Map<String, Object> details;

	/**
	 * Create an exception with an error URI and a message for people.
	 * @param uri the error URI, such as {@code wamp.error.invalid_argument}
	 * @param message a readable message; it travels as the first positional argument
	 */
	public WampException(String uri, String message) {
		this(uri, List.of(message), Map.of(), Map.of(), message, null);
	}

	/**
	 * Create an exception with an error URI, arguments and keyword arguments.
	 * @param uri the error URI
	 * @param args positional arguments of the error
	 * @param kwargs keyword arguments of the error
	 */
	public WampException(String uri, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		this(uri, args, kwargs, Map.of(), null, null);
	}

	/**
	 * Create an exception from every part of an ERROR message.
	 * @param uri the error URI
	 * @param args positional arguments of the error
	 * @param kwargs keyword arguments of the error
	 * @param details the details dictionary of the ERROR message
	 * @param message a readable message; derived from the URI and arguments when null
	 * @param cause the cause, if any
	 */
	public WampException(String uri, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			Map<String, Object> details, @Nullable String message, @Nullable Throwable cause) {
		super((message != null) ? message : describe(uri, args, kwargs), cause);
		this.uri = uri;
		this.args = Collections.unmodifiableList(args);
		this.kwargs = Collections.unmodifiableMap(kwargs);
		this.details = Collections.unmodifiableMap(details);
	}

	private static String describe(String uri, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		StringBuilder sb = new StringBuilder(uri);
		if (!args.isEmpty() && args.get(0) instanceof String text) {
			sb.append(": ").append(text);
		}
		else if (!args.isEmpty()) {
			sb.append(" ").append(args);
		}
		if (!kwargs.isEmpty()) {
			sb.append(" ").append(kwargs);
		}
		return sb.toString();
	}

	/**
	 * The error URI.
	 * @return the error URI, such as {@code wamp.error.no_such_procedure}
	 */
	public String getUri() {
		return this.uri;
	}

	/**
	 * The positional arguments of the error.
	 * @return an unmodifiable list, possibly empty
	 */
	public List<@Nullable Object> getArgs() {
		return (this.args != null) ? this.args : List.of();
	}

	/**
	 * The keyword arguments of the error.
	 * @return an unmodifiable map, possibly empty
	 */
	public Map<String, @Nullable Object> getKwargs() {
		return (this.kwargs != null) ? this.kwargs : Map.of();
	}

	/**
	 * The details of the ERROR message.
	 * @return an unmodifiable map, possibly empty
	 */
	public Map<String, Object> getDetails() {
		return (this.details != null) ? this.details : Map.of();
	}

}
