package io.wampspring.router.nexus;

/**
 * A {@link MetadataStore} refused a value because the authid's quota (or the store's own
 * budget) would be exceeded. The router answers the call with
 * {@code wamp.error.limit_exceeded} and this message.
 */
public class MetadataQuotaExceededException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what was exceeded and by how much; never the value
	 */
	public MetadataQuotaExceededException(String message) {
		super(message);
	}

}
