package io.wampspring.core.uri;

/**
 * The URI rules of the WAMP specification. Loose URIs allow any characters but
 * whitespace, {@code .} and {@code #} in a component; strict URIs allow only lower-case
 * letters, digits and underscores. Prefix and wildcard patterns may have empty components
 * ({@code com.example..update}, {@code com.example.}).
 */
public final class WampUriValidator {

	private final boolean strict;

	/** The loose rules, which routers accept by default. */
	public static final WampUriValidator LOOSE_RULES = new WampUriValidator(false);

	/** The strict rules. */
	public static final WampUriValidator STRICT_RULES = new WampUriValidator(true);

	private WampUriValidator(boolean strict) {
		this.strict = strict;
	}

	/**
	 * Whether these are the strict rules.
	 * @return true for the strict rules
	 */
	public boolean isStrict() {
		return this.strict;
	}

	/**
	 * Whether a concrete URI (a procedure called, a topic published to, an error) is
	 * valid.
	 * @param uri the URI
	 * @return true when valid
	 */
	public boolean isValid(String uri) {
		// a scan, not a regular expression: every CALL, PUBLISH and EVENT has its URI
		// checked, and a regex match cost a tenth of the router's time per routed call
		int length = uri.length();
		boolean emptyComponent = true;
		for (int i = 0; i < length; i++) {
			char c = uri.charAt(i);
			if (c == '.') {
				if (emptyComponent) {
					return false;
				}
				emptyComponent = true;
			}
			else if (isComponentChar(c)) {
				emptyComponent = false;
			}
			else {
				return false;
			}
		}
		return !emptyComponent;
	}

	/**
	 * Whether a registration or subscription URI is valid for its match policy: exact
	 * URIs follow {@link #isValid(String)}; prefix and wildcard patterns may have empty
	 * components.
	 * @param uri the URI or pattern
	 * @param match the match policy
	 * @return true when valid
	 */
	public boolean isValid(String uri, MatchPolicy match) {
		if (match == MatchPolicy.EXACT) {
			return isValid(uri);
		}
		if (match == MatchPolicy.PREFIX && uri.isEmpty()) {
			return false;
		}
		// any component may be empty
		for (int i = 0; i < uri.length(); i++) {
			char c = uri.charAt(i);
			if (c != '.' && !isComponentChar(c)) {
				return false;
			}
		}
		return true;
	}

	// strict: lower-case letters, digits and '_'; loose: anything but whitespace (as a
	// regular expression's \s: space, tab, line feed, vertical tab, form feed, carriage
	// return), '.' and '#'
	private boolean isComponentChar(char c) {
		if (this.strict) {
			return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
		}
		return c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r' && c != '#';
	}

	/**
	 * Check a concrete URI.
	 * @param uri the URI
	 * @param what what the URI is, for the error message ("procedure", "topic")
	 * @return the URI
	 * @throws IllegalArgumentException naming the URI and the rule it broke
	 */
	public String check(String uri, String what) {
		if (!isValid(uri)) {
			throw new IllegalArgumentException(describe(uri, what, MatchPolicy.EXACT));
		}
		return uri;
	}

	/**
	 * Check a URI or pattern for a match policy.
	 * @param uri the URI or pattern
	 * @param match the match policy
	 * @param what what the URI is, for the error message
	 * @return the URI
	 * @throws IllegalArgumentException naming the URI and the rule it broke
	 */
	public String check(String uri, MatchPolicy match, String what) {
		if (!isValid(uri, match)) {
			throw new IllegalArgumentException(describe(uri, what, match));
		}
		return uri;
	}

	private String describe(String uri, String what, MatchPolicy match) {
		String rule = this.strict ? "components of lower-case letters, digits and '_'"
				: "components without whitespace, '.' or '#'";
		String empties = (match == MatchPolicy.EXACT) ? ", none of them empty"
				: " (empty components are allowed in a " + match.wireName() + " pattern)";
		return "invalid " + what + " URI '" + uri + "': a WAMP URI is dot-separated " + rule + empties;
	}

}
