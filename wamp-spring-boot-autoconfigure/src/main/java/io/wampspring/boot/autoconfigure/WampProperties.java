package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of WAMP routers, peers and defaults ({@code wamp.*}).
 */
@ConfigurationProperties("wamp")
public class WampProperties {

	/**
	 * Whether to connect the peers' sessions when the application context starts. When false,
	 * start them later through the endpoint registry.
	 */
	private boolean autoStartup = true;

	/**
	 * Routers by name: where they are and how to join them.
	 */
	private final Map<String, Router> routers = new LinkedHashMap<>();

	/**
	 * Defaults for every peer: the router and the features and options of each role.
	 */
	private final Defaults defaults = new Defaults();

	/**
	 * Peers by name: groups of sessions on one router, with their registrations and
	 * subscriptions.
	 */
	private final Map<String, Peer> peers = new LinkedHashMap<>();

	/**
	 * The embedded router, for development and tests.
	 */
	private final EmbeddedRouter embeddedRouter = new EmbeddedRouter();

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public Map<String, Router> getRouters() {
		return this.routers;
	}

	public Defaults getDefaults() {
		return this.defaults;
	}

	public Map<String, Peer> getPeers() {
		return this.peers;
	}

	public EmbeddedRouter getEmbeddedRouter() {
		return this.embeddedRouter;
	}

	/**
	 * A router to connect to.
	 */
	public static class Router {

		/**
		 * Address of the router: ws://, wss://, tcp:// (RawSocket), tcps:// or unix:///path.
		 */
		private @Nullable String url;

		/**
		 * Realm to join.
		 */
		private @Nullable String realm;

		/**
		 * Serializers to offer, in order of preference: json, msgpack, cbor.
		 */
		private List<String> serializers = new ArrayList<>(List.of("json"));

		/**
		 * Prefix for relative URIs (those that start with a dot) in annotations and templates.
		 */
		private @Nullable String uriPrefix;

		/**
		 * Time allowed to open the transport and join the realm.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * TLS settings for wss:// and tcps://.
		 */
		private final Ssl ssl = new Ssl();

		/**
		 * WebSocket transport settings.
		 */
		private final WebSocket websocket = new WebSocket();

		/**
		 * Reconnect settings.
		 */
		private final Reconnect reconnect = new Reconnect();

		/**
		 * Authentication settings.
		 */
		private final Auth auth = new Auth();

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getRealm() {
			return this.realm;
		}

		public void setRealm(@Nullable String realm) {
			this.realm = realm;
		}

		public List<String> getSerializers() {
			return this.serializers;
		}

		public void setSerializers(List<String> serializers) {
			this.serializers = serializers;
		}

		public @Nullable String getUriPrefix() {
			return this.uriPrefix;
		}

