package io.wampspring.sample.procedures;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.spring.annotation.WampProcedure;

import org.springframework.stereotype.Component;

/**
 * One procedure per kind of error, each answering with its URI: exceptions mapped by the
 * built-in table or by {@link ErrorMapping}, a {@link WampException} that carries its own
 * URI, args and kwargs, and an unexpected exception that gets the default application
 * error URI. Each answer carries the exception message as its first argument, never a
 * stack trace.
 */
@Component
public class ErrorProcedures {

	/**
	 * Fail as a validation error would.
	 * @return never
	 */
	@WampProcedure("com.example.validation_error")
	public String validationError() {
		throw new IllegalArgumentException("the value is not valid");
	}

	/**
	 * Fail as a lookup of something absent would.
	 * @return never
	 */
	@WampProcedure("com.example.notfound_error")
	public String notFoundError() {
		throw new NotFoundException("the thing was not found");
	}

	/**
	 * Fail as a refused action would.
	 * @return never
	 */
	@WampProcedure("com.example.authorization_error")
	public String authorizationError() {
		throw new NotAuthorizedException("you may not do that");
	}

	/**
	 * Fail with an application error URI, args and kwargs of its own.
	 * @return never
	 */
	@WampProcedure("com.example.service_error")
	public String serviceError() {
		throw new WampException(ErrorMapping.SERVICE, List.of("the service failed"), Map.of("retryable", false));
	}

	/**
	 * Fail unexpectedly.
	 * @return never
	 */
	@WampProcedure("com.example.unknown_error")
	public String unknownError() {
		throw new IllegalStateException("something unexpected happened");
	}

}
