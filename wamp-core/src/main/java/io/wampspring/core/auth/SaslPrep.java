package io.wampspring.core.auth;

import java.text.Normalizer;

/**
 * The SASLprep profile (RFC 4013) of stringprep (RFC 3454), for WAMP-SCRAM user names and
 * passwords: non-ASCII spaces become U+0020, "commonly mapped to nothing" characters are
 * removed, the result is NFKC-normalized, and prohibited characters (controls, private
 * use, non-characters, surrogates, tagging and inappropriate characters) are rejected.
 * Not checked: the bidirectional rules and unassigned code points (stored strings), which
 * only matter for exotic scripts. Printable ASCII passes unchanged, without allocation.
 */
final class SaslPrep {

	private SaslPrep() {
	}

	static String prepare(String what, String text) {
		if (isPrintableAscii(text)) {
			return text;
		}
		StringBuilder mapped = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			if (isNonAsciiSpace(cp)) {
				mapped.append(' ');
			}
			else if (!isMappedToNothing(cp)) {
				mapped.appendCodePoint(cp);
			}
		});
		String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
		normalized.codePoints().forEach((cp) -> {
			if (isProhibited(cp)) {
				// Never show the text or the character: it may be part of a password.
				throw new IllegalArgumentException("Invalid " + what + ": contains a character SASLprep prohibits"
						+ " (a control, private-use, non-character or surrogate code point)");
			}
		});
		return normalized;
	}

	private static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	// RFC 3454 table C.1.2
	private static boolean isNonAsciiSpace(int cp) {
		return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F
				|| cp == 0x3000;
	}

	// RFC 3454 table B.1
	private static boolean isMappedToNothing(int cp) {
		return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
				|| (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
	}

	// RFC 3454 tables C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9 (C.1.2 is mapped
	// above)
	private static boolean isProhibited(int cp) {
		return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x06DD || cp == 0x070F || cp == 0x180E
				|| (cp >= 0x200C && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2063)
				|| (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFD)
				|| (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE000 && cp <= 0xF8FF)
				|| (cp >= 0xF0000 && cp <= 0xFFFFD) || (cp >= 0x100000 && cp <= 0x10FFFD)
				|| (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xD800 && cp <= 0xDFFF)
				|| (cp >= 0x2FF0 && cp <= 0x2FFB) || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F) || cp == 0x0340
				|| cp == 0x0341;
	}

}
