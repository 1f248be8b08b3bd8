/**
 * The dealer of a realm: registrations, call routing (CALL, INVOCATION, YIELD, RESULT),
 * progressive calls and results, cancel and call timeouts. Internal to the embedded
 * router; not an API. It reaches its realm only through {@link DealerContext}.
 */
@NullMarked
package io.wampspring.router.dealer;

import org.jspecify.annotations.NullMarked;
