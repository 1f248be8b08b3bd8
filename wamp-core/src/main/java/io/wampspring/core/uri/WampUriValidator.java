package io.wampspring.core.uri;

import java.util.regex.Pattern;

/**
 * The URI rules of the WAMP specification. Loose URIs allow any characters but
 * whitespace, {@code .} and {@code #} in a component; strict URIs allow only lower-case
 * letters, digits and underscores. Prefix and wildcard patterns may have empty components
 * ({@code com.example..update}, {@code com.example.}).
 */
public final class WampUriValidator {

	private static final Pattern LOOSE = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]+)$");

	private static final Pattern LOOSE_EMPTY = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$");

	private static final Pattern STRICT = Pattern.compile("^([0-9a-z_]+\\.)*([0-9a-z_]+)$");

	private static final Pattern STRICT_EMPTY = Pattern.compile("^(([0-9a-z_]+\\.)|\\.)*([0-9a-z_]+)?$");

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
		return (this.strict ? STRICT : LOOSE).matcher(uri).matches();
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
		return (this.strict ? STRICT_EMPTY : LOOSE_EMPTY).matcher(uri).matches();
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
