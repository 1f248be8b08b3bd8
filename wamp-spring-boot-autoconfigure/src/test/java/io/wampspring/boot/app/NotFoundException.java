package io.wampspring.boot.app;

/**
 * An application exception that {@code wamp.defaults.callee.exception-uris} maps to an
 * error URI.
 */
public class NotFoundException extends RuntimeException {

	/**
	 * Create the exception.
	 * @param message the message
	 */
	public NotFoundException(String message) {
		super(message);
	}

}
