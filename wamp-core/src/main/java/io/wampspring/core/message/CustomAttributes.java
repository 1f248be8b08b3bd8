package io.wampspring.core.message;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Implementation-specific keys of an {@code Options} or {@code Details} dictionary. The
 * WAMP specification (Basic Profile, "Extensibility") reserves keys matching
 * {@code [a-z][a-z0-9_]{2,}} for itself and lets implementations add keys matching
 * {@code _[a-z0-9_]{3,}}, which peers that do not know them ignore. A router passes such
 * attributes of a CALL or PUBLISH on to the INVOCATION or EVENT, so that, for example, a
 * trace context ({@code _traceparent}, {@code _tracestate}) travels from caller to
 * callee.
 */
public final class CustomAttributes {

	private static final int MIN_NAME_LENGTH = 3;

	private CustomAttributes() {
	}

	/**
	 * Whether a key is a custom attribute: an underscore, then at least three lower-case
	 * letters, digits or underscores.
	 * @param key the key
	 * @return true for a custom attribute
	 */
	public static boolean isCustom(String key) {
		int length = key.length();
		if (length < MIN_NAME_LENGTH + 1 || key.charAt(0) != '_') {
			return false;
		}
		for (int i = 1; i < length; i++) {
			if (!allowed(key.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The custom attribute that carries a header-like name: an underscore, the name in
	 * lower case with every character outside {@code [a-z0-9_]} replaced by an
	 * underscore, padded with underscores to the minimum length. {@code traceparent}
	 * becomes {@code _traceparent}, {@code X-B3-TraceId} {@code _x_b3_traceid},
	 * {@code b3} {@code _b3_}.
	 * @param name the name, such as a propagation header
	 * @return the attribute's key
	 */
	public static String key(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(lower.length() + MIN_NAME_LENGTH + 1).append('_');
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			key.append(allowed(c) ? c : '_');
		}
		while (key.length() < MIN_NAME_LENGTH + 1) {
			key.append('_');
		}
		return key.toString();
	}

	/**
	 * The custom attributes of a dictionary.
	 * @param dictionary an {@code Options} or {@code Details} dictionary
	 * @return its custom attributes: an empty immutable map when it has none, else a new
	 * mutable map
	 */
	public static Map<String, Object> of(Map<String, ?> dictionary) {
		Map<String, Object> custom = null;
		for (Map.Entry<String, ?> entry : dictionary.entrySet()) {
			if (entry.getValue() != null && isCustom(entry.getKey())) {
				if (custom == null) {
					custom = new HashMap<>(4);
				}
				custom.put(entry.getKey(), entry.getValue());
			}
		}
		return (custom != null) ? custom : Map.of();
	}

	private static boolean allowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
	}

}
