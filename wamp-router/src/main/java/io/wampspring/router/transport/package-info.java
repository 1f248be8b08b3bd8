/**
 * Transports that carry router sessions: WebSocket on Reactor Netty and the in-process link.
 */
@NullMarked
package io.wampspring.router.transport;

import org.jspecify.annotations.NullMarked;
