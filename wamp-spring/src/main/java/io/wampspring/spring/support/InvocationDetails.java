package io.wampspring.spring.support;

import java.util.Map;

import io.wampspring.client.WampInvocation;
import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * The details of an invocation, injectable into a {@code @WampProcedure} method.
 *
 * @param procedure the called URI (the concrete one for pattern registrations)
 * @param registration the router's registration id
 * @param caller the caller, as far as disclosed
 * @param receiveProgress whether the caller accepts progressive results
 * @param details the raw INVOCATION details
 */
public record InvocationDetails(String procedure, long registration, WampIdentity caller, boolean receiveProgress,
		Map<String, Object> details) {

	/**
	 * Read the details of an invocation.
	 * @param invocation the invocation
	 * @return the details
	 */
	public static InvocationDetails of(WampInvocation invocation) {
		return new InvocationDetails(invocation.procedure(), invocation.registration().registrationId(),
				new WampIdentity(invocation.caller(), invocation.callerAuthid(), invocation.callerAuthrole()),
				invocation.receiveProgress(), invocation.details());
	}

	/**
	 * The trust level the router assigned to the call, when it discloses one (the
	 * embedded router assigns one per role, see its realm configuration).
	 * @return the trust level, or null
	 */
	public @Nullable Long trustlevel() {
		return Dicts.integer(this.details, "trustlevel");
	}

}
