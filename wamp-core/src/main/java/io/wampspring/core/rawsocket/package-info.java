/**
 * The bytes of the WAMP RawSocket transport, shared by the client and the router: the
 * 4-octet handshake, the serializer ids, the maximum length exponent and the 4-octet
 * frame header (frame type and 24-bit length). No I/O: the transports feed these from
 * Netty.
 */
@NullMarked
package io.wampspring.core.rawsocket;

import org.jspecify.annotations.NullMarked;
