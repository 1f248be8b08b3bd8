package io.wampspring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Which router a peer uses when it names none.
 */
final class WampRouterNames {

	/** The router defined by connection details when none is configured. */
	static final String CONNECTION_DETAILS = "default";

	/**
	 * The router joined in process when none is configured and the embedded router runs.
	 */
	static final String EMBEDDED = "embedded";

	/** The peer created when none is configured. */
	static final String DEFAULT_PEER = "default";

	private WampRouterNames() {
	}

	/**
	 * The default router among the configured ones: {@code wamp.defaults.router}, or the
	 * only router.
	 * @param properties the properties
	 * @return the name, or null when there is no configured default
	 */
	static @Nullable String defaultRouter(WampProperties properties) {
		String configured = properties.getDefaults().getRouter();
		if (configured != null) {
			return configured;
		}
		if (properties.getRouters().size() == 1) {
			return properties.getRouters().keySet().iterator().next();
		}
		return null;
	}

}
