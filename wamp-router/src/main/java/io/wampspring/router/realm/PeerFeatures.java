package io.wampspring.router.realm;

/**
 * The features a client announced in HELLO that routing depends on. Internal to the
 * embedded router; not an API.
 *
 * @param calleeCanceling the callee takes INTERRUPT ({@code call_canceling})
 * @param calleeProgressive the callee sends progressive results
 * ({@code progressive_call_results})
 * @param callerStreams the caller sends progressive call invocations
 * ({@code progressive_call_invocations})
 * @param calleeStreams the callee takes progressive call invocations (it announced
 * {@code progressive_call_invocations} and {@code call_canceling}, as the specification
 * requires)
 * @param calleeRevocation the callee is told when its registration is revoked
 * ({@code registration_revocation})
 * @param subscriberRevocation the subscriber is told when its subscription is revoked
 * ({@code subscription_revocation})
 */
public record PeerFeatures(boolean calleeCanceling, boolean calleeProgressive, boolean callerStreams,
		boolean calleeStreams, boolean calleeRevocation, boolean subscriberRevocation) {

	/** No feature announced (before HELLO). */
	static final PeerFeatures NONE = new PeerFeatures(false, false, false, false, false, false);

}
