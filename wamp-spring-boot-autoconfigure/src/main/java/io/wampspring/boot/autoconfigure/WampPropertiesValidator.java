package io.wampspring.boot.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.wampspring.client.transport.WampTransports;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.uri.WampUriValidator;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code wamp.*} before anything connects, so that a mistake stops the start-up
 * with a {@link WampConfigurationException} naming the property and the fix, rather than
 * with a session that never joins. Never puts a secret in a message.
 */
final class WampPropertiesValidator {

	/** The authentication methods a router entry may name. */
	static final List<String> AUTH_METHODS = List.of("anonymous", "ticket", "wampcra", "cryptosign", "scram",
			"wamp-scram");

	/** The serializers a router entry may name. */
	static final List<String> SERIALIZERS = List.of("json", "msgpack", "cbor");

	private static final Set<String> SECRET_METHODS = Set.of("ticket", "wampcra", "scram", "wamp-scram");

	private static final Set<String> SCHEMES = Set.of("ws", "wss", "tcp", "tcps", "unix");

	private static final Set<String> SECURE_SCHEMES = Set.of("wss", "tcps");

	private WampPropertiesValidator() {
	}

	/**
	 * Check the properties.
	 * @param properties the properties
	 * @param routers the routers in effect (configured, or implicit)
	 * @param defaultRouter the default router, or null
	 * @param embeddedAvailable whether an embedded router runs in this context
	 * @param detailsRouter the router whose address comes from connection details, or
	 * null
	 */
	static void validate(WampProperties properties, Map<String, WampProperties.Router> routers,
			@Nullable String defaultRouter, boolean embeddedAvailable, @Nullable String detailsRouter) {
		String configuredDefault = properties.getDefaults().getRouter();
		if (configuredDefault != null && !routers.containsKey(configuredDefault)) {
			throw new WampConfigurationException("wamp.defaults.router",
					"there is no router named '" + configuredDefault + "' (routers: " + routers.keySet() + ")",
					"Set it to one of " + routers.keySet() + ", or add wamp.routers." + configuredDefault + ".url");
		}
		routers.forEach((name, router) -> validateRouter(name, router, embeddedAvailable, name.equals(detailsRouter)));
		properties.getPeers().forEach((name, peer) -> validatePeer(name, peer, routers, defaultRouter));
	}

	private static void validateRouter(String name, WampProperties.Router router, boolean embeddedAvailable,
			boolean fromDetails) {
		String prefix = "wamp.routers." + name + ".";
		String url = router.getUrl();
		if (fromDetails) {
			// url and realm come from the connection details
		}
		else if (url == null) {
			if (!embeddedAvailable) {
				throw new WampConfigurationException(prefix + "url",
						"the router has no url and no embedded router runs in this application",
						"Set the router's address, such as ws://localhost:8080/ws, or enable the embedded router with "
								+ "wamp.embedded-router.enabled=true (it needs io.wampspring:wamp-router)");
			}
		}
		else {
			validateUrl(prefix + "url", url);
			if (router.getRealm() == null) {
				throw new WampConfigurationException(prefix + "realm", "the router has no realm",
						"Set the realm to join, such as " + prefix + "realm=realm1");
			}
			String scheme = scheme(url);
			if (router.getSsl().getBundle() != null && !SECURE_SCHEMES.contains(scheme)) {
				throw new WampConfigurationException(prefix + "ssl.bundle",
						"an SSL bundle is set but the url '" + url + "' does not use TLS",
						"Use a wss:// or tcps:// url, or remove " + prefix + "ssl.bundle");
			}
		}
		String realm = router.getRealm();
		if (realm != null && !WampUriValidator.LOOSE_RULES.isValid(realm)) {
			throw new WampConfigurationException(prefix + "realm", "'" + realm + "' is not a valid WAMP URI",
					"Use a realm name such as realm1 or com.example.realm (no spaces, no '#')");
		}
		validateSerializers(prefix + "serializers", router.getSerializers());
		if (router.getConnectTimeout().isNegative() || router.getConnectTimeout().isZero()) {
			throw new WampConfigurationException(prefix + "connect-timeout",
					"must be positive, got " + router.getConnectTimeout(), "Set a duration such as 10s");
		}
		if (router.getJoinTimeout().isNegative() || router.getJoinTimeout().isZero()) {
			throw new WampConfigurationException(prefix + "join-timeout",
					"must be positive, got " + router.getJoinTimeout(),
					"Set how long the router may take from the open connection to WELCOME, such as 10s");
		}
		validateLimits(prefix + "limits.", router.getLimits());
		long frame = router.getWebsocket().getMaxFrameSize().toBytes();
		if (frame < 1024 || frame > Integer.MAX_VALUE) {
			throw new WampConfigurationException(prefix + "websocket.max-frame-size",
					"must be between 1KB and 2GB, got " + router.getWebsocket().getMaxFrameSize(),
					"Set a size such as 16MB");
		}
		if (router.getWebsocket().getPingInterval().isNegative()) {
			throw new WampConfigurationException(prefix + "websocket.ping-interval", "must not be negative",
					"Set a duration such as 30s, or 0 to disable pings");
		}
		validateReconnect(prefix + "reconnect.", router.getReconnect());
		validateAuth(prefix + "auth.", router.getAuth());
	}

