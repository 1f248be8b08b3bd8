package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.RevocationPolicy;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.link.LocalAcceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/**
 * Builds the wamp-client {@link ClientOptions} of every router from {@code wamp.*}: the
 * transport from the URL (serializers, connect timeout, WebSocket settings, TLS from a
 * Spring Boot SSL bundle), the realm, the authenticators, reconnect settings, the
 * {@link ClientLimits} (join timeout and {@code limits.*} of the router, default call
 * timeout from {@code wamp.defaults.caller.options.timeout}), role features and how
 * handler exceptions are answered ({@code wamp.defaults.callee.error-uri} and
 * {@code include-exception-message}, the same switches as the Spring layer's), then the
 * {@link WampClientOptionsCustomizer}s. A router without a URL joins the embedded router
 * in process. The properties are validated when the factory is created.
 */
public class WampClientOptionsFactory {

	private final WampProperties properties;

	private final WampConnectionDetails connectionDetails;

	private final @Nullable SslBundles sslBundles;

	private final @Nullable LocalAcceptor embeddedRouter;

	private final WampAuthenticatorFactory authenticatorFactory;

	private final List<WampClientOptionsCustomizer> customizers;

	private final Map<String, WampProperties.Router> routers;

	private final @Nullable String defaultRouter;

	private final @Nullable String detailsRouter;

	private final Duration defaultCallTimeout;

	private final String embeddedRealm;

