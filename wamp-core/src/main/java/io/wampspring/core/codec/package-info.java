/**
 * The codec SPI and its JSON, MessagePack and CBOR implementations, each tied to its
 * WebSocket subprotocol and RawSocket serializer id.
 */
@NullMarked
package io.wampspring.core.codec;

import org.jspecify.annotations.NullMarked;
