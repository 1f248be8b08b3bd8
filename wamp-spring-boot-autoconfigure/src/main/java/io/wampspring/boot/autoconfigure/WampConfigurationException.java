package io.wampspring.boot.autoconfigure;

import java.io.Serial;

/**
 * A {@code wamp.*} property is missing or wrong. Thrown while the context starts;
 * {@link WampConfigurationFailureAnalyzer} turns it into a start-up report that names the
 * property and the fix. Never carries a secret.
 */
public class WampConfigurationException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The property at fault. */
	private final String property;

	/** What is wrong with it. */
	private final String reason;

	/** What to do. */
	private final String action;

	/**
	 * Create an exception.
	 * @param property the property, such as {@code wamp.routers.main.url}
	 * @param reason what is wrong
	 * @param action what to do
	 */
	public WampConfigurationException(String property, String reason, String action) {
		this(property, reason, action, null);
	}

	/**
	 * Create an exception with its cause.
	 * @param property the property, such as {@code wamp.routers.main.url}
	 * @param reason what is wrong
	 * @param action what to do
	 * @param cause the underlying failure, or null
	 */
	public WampConfigurationException(String property, String reason, String action,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super("Invalid WAMP configuration '" + property + "': " + reason + (reason.endsWith("?") ? " " : ". ") + action,
				cause);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name, such as {@code wamp.routers.main.url}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
