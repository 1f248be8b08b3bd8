package io.wampspring.sample.procedures;

/**
 * The caller may not do what it asked; {@link ErrorMapping} maps it to
 * {@code wamp.error.not_authorized}.
 */
public class NotAuthorizedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message what was refused
	 */
	public NotAuthorizedException(String message) {
		super(message);
	}

}
