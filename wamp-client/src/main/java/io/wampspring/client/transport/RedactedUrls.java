package io.wampspring.client.transport;

import java.net.URI;

/**
 * Router URLs as they may appear in logs, state reasons, exception messages and Actuator
 * output: the user-info of a URL such as {@code ws://user:secret@host/ws} is masked
 * ({@code ws://user:***@host/ws}; a user-info without a colon may be a token and is
 * masked whole). Everything else is kept, so the address stays recognizable.
 */
public final class RedactedUrls {

	private static final String MASK = "***";

	private RedactedUrls() {
	}

	/**
	 * Redact a URL.
	 * @param uri the URL
	 * @return the URL with its user-info masked
	 */
	public static String redact(URI uri) {
		String raw = uri.getRawUserInfo();
		if (raw == null) {
			return uri.toString();
		}
		return redact(uri.toString());
	}

	/**
	 * Redact a URL given as text, even one that does not parse as a URI.
	 * @param url the URL
	 * @return the URL with the user-info before its host masked
	 */
	public static String redact(String url) {
		int scheme = url.indexOf("://");
		int start = (scheme >= 0) ? scheme + 3 : 0;
		int end = url.length();
		for (int i = start; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		int at = url.lastIndexOf('@', end - 1);
		if (at < start) {
			return url;
		}
		String userInfo = url.substring(start, at);
		int colon = userInfo.indexOf(':');
		String masked = (colon >= 0) ? userInfo.substring(0, colon) + ":" + MASK : MASK;
		return url.substring(0, start) + masked + url.substring(at);
	}

}
