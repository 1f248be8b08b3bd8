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
 * @param protocolViolations sessions ended for breaking the protocol
 */
public record RouterMetrics(int sessions, int realms, int registrations, int subscriptions, int pendingCalls,
		long calls, long callErrors, long publications, long events, long authenticationFailures,
		long authorizationDenials, long protocolViolations) {
}
