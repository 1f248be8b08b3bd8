package io.wampspring.boot.actuate.health;

/**
 * Router addresses as they may be shown.
 */
public final class WampUrls {

	private WampUrls() {
	}

	/**
	 * An address without its user information ({@code ws://user:password@host} shows as
	 * {@code ws://******@host}).
	 * @param url the address
	 * @return the address fit to show
	 */
	public static String withoutUserInfo(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return url;
		}
		int start = scheme + 3;
		int end = url.indexOf('/', start);
		int at = url.lastIndexOf('@', (end < 0) ? url.length() - 1 : end);
		if (at < start) {
			return url;
		}
		return url.substring(0, start) + "******" + url.substring(at);
	}

}
