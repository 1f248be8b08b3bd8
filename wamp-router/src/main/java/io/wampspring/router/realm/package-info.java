/**
 * Transport-independent routing: realms, router sessions and what the dealer
 * ({@code io.wampspring.router.dealer}) and the broker
 * ({@code io.wampspring.router.broker}) share (the URI index, shared messages), the meta
 * API and the Nexus-style services.
 */
@NullMarked
package io.wampspring.router.realm;

import org.jspecify.annotations.NullMarked;