		public void setUriPrefix(@Nullable String uriPrefix) {
			this.uriPrefix = uriPrefix;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		public WebSocket getWebsocket() {
			return this.websocket;
		}

		public Reconnect getReconnect() {
			return this.reconnect;
		}

		public Auth getAuth() {
			return this.auth;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the Spring Boot SSL bundle with the trust material (and a client certificate
		 * for mutual TLS).
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * WebSocket transport settings.
	 */
	public static class WebSocket {

		/**
		 * Interval of WebSocket pings that keep the connection alive and detect a dead one;
		 * zero disables them.
		 */
		private Duration pingInterval = Duration.ofSeconds(30);

		/**
		 * Largest frame accepted from the router.
		 */
		private DataSize maxFrameSize = DataSize.ofMegabytes(16);

		/**
		 * Extra HTTP headers sent with the WebSocket handshake.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public Duration getPingInterval() {
			return this.pingInterval;
		}

		public void setPingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
		}

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

	}

	/**
	 * Reconnect settings.
	 */
	public static class Reconnect {

		/**
		 * Whether to reconnect and rejoin after the transport is lost.
		 */
		private boolean enabled = true;

		/**
		 * Largest number of reconnect attempts in a row; -1 retries forever.
		 */
		private int maxRetries = -1;

		/**
		 * Delay before the first reconnect attempt.
		 */
		private Duration backoffMin = Duration.ofMillis(500);

		/**
		 * Longest delay between reconnect attempts.
		 */
		private Duration backoffMax = Duration.ofSeconds(120);

		/**
		 * How the delay grows between attempts.
		 */
		private BackoffType backoffType = BackoffType.JITTER;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getBackoffMin() {
			return this.backoffMin;
		}

		public void setBackoffMin(Duration backoffMin) {
			this.backoffMin = backoffMin;
		}

		public Duration getBackoffMax() {
			return this.backoffMax;
		}

		public void setBackoffMax(Duration backoffMax) {
			this.backoffMax = backoffMax;
		}

		public BackoffType getBackoffType() {
			return this.backoffType;
		}

		public void setBackoffType(BackoffType backoffType) {
			this.backoffType = backoffType;
		}

	}

	/**
	 * How the reconnect delay grows.
	 */
	public enum BackoffType {

		/** Exponential growth with random jitter, so that many clients do not return at once. */
		JITTER,

		/** Exponential growth: min, 2 x min, 4 x min, ... up to max. */
		EXPONENTIAL,

		/** Always the minimum delay. */
		FIXED

	}

	/**
	 * Authentication settings.
	 */
	public static class Auth {

		/**
		 * Authentication methods to offer, in order of preference: anonymous, ticket, wampcra,
		 * cryptosign, scram.
		 */
		private List<String> method = new ArrayList<>(List.of("anonymous"));

		/**
		 * Authentication id (user name).
		 */
		private @Nullable String authid;

		/**
		 * Role to ask for; the router decides.
		 */
		private @Nullable String authrole;

		/**
		 * Ticket or WAMP-CRA secret, or SCRAM password. May reference an environment variable
		 * with ${...}.
		 */
		private @Nullable String secret;

		/**
		 * Cryptosign private key in hex: a 32-byte seed or a 64-byte seed followed by the
		 * public key.
		 */
		private @Nullable String privateKey;

		public List<String> getMethod() {
			return this.method;
		}

		public void setMethod(List<String> method) {
			this.method = method;
		}

		public @Nullable String getAuthid() {
			return this.authid;
		}

		public void setAuthid(@Nullable String authid) {
			this.authid = authid;
		}

		public @Nullable String getAuthrole() {
			return this.authrole;
		}

		public void setAuthrole(@Nullable String authrole) {
			this.authrole = authrole;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		/**
		 * Alias of {@link #setSecret(String)}, as the Erlang wamp_client names it.
		 * @param password the secret
		 */
		public void setPassword(@Nullable String password) {
			this.secret = password;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		@Override
		public String toString() {
			// Never show secrets, not even in debug output.
			return "Auth[method=" + this.method + ", authid=" + this.authid + ", secret="
					+ ((this.secret != null) ? "******" : "none") + ", privateKey="
					+ ((this.privateKey != null) ? "******" : "none") + "]";
		}

	}

	/**
	 * Defaults shared by every peer.
	 */
	public static class Defaults {

		/**
		 * Router (a key of wamp.routers) used by peers that do not name one.
		 */
		private @Nullable String router;

		/**
		 * Caller features and default call options.
		 */
		private final Role caller = new Role();

		/**
		 * Callee features and default registration options.
		 */
		private final Role callee = new Role();

		/**
		 * Publisher features and default publication options.
		 */
		private final Role publisher = new Role();

		/**
		 * Subscriber features and default subscription options.
		 */
		private final Role subscriber = new Role();

		public @Nullable String getRouter() {
			return this.router;
		}

		public void setRouter(@Nullable String router) {
			this.router = router;
		}

		public Role getCaller() {
			return this.caller;
		}

		public Role getCallee() {
			return this.callee;
		}

		public Role getPublisher() {
			return this.publisher;
		}

		public Role getSubscriber() {
			return this.subscriber;
		}

	}

	/**
	 * Features announced for a role in HELLO, and default options of its messages.
	 */
	public static class Role {

		/**
		 * Feature flags announced in HELLO, overriding the built-in ones (a feature set to false
		 * is not announced).
		 */
		private Map<String, Boolean> features = new LinkedHashMap<>();

		/**
		 * Default options of this role's messages, in WAMP's names (timeout, disclose_me,
		 * exclude_me, disclose_caller, invoke, ...).
		 */
		private Map<String, Object> options = new LinkedHashMap<>();

		public Map<String, Boolean> getFeatures() {
			return this.features;
		}

		public void setFeatures(Map<String, Boolean> features) {
			this.features = features;
		}

		public Map<String, Object> getOptions() {
			return this.options;
		}

		public void setOptions(Map<String, Object> options) {
			this.options = options;
		}

	}

	/**
	 * A peer: a pool of sessions on one router.
	 */
	public static class Peer {

		/**
		 * Router (a key of wamp.routers); the default router when not set.
		 */
		private @Nullable String router;

		/**
		 * Number of sessions the peer opens.
		 */
		private int poolSize = 1;

		/**
		 * How a call or publication picks a session of the pool.
		 */
		private PoolType poolType = PoolType.ROUND_ROBIN;

		/**
		 * Registrations and subscriptions declared in configuration.
		 */
		private final Roles roles = new Roles();

		public @Nullable String getRouter() {
			return this.router;
		}

		public void setRouter(@Nullable String router) {
			this.router = router;
		}

		public int getPoolSize() {
			return this.poolSize;
		}

		public void setPoolSize(int poolSize) {
			this.poolSize = poolSize;
		}

		public PoolType getPoolType() {
			return this.poolType;
		}

		public void setPoolType(PoolType poolType) {
			this.poolType = poolType;
		}

		public Roles getRoles() {
			return this.roles;
		}

	}

	/**
	 * How a peer picks a session of its pool.
	 */
	public enum PoolType {

		/** By a hash of the URI, so that one URI always uses the same session. */
		HASH,

		/** The sessions take turns. */
		ROUND_ROBIN,

		/** Always the first session. */
		DIRECT,

		/** A session at random. */
		RANDOM

	}

	/**
	 * Registrations and subscriptions of a peer declared in configuration.
	 */
	public static class Roles {

		/**
		 * Callee role.
		 */
		private final Callee callee = new Callee();

		/**
		 * Subscriber role.
		 */
		private final Subscriber subscriber = new Subscriber();

		public Callee getCallee() {
			return this.callee;
		}

		public Subscriber getSubscriber() {
			return this.subscriber;
		}

	}

	/**
	 * Procedures registered from configuration.
	 */
	public static class Callee {

		/**
		 * Registrations by procedure URI.
		 */
		private Map<String, Handler> registrations = new LinkedHashMap<>();

		public Map<String, Handler> getRegistrations() {
			return this.registrations;
		}

		public void setRegistrations(Map<String, Handler> registrations) {
			this.registrations = registrations;
		}

	}

	/**
	 * Topics subscribed from configuration.
	 */
	public static class Subscriber {

		/**
		 * Subscriptions by topic URI.
		 */
		private Map<String, Handler> subscriptions = new LinkedHashMap<>();

		public Map<String, Handler> getSubscriptions() {
			return this.subscriptions;
		}

		public void setSubscriptions(Map<String, Handler> subscriptions) {
			this.subscriptions = subscriptions;
		}

	}

	/**
	 * A bean method that handles a procedure or topic declared in configuration.
	 */
	public static class Handler {

		/**
		 * The method as beanName#methodName.
		 */
		private @Nullable String handler;

		/**
		 * REGISTER or SUBSCRIBE options, in WAMP's names (match, invoke, disclose_caller, ...).
		 */
		private Map<String, Object> options = new LinkedHashMap<>();

		public @Nullable String getHandler() {
			return this.handler;
		}

		public void setHandler(@Nullable String handler) {
			this.handler = handler;
		}

		public Map<String, Object> getOptions() {
			return this.options;
		}

		public void setOptions(Map<String, Object> options) {
			this.options = options;
		}

	}

	/**
	 * The embedded router.
	 */
	public static class EmbeddedRouter {

		/**
		 * Whether to start the embedded router with the application.
		 */
		private boolean enabled = false;

		/**
		 * Address the router's listeners bind to.
		 */
		private String host = "127.0.0.1";

		/**
		 * WebSocket port; 0 picks a free one.
		 */
		private int port = 8090;

		/**
		 * WebSocket path.
		 */
		private String path = "/ws";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

	}

}