	private static void validateLimits(String prefix, WampProperties.SessionLimits limits) {
		atLeastOne(prefix + "max-pending-calls", limits.getMaxPendingCalls(), "such as 10000");
		atLeastOne(prefix + "progressive-buffer", limits.getProgressiveBuffer(), "such as 256");
		atLeastOne(prefix + "inbound-high-water-mark", limits.getInboundHighWaterMark(), "such as 1024");
		atLeastOne(prefix + "event-buffer", limits.getEventBuffer(), "such as 1024");
		int high = limits.getInboundHighWaterMark();
		int low = limits.getInboundLowWaterMark();
		if (low < 0 || low >= high) {
			throw new WampConfigurationException(prefix + "inbound-low-water-mark",
					"must be at least 0 and below inbound-high-water-mark (" + high + "), got " + low,
					"Set it below " + prefix + "inbound-high-water-mark, such as half of it (" + (high / 2) + ")");
		}
		if (limits.getMaxQueuedInvocations() < high) {
			throw new WampConfigurationException(prefix + "max-queued-invocations",
					"must be at least inbound-high-water-mark (" + high + "), got " + limits.getMaxQueuedInvocations(),
					"Raise " + prefix + "max-queued-invocations with the high-water mark, such as to twice it ("
							+ (2L * high) + ")");
		}
	}

	private static void atLeastOne(String property, int value, String example) {
		if (value < 1) {
			throw new WampConfigurationException(property, "must be at least 1, got " + value,
					"Set a whole number " + example);
		}
	}

	private static String scheme(String url) {
		int colon = url.indexOf(':');
		return (colon > 0) ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
	}

	private static void validateUrl(String property, String url) {
		String scheme = scheme(url);
		if (!SCHEMES.contains(scheme)) {
			throw new WampConfigurationException(property,
					"'" + url + "' is not a WAMP router address (scheme '" + scheme + "')",
					"Use ws:// or wss:// (WebSocket), tcp:// or tcps:// (RawSocket), or unix:///path, "
							+ "such as ws://localhost:8080/ws");
		}
		try {
			URI.create(url);
			WampTransports.forUrl(url);
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(property,
					"'" + url + "' is not a valid router address: " + ex.getMessage(),
					"Fix the address, such as ws://localhost:8080/ws or tcp://localhost:8081", ex);
		}
	}

	private static void validateSerializers(String property, List<String> serializers) {
		if (serializers.isEmpty()) {
			throw new WampConfigurationException(property, "no serializer is configured",
					"Name one or more of " + SERIALIZERS + ", in order of preference");
		}
		for (String serializer : serializers) {
			if (!SERIALIZERS.contains(serializer.trim().toLowerCase(Locale.ROOT))) {
				throw new WampConfigurationException(property, "unknown serializer '" + serializer + "'",
						"Use " + SERIALIZERS + ", in order of preference");
			}
		}
	}

	private static void validateReconnect(String prefix, WampProperties.Reconnect reconnect) {
		if (reconnect.getMaxRetries() < -1) {
			throw new WampConfigurationException(prefix + "max-retries",
					"must be -1 or more, got " + reconnect.getMaxRetries(),
					"Set a number of retries, or -1 to retry forever");
		}
		if (reconnect.getBackoffMin().isNegative()) {
			throw new WampConfigurationException(prefix + "backoff-min", "must not be negative",
					"Set a duration such as 500ms");
		}
		if (reconnect.getBackoffMin().compareTo(reconnect.getBackoffMax()) > 0) {
			throw new WampConfigurationException(prefix + "backoff-max", "is shorter than backoff-min ("
					+ reconnect.getBackoffMax() + " < " + reconnect.getBackoffMin() + ")",
					"Set backoff-max to at least backoff-min");
		}
	}

