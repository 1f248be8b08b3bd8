package io.wampspring.spring.micrometer;

/**
 * The WAMP operation an observation covers, as the {@code messaging.operation} key shows
 * it.
 */
public enum WampOperation {

	/** A call made by the template (caller). */
	CALL("call"),

	/** A publication made by the template (publisher). */
	PUBLISH("publish"),

	/** An invocation of a procedure handler (callee). */
	INVOCATION("invocation"),

	/** An event handled by a subscription handler (subscriber). */
	EVENT("event");

	private final String value;

	WampOperation(String value) {
		this.value = value;
	}

	/**
	 * The value of the {@code messaging.operation} key.
	 * @return such as {@code call}
	 */
	public String value() {
		return this.value;
	}

}
