package io.wampspring.spring.annotation;

/**
 * How the URI of a {@link WampProcedure} or {@link WampSubscribe} is matched by the
 * router.
 */
public enum Match {

	/** The called procedure or published topic must equal the URI. */
	EXACT,

	/** The called procedure or published topic must start with the URI. */
	PREFIX,

	/** Empty components of the URI ({@code com..add}) match any single component. */
	WILDCARD

}
