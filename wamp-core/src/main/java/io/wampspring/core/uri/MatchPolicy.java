package io.wampspring.core.uri;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a registration or subscription URI is matched against called procedures and
 * published topics.
 */
public enum MatchPolicy {

	/** The URI must be equal. */
	EXACT("exact"),

	/** The URI must start with the registered prefix. */
	PREFIX("prefix"),

	/** Components of the URI must equal the pattern's non-empty components. */
	WILDCARD("wildcard");

	private final String wireName;

	MatchPolicy(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name of the policy in the {@code match} option.
	 * @return {@code exact}, {@code prefix} or {@code wildcard}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Read the {@code match} option.
	 * @param value the option value, or null when absent
	 * @return the policy; {@link #EXACT} when absent
	 * @throws IllegalArgumentException for a value that is not a known policy
	 */
	public static MatchPolicy fromWire(@Nullable Object value) {
		if (value == null) {
			return EXACT;
		}
		if (value instanceof String text) {
			switch (text.toLowerCase(Locale.ROOT)) {
				case "exact":
					return EXACT;
				case "prefix":
					return PREFIX;
				case "wildcard":
					return WILDCARD;
				default:
					break;
			}
		}
		throw new IllegalArgumentException("'match' must be one of exact, prefix, wildcard, got '" + value + "'");
	}

	/**
	 * Whether a concrete URI matches a pattern under this policy.
	 * @param pattern the registered or subscribed URI or pattern
	 * @param uri the concrete URI that was called or published to
	 * @return true when the URI matches
	 */
	public boolean matches(String pattern, String uri) {
		return switch (this) {
			case EXACT -> pattern.equals(uri);
			case PREFIX -> uri.startsWith(pattern);
			case WILDCARD -> wildcardMatches(pattern, uri);
		};
	}

	private static boolean wildcardMatches(String pattern, String uri) {
		// Compare component by component without allocating: the number of components
		// must be equal and every non-empty pattern component must equal the URI's.
		int p = 0;
		int u = 0;
		int pLen = pattern.length();
		int uLen = uri.length();
		while (true) {
			int pEnd = pattern.indexOf('.', p);
			int uEnd = uri.indexOf('.', u);
			if (pEnd < 0) {
				pEnd = pLen;
			}
			if (uEnd < 0) {
				uEnd = uLen;
			}
			int pPart = pEnd - p;
			if (pPart > 0 && (pPart != uEnd - u || !pattern.regionMatches(p, uri, u, pPart))) {
				return false;
			}
			boolean pDone = pEnd == pLen;
			boolean uDone = uEnd == uLen;
			if (pDone || uDone) {
				return pDone && uDone;
			}
			p = pEnd + 1;
			u = uEnd + 1;
		}
	}

}
