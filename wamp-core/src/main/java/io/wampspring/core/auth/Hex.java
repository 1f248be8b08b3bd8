package io.wampspring.core.auth;

import java.util.HexFormat;

/**
 * Lower-case hexadecimal encoding, as WAMP-Cryptosign uses for keys, challenges and
 * signatures.
 */
public final class Hex {

	private static final HexFormat HEX = HexFormat.of();

	private Hex() {
	}

	/**
	 * Encode bytes as lower-case hexadecimal.
	 * @param bytes the bytes
	 * @return two hex digits per byte
	 */
	public static String encode(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	/**
	 * Decode hexadecimal (either case). Error messages name the position of a bad
	 * character but never the text itself, since the text may be a private key.
	 * @param what what the text is, for error messages (for example "cryptosign
	 * challenge")
	 * @param hex the hexadecimal text
	 * @return the decoded bytes
	 * @throws IllegalArgumentException if the text has an odd length or a non-hex
	 * character
	 */
	public static byte[] decode(String what, String hex) {
		int length = hex.length();
		if ((length & 1) != 0) {
			throw new IllegalArgumentException(
					"Invalid " + what + ": hex text must have an even number of digits, got " + length);
		}
		byte[] out = new byte[length / 2];
		for (int i = 0; i < out.length; i++) {
			int high = digit(what, hex, 2 * i);
			int low = digit(what, hex, 2 * i + 1);
			out[i] = (byte) ((high << 4) | low);
		}
		return out;
	}

	/**
	 * Decode hexadecimal that must encode exactly {@code expectedBytes} bytes.
	 * @param what what the text is, for error messages
	 * @param hex the hexadecimal text
	 * @param expectedBytes the required number of bytes
	 * @return the decoded bytes
	 * @throws IllegalArgumentException if the text is not hex or has the wrong length
	 */
	public static byte[] decode(String what, String hex, int expectedBytes) {
		if (hex.length() != expectedBytes * 2) {
			throw new IllegalArgumentException("Invalid " + what + ": expected " + expectedBytes + " bytes ("
					+ (expectedBytes * 2) + " hex digits), got " + hex.length() + " characters");
		}
		return decode(what, hex);
	}

	private static int digit(String what, String hex, int index) {
		char c = hex.charAt(index);
		// HexFormat's own parse errors quote the text, which may be a private key: check
		// first
		if (!HexFormat.isHexDigit(c)) {
			throw new IllegalArgumentException(
					"Invalid " + what + ": not a hex digit at position " + index + " (expected 0-9, a-f)");
		}
		return HexFormat.fromHexDigit(c);
	}

}
