package io.wampspring.core.rawsocket;

import java.util.HexFormat;

import io.wampspring.core.WampProtocolException;

/**
 * The WAMP RawSocket framing (WAMP specification, section "RawSocket Transport"): after
 * the 4-octet handshake ({@link RawSocketHandshake}) each frame is a 4-octet header
 * followed by its payload. The header's first octet holds five reserved bits (zero) and
 * three bits of frame type (0 a WAMP message, 1 PING, 2 PONG); the other three octets the
 * payload length.
 */
public final class RawSocket {

	/** The first octet of every handshake. */
	public static final int MAGIC = 0x7F;

	/** Octets of a handshake and of a frame header. */
	public static final int HEADER_LENGTH = 4;

	/** Frame type of a WAMP message. */
	public static final int MESSAGE = 0;

	/**
	 * Frame type of a PING; the receiver answers with a PONG carrying the same payload.
	 */
	public static final int PING = 1;

	/** Frame type of a PONG. */
	public static final int PONG = 2;

	/** The largest length exponent: 2^(9+15) octets, 16 MiB. */
	public static final int MAX_LENGTH_EXPONENT = 15;

	/** The largest payload the 24-bit length field can carry. */
	public static final int MAX_FRAME_LENGTH = 0xFFFFFF;

	/** Handshake error: the router does not speak the requested serializer. */
	public static final int ERROR_SERIALIZER_UNSUPPORTED = 1;

	/**
	 * Handshake error: the router does not accept the announced maximum message length.
	 */
	public static final int ERROR_MAX_LENGTH_UNACCEPTABLE = 2;

	/** Handshake error: the handshake used reserved bits. */
	public static final int ERROR_RESERVED_BITS = 3;

	/** Handshake error: the router has too many connections. */
	public static final int ERROR_MAX_CONNECTIONS = 4;

	private static final String[] HANDSHAKE_ERRORS = { "illegal (must not be used)", "serializer unsupported",
			"maximum message length unacceptable", "use of reserved bits (unsupported feature)",
			"maximum connection count reached" };

	private RawSocket() {
	}

	/**
	 * The length exponent to announce for a message size: the smallest {@code n} in 0..15
	 * with 2^(9+n) at least the size.
	 * @param maxMessageSize the largest message this side accepts, in octets
	 * @return the exponent; 15 for anything above 8 MiB
	 */
	public static int lengthExponent(int maxMessageSize) {
		int exponent = 0;
		while (exponent < MAX_LENGTH_EXPONENT && maxLength(exponent) < maxMessageSize) {
			exponent++;
		}
		return exponent;
	}

	/**
	 * The largest message a length exponent announces.
	 * @param exponent 0..15
	 * @return 2^(9+exponent) octets
	 * @throws IllegalArgumentException when the exponent is out of range
	 */
	public static int maxLength(int exponent) {
		if (exponent < 0 || exponent > MAX_LENGTH_EXPONENT) {
			throw new IllegalArgumentException("a RawSocket length exponent is in 0..15, got " + exponent);
		}
		return 1 << (9 + exponent);
	}

	/**
	 * A frame header.
	 * @param type {@link #MESSAGE}, {@link #PING} or {@link #PONG}
	 * @param length the payload length, 0..2^24-1
	 * @return the header as a big-endian int
	 * @throws IllegalArgumentException when the type or the length is out of range
	 */
	public static int frameHeader(int type, int length) {
		if (type < MESSAGE || type > PONG) {
			throw new IllegalArgumentException("a RawSocket frame type is 0, 1 or 2, got " + type);
		}
		if (length < 0 || length > MAX_FRAME_LENGTH) {
			throw new IllegalArgumentException(
					"a RawSocket frame carries 0.." + MAX_FRAME_LENGTH + " octets, got " + length);
		}
		return (type << 24) | length;
	}

	/**
	 * The frame type of a header.
	 * @param header the header as a big-endian int
	 * @return the low three bits of the first octet
	 */
	public static int frameType(int header) {
		return (header >>> 24) & 0x07;
	}

	/**
	 * The payload length of a header.
	 * @param header the header as a big-endian int
	 * @return the length in octets
	 */
	public static int frameLength(int header) {
		return header & MAX_FRAME_LENGTH;
	}

	/**
	 * Check a received frame header before its payload is read.
	 * @param header the header as a big-endian int
	 * @param maxLength the largest payload this side announced
	 * @throws WampProtocolException naming what is wrong: reserved bits set, an unknown
	 * frame type, or a payload longer than announced
	 */
	public static void checkFrameHeader(int header, int maxLength) {
		int first = header >>> 24;
		if ((first & 0xF8) != 0) {
			throw new WampProtocolException("a RawSocket frame header used reserved bits (first octet 0x"
					+ HexFormat.of().toHexDigits((byte) first) + ")");
		}
		int type = frameType(header);
		if (type > PONG) {
			throw new WampProtocolException("a RawSocket frame had the unknown type " + type);
		}
		int length = frameLength(header);
		if (length > maxLength) {
			throw new WampProtocolException(
					"a message of " + length + " bytes exceeds the announced maximum of " + maxLength + " bytes");
		}
	}

	/**
	 * What a handshake error code means.
	 * @param code the code from the high nibble of an error reply
	 * @return such as {@code serializer unsupported}
	 */
	public static String handshakeError(int code) {
		return (code >= 0 && code < HANDSHAKE_ERRORS.length) ? HANDSHAKE_ERRORS[code] : "error " + code;
	}

}
