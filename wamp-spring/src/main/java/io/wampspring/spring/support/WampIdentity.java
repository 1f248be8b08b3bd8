package io.wampspring.spring.support;

import org.jspecify.annotations.Nullable;

/**
 * Who called a procedure or published an event, as far as the router disclosed it. Inject
 * it as a parameter of a {@code @WampProcedure} (the caller) or {@code @WampSubscribe}
 * (the publisher) method.
 *
 * @param session the session id, or null when not disclosed
 * @param authid the authid, or null when not disclosed
 * @param authrole the authrole, or null when not disclosed
 */
public record WampIdentity(@Nullable Long session, @Nullable String authid, @Nullable String authrole) {

	/**
	 * Whether the router disclosed anything.
	 * @return true when the session id or authid is known
	 */
	public boolean isDisclosed() {
		return this.session != null || this.authid != null;
	}

}