	/**
	 * Create a factory and validate the properties.
	 * @param properties the properties
	 * @param connectionDetails the default router's connection details
	 * @param sslBundles the SSL bundles, or null when none are available
	 * @param embeddedRouter the embedded router, or null when it does not run
	 * @param embeddedRouterProperties the embedded router's properties, or null when it
	 * does not run
	 * @param authenticatorFactory maps authentication methods to authenticators
	 * @param customizers applied in order to every router's options
	 * @throws WampConfigurationException when a property is missing or wrong
	 */
	public WampClientOptionsFactory(WampProperties properties, WampConnectionDetails connectionDetails,
			@Nullable SslBundles sslBundles, @Nullable LocalAcceptor embeddedRouter,
			@Nullable WampRouterProperties embeddedRouterProperties, WampAuthenticatorFactory authenticatorFactory,
			List<WampClientOptionsCustomizer> customizers) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.sslBundles = sslBundles;
		this.embeddedRouter = embeddedRouter;
		this.embeddedRealm = embeddedRealm(embeddedRouterProperties);
		this.authenticatorFactory = authenticatorFactory;
		this.customizers = List.copyOf(customizers);
		boolean external = !(connectionDetails instanceof PropertiesWampConnectionDetails);
		Map<String, WampProperties.Router> effective = new LinkedHashMap<>(properties.getRouters());
		if (effective.isEmpty() && external) {
			effective.put(WampRouterNames.CONNECTION_DETAILS, new WampProperties.Router());
		}
		else if (effective.isEmpty() && embeddedRouter != null) {
			effective.put(WampRouterNames.EMBEDDED, new WampProperties.Router());
		}
		this.routers = Collections.unmodifiableMap(effective);
		String configuredDefault = WampRouterNames.defaultRouter(properties);
		this.defaultRouter = (configuredDefault != null) ? configuredDefault
				: (effective.size() == 1) ? effective.keySet().iterator().next() : null;
		this.detailsRouter = external ? this.defaultRouter : null;
		WampPropertiesValidator.validate(properties, this.routers, this.defaultRouter, embeddedRouter != null,
				this.detailsRouter);
		this.defaultCallTimeout = WampMessageOptions.callTimeout(properties.getDefaults().getCaller().getOptions());
	}

	/**
	 * The routers in effect: the configured ones, or one implicit router ({@code default}
	 * from connection details, or {@code embedded} for the embedded router).
	 * @return the router names
	 */
	public Set<String> routerNames() {
		return this.routers.keySet();
	}

	/**
	 * The router of peers that name none.
	 * @return the router name, or null when there is no default router
	 */
	public @Nullable String defaultRouterName() {
		return this.defaultRouter;
	}

	/**
	 * The settings of a router.
	 * @param routerName the router name
	 * @return the settings
	 * @throws IllegalArgumentException when there is no such router
	 */
	public WampProperties.Router router(String routerName) {
		WampProperties.Router router = this.routers.get(routerName);
		if (router == null) {
			throw new IllegalArgumentException(
					"no WAMP router named '" + routerName + "' (routers: " + this.routers.keySet() + ")");
		}
		return router;
	}

	/**
	 * Build the options of a router's sessions.
	 * @param routerName the router name
	 * @return the options
	 * @throws WampConfigurationException when the router's settings cannot be applied
	 */
	public ClientOptions create(String routerName) {
		WampProperties.Router router = router(routerName);
		String prefix = "wamp.routers." + routerName + ".";
		boolean fromDetails = routerName.equals(this.detailsRouter);
		String url = fromDetails ? this.connectionDetails.getUrl() : router.getUrl();
		String realm = fromDetails ? this.connectionDetails.getRealm() : router.getRealm();
		String authid = router.getAuth().getAuthid();
		String secret = router.getAuth().getSecret();
		if (fromDetails && this.connectionDetails.getAuthid() != null) {
			authid = this.connectionDetails.getAuthid();
		}
		if (fromDetails && this.connectionDetails.getSecret() != null) {
			secret = this.connectionDetails.getSecret();
		}
		WampTransport transport = transport(routerName, router, url);
		if (realm == null) {
			realm = this.embeddedRealm;
		}
		ClientOptions.Builder builder;
		try {
			builder = ClientOptions.builder(transport, realm);
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(prefix + "realm", ex.getMessage(), "Set a valid realm name", ex);
		}
		builder.authid(authid);
		builder.authrole(router.getAuth().getAuthrole());
		builder.reconnect(reconnect(router.getReconnect()));
		builder.limits(limits(prefix, router, this.defaultCallTimeout));
		applyCallee(builder, this.properties.getDefaults().getCallee());
		WampCredentials credentials = new WampCredentials(routerName, authid, secret, router.getAuth().getPrivateKey(),
				router.getAuth().getPrivateKeyFile());
		for (String method : router.getAuth().getMethod()) {
			String normalized = method.toLowerCase(Locale.ROOT);
			try {
				builder.authenticator(
						channelBound(prefix, router, this.authenticatorFactory.create(normalized, credentials)));
			}
			catch (UnsupportedOperationException ex) {
				throw new WampConfigurationException(prefix + "auth.method", ex.getMessage(),
						"Use one of anonymous, ticket, wampcra, cryptosign, scram, wamp-scram, or declare a WampAuthenticatorFactory "
								+ "bean that supports '" + normalized + "'",
						ex);
			}
			catch (IllegalArgumentException ex) {
				throw new WampConfigurationException(prefix + "auth.method", ex.getMessage(),
						"List each authentication method once", ex);
			}
		}
		builder.onRegistrationRevoked((this.properties.getDefaults()
			.getCallee()
			.getOnRevoked() == WampProperties.CalleeDefaults.OnRevoked.REGISTER_AGAIN) ? RevocationPolicy.AGAIN
					: RevocationPolicy.KEEP_REVOKED);
		builder.onSubscriptionRevoked((this.properties.getDefaults()
			.getSubscriber()
			.getOnRevoked() == WampProperties.SubscriberDefaults.OnRevoked.SUBSCRIBE_AGAIN) ? RevocationPolicy.AGAIN
					: RevocationPolicy.KEEP_REVOKED);
		applyFeatures(builder, "caller", this.properties.getDefaults().getCaller());
		applyFeatures(builder, "callee", this.properties.getDefaults().getCallee());
		applyFeatures(builder, "publisher", this.properties.getDefaults().getPublisher());
		applyFeatures(builder, "subscriber", this.properties.getDefaults().getSubscriber());
		for (WampClientOptionsCustomizer customizer : this.customizers) {
			customizer.customize(routerName, builder);
		}
		return builder.build();
	}

	// cryptosign's channel binding comes from its own property, whichever factory made it
	private static ClientAuthenticator channelBound(String prefix, WampProperties.Router router,
			ClientAuthenticator authenticator) {
		String binding = router.getAuth().getChannelBinding();
		if (binding == null || !(authenticator instanceof CryptosignAuthenticator cryptosign)) {
			return authenticator;
		}
		try {
			return cryptosign.withChannelBinding(binding);
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(prefix + "auth.channel-binding", ex.getMessage(),
					"Use tls-unique (TLS 1.2, with ssl.provider=bouncy-castle) or tls-exporter (TLS 1.3, Java 25 or later)",
					ex);
		}
	}

	// the first realm of the embedded router, where a router entry without realm joins
	private static String embeddedRealm(@Nullable WampRouterProperties properties) {
		Map<String, WampRouterProperties.Realm> realms = (properties != null) ? properties.getRealms() : Map.of();
		return realms.isEmpty() ? "realm1" : realms.keySet().iterator().next();
	}

	private WampTransport transport(String routerName, WampProperties.Router router, @Nullable String url) {
		String prefix = "wamp.routers." + routerName + ".";
		if (url == null) {
			LocalAcceptor acceptor = this.embeddedRouter;
			if (acceptor == null) {
				throw new WampConfigurationException(prefix + "url",
						"the router has no url and no embedded router runs",
						"Set the router's address, or enable the embedded router with wamp.embedded-router.enabled=true");
			}
			return new InProcessTransport(acceptor, "embedded");
		}
		List<WampCodec> codecs = new ArrayList<>();
		for (String name : router.getSerializers()) {
			try {
				codecs.add(WampCodecs.byName(name));
			}
			catch (IllegalArgumentException ex) {
				throw new WampConfigurationException(prefix + "serializers", "unknown serializer '" + name + "'",
						"Use " + WampPropertiesValidator.SERIALIZERS, ex);
			}
		}
		try {
			String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
			SslContext ssl = sslContext(prefix, router);
			if (scheme.equals("ws") || scheme.equals("wss")) {
				WampProperties.WebSocket websocket = router.getWebsocket();
				return WebSocketTransport.builder(url)
					.serializers(codecs)
					.connectTimeout(router.getConnectTimeout())
					.pingInterval(websocket.getPingInterval())
					.maxFrameSize((int) websocket.getMaxFrameSize().toBytes())
					.headers(websocket.getHeaders())
					.sslContext(ssl)
					.tlsProvider(router.getSsl().getProvider())
					.build();
			}
			WampProperties.RawSocket rawSocket = router.getRawSocket();
			return RawSocketTransport.builder(url)
				.serializers(codecs.toArray(new WampCodec[0]))
				.connectTimeout(router.getConnectTimeout())
				.pingInterval(rawSocket.getPingInterval())
				.maxMessageSize(rawSocketMaxMessageSize(prefix, rawSocket))
				.sslContext(ssl)
				.tlsProvider(router.getSsl().getProvider())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(prefix + "url",
					"'" + url + "' is not a valid router address: " + ex.getMessage(),
					"Use ws://, wss://, tcp://, tcps:// or unix:///path", ex);
		}
		catch (IllegalStateException ex) {
			throw new WampConfigurationException(prefix + "ssl.provider", ex.getMessage(),
					"Add org.bouncycastle:bctls-jdk18on (same version as bcprov-jdk18on), or set ssl.provider=jdk", ex);
		}
	}

	private static int rawSocketMaxMessageSize(String prefix, WampProperties.RawSocket rawSocket) {
		long bytes = rawSocket.getMaxMessageSize().toBytes();
		if (bytes < 1 || bytes > (1 << 24)) {
			throw new WampConfigurationException(prefix + "raw-socket.max-message-size",
					"must be between 1B and 16MB (the RawSocket handshake's limit), got "
							+ rawSocket.getMaxMessageSize(),
					"Set a size such as 1MB, or leave the property out for 16MB");
		}
		return (int) bytes;
	}

	private @Nullable SslContext sslContext(String prefix, WampProperties.Router router) {
		String bundleName = router.getSsl().getBundle();
		if (bundleName == null) {
			return null;
		}
		SslBundles bundles = this.sslBundles;
		if (bundles == null) {
			throw new WampConfigurationException(prefix + "ssl.bundle", "no SSL bundles are available",
					"Configure the bundle under spring.ssl.bundle");
		}
		try {
			return WampSslContexts.forClient(bundles.getBundle(bundleName), router.getSsl().getProvider());
		}
		catch (NoSuchSslBundleException ex) {
			throw new WampConfigurationException(prefix + "ssl.bundle",
					"there is no SSL bundle named '" + bundleName + "'", "Configure it under spring.ssl.bundle.jks."
							+ bundleName + " or spring.ssl.bundle.pem." + bundleName + ", or fix the name",
					ex);
		}
		catch (SSLException ex) {
			throw new WampConfigurationException(prefix + "ssl.bundle",
					"the SSL bundle '" + bundleName + "' cannot be used for TLS: " + ex.getMessage(),
					"Check the bundle's key and trust material", ex);
		}
	}

	/**
	 * The client limits of a router.
	 * @param prefix the router's property prefix
	 * @param router the router's settings
	 * @param defaultCallTimeout {@code wamp.defaults.caller.options.timeout}, or null
	 * when it is not set (the library's default applies)
	 * @return the limits
	 */
	static ClientLimits limits(String prefix, WampProperties.Router router, @Nullable Duration defaultCallTimeout) {
		WampProperties.SessionLimits limits = router.getLimits();
		ClientLimits.Builder builder = ClientLimits.defaults()
			.mutate()
			.joinTimeout(router.getJoinTimeout())
			.maxPendingCalls(limits.getMaxPendingCalls())
			.progressiveBuffer(limits.getProgressiveBuffer())
			.inboundWaterMarks(limits.getInboundHighWaterMark(), limits.getInboundLowWaterMark())
			.maxQueuedInvocations(limits.getMaxQueuedInvocations())
			.eventBuffer(limits.getEventBuffer());
		if (defaultCallTimeout != null) {
			builder.defaultCallTimeout(defaultCallTimeout);
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			// the validator names the property first; this covers a factory used without
			// it
			throw new WampConfigurationException(prefix + "limits", ex.getMessage(),
					"Fix the router's join-timeout and limits.* (see docs/configuration.md)", ex);
		}
	}

	private static void applyCallee(ClientOptions.Builder builder, WampProperties.CalleeDefaults callee) {
		// one switch for handlers of the Spring layer and handlers registered on a
		// WampClient
		builder.includeExceptionMessages(callee.isIncludeExceptionMessage());
		try {
			builder.defaultErrorUri(callee.getErrorUri());
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException("wamp.defaults.callee.error-uri",
					"'" + callee.getErrorUri() + "' is not a valid WAMP error URI",
					"Use a WAMP URI such as com.example.error", ex);
		}
	}

	static ReconnectOptions reconnect(WampProperties.Reconnect reconnect) {
		BackoffStrategy backoff = switch (reconnect.getBackoffType()) {
			case JITTER -> BackoffStrategy.jitter(reconnect.getBackoffMin(), reconnect.getBackoffMax());
			case EXPONENTIAL -> BackoffStrategy.exponential(reconnect.getBackoffMin(), reconnect.getBackoffMax());
			case FIXED -> BackoffStrategy.fixed(reconnect.getBackoffMin());
		};
		return ReconnectOptions.builder()
			.enabled(reconnect.isEnabled())
			.maxRetries(reconnect.getMaxRetries())
			.backoff(backoff)
			.authFailurePolicy(reconnect.getAuthFailure())
			.build();
	}

	private static void applyFeatures(ClientOptions.Builder builder, String role, WampProperties.Role settings) {
		// WAMP names features in snake_case; accept Spring's kebab-case too
		settings.getFeatures().forEach((feature, value) -> builder.feature(role, feature.replace('-', '_'), value));
	}

}
