/**
 * Transports that carry router sessions: WebSocket and RawSocket on Reactor Netty, each
 * socket connection bounded in time and memory by a {@code ConnectionGuard}, and the
 * in-process link.
 */
@NullMarked
package io.wampspring.router.transport;

import org.jspecify.annotations.NullMarked;
