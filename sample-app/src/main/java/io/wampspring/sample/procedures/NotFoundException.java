package io.wampspring.sample.procedures;

/**
 * Something the caller asked for does not exist; {@link ErrorMapping} maps it to
 * {@value ErrorMapping#NOT_FOUND}.
 */
public class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message what was not found
	 */
	public NotFoundException(String message) {
		super(message);
	}

}
