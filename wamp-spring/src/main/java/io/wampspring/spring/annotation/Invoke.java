package io.wampspring.spring.annotation;

/**
 * How the router picks a callee when several sessions register the same procedure (shared
 * registration).
 */
public enum Invoke {

	/**
	 * Only one registration is allowed; a second one fails with procedure_already_exists.
	 */
	SINGLE,

	/** The callees take turns. */
	ROUNDROBIN,

	/** A callee is picked at random. */
	RANDOM,

	/** The callee that registered first. */
	FIRST,

	/** The callee that registered last. */
	LAST

}