	private static void validateAuth(String prefix, WampProperties.Auth auth) {
		if (auth.getMethod().isEmpty()) {
			throw new WampConfigurationException(prefix + "method", "no authentication method is configured",
					"Name one or more of " + AUTH_METHODS + ", in order of preference");
		}
		for (String configured : auth.getMethod()) {
			String method = configured.toLowerCase(Locale.ROOT);
			if (!AUTH_METHODS.contains(method)) {
				throw new WampConfigurationException(prefix + "method",
						"unknown authentication method '" + configured + "'", "Use " + AUTH_METHODS);
			}
			if (!method.equals("anonymous") && auth.getAuthid() == null) {
				throw new WampConfigurationException(prefix + "authid", "the '" + method + "' method needs an authid",
						"Set " + prefix + "authid to the user name");
			}
			if (SECRET_METHODS.contains(method) && (auth.getSecret() == null || auth.getSecret().isEmpty())) {
				throw new WampConfigurationException(prefix + "secret", "the '" + method + "' method needs a secret",
						"Set " + prefix + "secret (or its alias " + prefix
								+ "password), for example from an environment variable: ${WAMP_SECRET}");
			}
			if (SECRET_METHODS.contains(method)) {
				WampConfigurationException.rejectUnresolvedPlaceholder(prefix + "secret", auth.getSecret());
			}
			if (method.equals("cryptosign")) {
				validateCryptosignKey(prefix, auth);
			}
		}
	}

	private static void validateCryptosignKey(String prefix, WampProperties.Auth auth) {
		String hex = auth.getPrivateKey();
		try {
			if (hex != null) {
				CryptosignKey.fromHex(hex);
			}
			else if (auth.getPrivateKeyFile() != null) {
				CryptosignKey.fromFile(auth.getPrivateKeyFile());
			}
			else {
				throw new WampConfigurationException(prefix + "private-key",
						"the 'cryptosign' method needs a private key",
						"Set " + prefix + "private-key to the hex seed (64 hex digits, or 128 with the public key), or "
								+ prefix + "private-key-file to a key file");
			}
		}
		catch (IllegalArgumentException ex) {
			// the library's message describes the shape of the key, never its digits
			throw new WampConfigurationException(prefix + ((hex != null) ? "private-key" : "private-key-file"),
					"malformed cryptosign private key: " + ex.getMessage(),
					"Give the Ed25519 seed as 64 hex digits, or 128 hex digits of seed and public key");
		}
		catch (IOException ex) {
			throw new WampConfigurationException(prefix + "private-key-file",
					"cannot read the cryptosign private key file '" + auth.getPrivateKeyFile() + "': "
							+ ex.getMessage(),
					"Point it at a readable key file");
		}
	}

	private static void validatePeer(String name, WampProperties.Peer peer, Map<String, WampProperties.Router> routers,
			@Nullable String defaultRouter) {
		String prefix = "wamp.peers." + name + ".";
		String router = peer.getRouter();
		if (router != null && !routers.containsKey(router)) {
			throw new WampConfigurationException(prefix + "router",
					"there is no router named '" + router + "' (routers: " + routers.keySet() + ")",
					"Set it to one of " + routers.keySet() + ", or add wamp.routers." + router + ".url");
		}
		if (router == null && defaultRouter == null) {
			if (routers.isEmpty()) {
				throw new WampConfigurationException(prefix + "router", "no router is configured",
						"Add a router with wamp.routers.<name>.url and .realm, or enable the embedded router with "
								+ "wamp.embedded-router.enabled=true");
			}
			throw new WampConfigurationException(prefix + "router",
					"the peer names no router and several are configured " + routers.keySet(),
					"Set " + prefix + "router, or wamp.defaults.router");
		}
		if (peer.getPoolSize() < 1) {
			throw new WampConfigurationException(prefix + "pool-size", "must be at least 1, got " + peer.getPoolSize(),
					"Set the number of sessions the peer opens, such as 1");
		}
		peer.getRoles()
			.getCallee()
			.getRegistrations()
			.forEach((uri, handler) -> validateHandler(prefix + "roles.callee.registrations[" + uri + "].handler",
					handler));
		peer.getRoles()
			.getSubscriber()
			.getSubscriptions()
			.forEach((uri, handler) -> validateHandler(prefix + "roles.subscriber.subscriptions[" + uri + "].handler",
					handler));
	}

	private static void validateHandler(String property, WampProperties.Handler handler) {
		String value = handler.getHandler();
		int hash = (value != null) ? value.indexOf('#') : -1;
		if (value == null || hash <= 0 || hash == value.length() - 1 || value.indexOf('#', hash + 1) >= 0) {
			throw new WampConfigurationException(property,
					(value == null) ? "no handler is set" : "'" + value + "' is not a bean method",
					"Write the handler as beanName#methodName, such as exampleHandlers#echo; write a URI with dots in "
							+ "brackets, such as registrations[com.example.echo] (in YAML: \"[com.example.echo]\")");
		}
	}

}
