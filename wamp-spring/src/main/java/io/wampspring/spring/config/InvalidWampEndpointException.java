package io.wampspring.spring.config;

import java.io.Serial;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.util.ClassUtils;

/**
 * One or more WAMP endpoints cannot be served: a URI that is not valid, a URI that
 * another bean method registers too, a peer that does not exist, or a registration the
 * router refused. Each {@link Problem} names every bean method involved. Thrown before
 * any session starts for what can be known without a router; Spring Boot's failure
 * analyzer of wamp-spring-boot-autoconfigure prints it without a stack trace.
 */
public class InvalidWampEndpointException extends IllegalStateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	/**
	 * Create an exception.
	 * @param problems what is wrong, at least one
	 */
	public InvalidWampEndpointException(List<Problem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(List<Problem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("at least one problem");
		}
		return "Invalid WAMP endpoints: " + problems.stream()
			.map((problem) -> problem.reason() + ". " + problem.action())
			.collect(Collectors.joining("; "));
	}

	/**
	 * What is wrong.
	 * @return the problems, in the order they were found
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * Describe an endpoint for a message: its id and the method, such as
	 * {@code calculator#add (com.example.Calculator.add(int, int))}.
	 * @param endpoint the endpoint
	 * @return the description
	 */
	public static String describe(WampListenerEndpoint endpoint) {
		return describe(endpoint.id(), endpoint.method());
	}

	/**
	 * Describe a bean method for a message.
	 * @param id the endpoint's id, such as {@code calculator#add}
	 * @param method the method
	 * @return the description
	 */
	public static String describe(String id, Method method) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(ClassUtils::getShortName)
			.collect(Collectors.joining(", "));
		String type = ClassUtils.getUserClass(method.getDeclaringClass()).getName();
		return "'" + id + "' (" + type + "." + method.getName() + "(" + parameters + "))";
	}

	/**
	 * One thing that is wrong.
	 *
	 * @param reason what is wrong, naming the URI
	 * @param action what to do about it
	 * @param handlers every bean method involved, as
	 * {@link #describe(WampListenerEndpoint)} writes them
	 */
	public record Problem(String reason, String action, List<String> handlers) {

		/**
		 * Validate the components.
		 * @param reason what is wrong, naming the URI
		 * @param action what to do about it
		 * @param handlers every bean method involved
		 */
		public Problem {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(action, "action");
			handlers = List.copyOf(handlers);
		}

	}

}
