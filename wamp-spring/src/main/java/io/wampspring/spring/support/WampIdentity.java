package io.wampspring.spring.support;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
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
	 * The caller of an invocation.
	 * @param invocation the invocation
	 * @return the caller, as far as the router disclosed it
	 */
	public static WampIdentity of(WampInvocation invocation) {
		return new WampIdentity(invocation.caller(), invocation.callerAuthid(), invocation.callerAuthrole());
	}

	/**
	 * The publisher of an event.
	 * @param event the event
	 * @return the publisher, as far as the router disclosed it
	 */
	public static WampIdentity of(WampEvent event) {
		return new WampIdentity(event.publisher(), event.publisherAuthid(), event.publisherAuthrole());
	}

	/**
	 * Whether the router disclosed anything.
	 * @return true when the session id or authid is known
	 */
	public boolean isDisclosed() {
		return this.session != null || this.authid != null;
	}

}
