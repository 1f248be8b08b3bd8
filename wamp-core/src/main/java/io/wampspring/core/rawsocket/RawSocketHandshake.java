package io.wampspring.core.rawsocket;

import java.util.HexFormat;

/**
 * A RawSocket handshake: 0x7F, then the length exponent (high nibble) and the serializer
 * id (low nibble), then two reserved octets that must be zero. A router's reply with
 * serializer 0 is an error, its code in the high nibble.
 *
 * @param value the four octets as a big-endian int
 */
public record RawSocketHandshake(int value) {

	/**
	 * The handshake a client sends, or the reply a router accepts it with.
	 * @param lengthExponent the largest message this side accepts, as 2^(9+exponent)
	 * @param serializer the serializer id (1 JSON, 2 MessagePack, 3 CBOR)
	 * @return the handshake
	 * @throws IllegalArgumentException when a value is out of range
	 */
	public static RawSocketHandshake of(int lengthExponent, int serializer) {
		RawSocket.maxLength(lengthExponent);
		if (serializer < 1 || serializer > 15) {
			throw new IllegalArgumentException("a RawSocket serializer id is in 1..15, got " + serializer);
		}
		return new RawSocketHandshake((RawSocket.MAGIC << 24) | (lengthExponent << 20) | (serializer << 16));
	}

	/**
	 * A router's refusal.
	 * @param code such as {@link RawSocket#ERROR_SERIALIZER_UNSUPPORTED}
	 * @return the reply
	 */
	public static RawSocketHandshake error(int code) {
		if (code < 1 || code > 15) {
			throw new IllegalArgumentException("a RawSocket handshake error code is in 1..15, got " + code);
		}
		return new RawSocketHandshake((RawSocket.MAGIC << 24) | (code << 20));
	}

	/**
	 * The first octet.
	 * @return {@link RawSocket#MAGIC} for a WAMP peer
	 */
	public int magic() {
		return (this.value >>> 24) & 0xFF;
	}

	/**
	 * Whether the first octet is {@link RawSocket#MAGIC}.
	 * @return true for a WAMP RawSocket peer
	 */
	public boolean isWamp() {
		return magic() == RawSocket.MAGIC;
	}

	/**
	 * The high nibble of the second octet: the length exponent, or the error code of a
	 * refusal.
	 * @return 0..15
	 */
	public int lengthExponent() {
		return (this.value >>> 20) & 0x0F;
	}

	/**
	 * The low nibble of the second octet.
	 * @return the serializer id, or 0 in a refusal
	 */
	public int serializer() {
		return (this.value >>> 16) & 0x0F;
	}

	/**
	 * The last two octets.
	 * @return 0 unless the peer uses reserved bits
	 */
	public int reserved() {
		return this.value & 0xFFFF;
	}

	/**
	 * Whether this is a router's refusal (serializer 0).
	 * @return true for an error reply
	 */
	public boolean isError() {
		return serializer() == 0;
	}

	/**
	 * The error code of a refusal.
	 * @return the high nibble of the second octet
	 */
	public int errorCode() {
		return lengthExponent();
	}

	/**
	 * The largest message the sender accepts.
	 * @return 2^(9+{@link #lengthExponent()}) octets
	 */
	public int maxLength() {
		return RawSocket.maxLength(lengthExponent());
	}

	/**
	 * The first octet in hex, for messages about a peer that does not speak RawSocket.
	 * @return such as {@code 0x16} (a TLS record)
	 */
	public String magicHex() {
		return "0x" + HexFormat.of().toHexDigits((byte) magic());
	}

}
