package io.wampspring.router.realm;

/**
 * A snapshot of the router's counters and gauges, for health and metrics (such as
 * Micrometer's {@code wamp.router.*} meters). Counters are cumulative since start.
 *
 * @param sessions sessions joined now, over all realms
 * @param realms realms now
 * @param registrations registrations now
 * @param subscriptions subscriptions now
 * @param pendingCalls calls in flight now
 * @param calls calls routed to a callee or answered by the router
 * @param callErrors calls answered with an ERROR by the router itself (no such procedure,
 * not authorized, timeout, canceled, limits)
 * @param publications publications accepted
 * @param events events delivered to subscribers
 * @param authenticationFailures handshakes ended with an ABORT for authentication
 * @param authorizationDenials actions denied by the authorizer
 * @param protocolViolations sessions ended for breaking the protocol (a message above the
 * size limit among them)
 * @param openTimeouts connections closed because the WebSocket upgrade or RawSocket
 * handshake did not finish in time
 * @param helloTimeouts connections closed because no HELLO arrived in time
 * @param authenticateTimeouts connections closed because no AUTHENTICATE answered a
 * CHALLENGE in time
 * @param keepAliveTimeouts connections closed because the client answered no ping
 * @param incompleteMessageClosures connections closed because incomplete messages over
 * all connections would have passed their budget
 * @param incompleteMessageBytes bytes held now for messages that have not completely
 * arrived, over all connections
 * @param undeliverableMessages messages the router could not encode for their receiver
 * (an INVOCATION, RESULT or ERROR answered with an ERROR to the caller, an EVENT dropped)
 * @param invalidPayloads messages whose structure was fine but whose payload could not be
 * read, answered with an ERROR (or dropped, for a PUBLISH without acknowledge) while the
 * session went on
 */
public record RouterMetrics(int sessions, int realms, int registrations, int subscriptions, int pendingCalls,
		long calls, long callErrors, long publications, long events, long authenticationFailures,
		long authorizationDenials, long protocolViolations, long openTimeouts, long helloTimeouts,
		long authenticateTimeouts, long keepAliveTimeouts, long incompleteMessageClosures, long incompleteMessageBytes,
		long undeliverableMessages, long invalidPayloads) {
}
