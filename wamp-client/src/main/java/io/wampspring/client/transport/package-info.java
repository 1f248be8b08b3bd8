/**
 * Transports that carry WAMP messages between the client and a router: the
 * {@link io.wampspring.client.transport.WampTransport} SPI, WebSocket on Reactor Netty,
 * and the in-process link to an embedded router.
 */
@NullMarked
package io.wampspring.client.transport;

import org.jspecify.annotations.NullMarked;
