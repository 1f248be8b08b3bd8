/**
 * Transports that carry WAMP messages between the client and a router: the {@link io.wampspring.client.transport.WampTransport} SPI, WebSocket and in-process.
 */
@NullMarked
package io.wampspring.client.transport;

import org.jspecify.annotations.NullMarked;
