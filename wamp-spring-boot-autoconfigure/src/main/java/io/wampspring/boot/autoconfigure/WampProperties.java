package io.wampspring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CancelMode;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvokePolicy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.TlsProvider;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.core.CallRetry;
import io.wampspring.spring.core.NexusService;
import io.wampspring.spring.listener.adapter.WampHandlerLimits;
import io.wampspring.spring.peer.PoolType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of WAMP routers, peers and defaults ({@code wamp.*}).
 */
@ConfigurationProperties("wamp")
public class WampProperties {

	/**
	 * Whether to connect the peers' sessions when the application context starts. When
	 * false, start them later through the endpoint registry.
	 */
	private boolean autoStartup = true;

	/**
	 * Time allowed, when the application stops, for the invocations that are running in
	 * handlers to answer before the sessions leave with GOODBYE.
	 */
	private Duration shutdownGracePeriod = Duration.ofSeconds(10);

	/**
	 * Time the application start-up waits for the peers' sessions to join, so that the
	 * procedures are registered when the application reports itself started; zero does
	 * not wait. Sessions that did not join keep trying and register when they join.
	 */
	private Duration startupTimeout = Duration.ofSeconds(10);

	/**
	 * Where the Nexus services (auth.whoami, system.roster.*, my.metadata.*, ...) live,
	 * for the template's helpers.
	 */
	private final Nexus nexus = new Nexus();

	/**
	 * Routers by name: where they are and how to join them. A router without a url joins
	 * the embedded router in process.
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
	 * Whether to connect the peers' sessions when the application context starts.
	 * @return {@code true} if so
	 */
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Set the value of {@link #isAutoStartup()}.
	 * @param autoStartup the new value
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	/**
	 * Time allowed, when the application stops, for the invocations that are running in
	 * handlers to answer before the sessions leave with GOODBYE.
	 * @return the shutdown grace period
	 */
	public Duration getShutdownGracePeriod() {
		return this.shutdownGracePeriod;
	}

	/**
	 * Set the value of {@link #getShutdownGracePeriod()}.
	 * @param shutdownGracePeriod the new value
	 */
	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdownGracePeriod = shutdownGracePeriod;
	}

	/**
	 * Time the application start-up waits for the peers' sessions to join, so that the
	 * procedures are registered when the application reports itself started; zero does
	 * not wait.
	 * @return the startup timeout
	 */
	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	/**
	 * Set the value of {@link #getStartupTimeout()}.
	 * @param startupTimeout the new value
	 */
	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Where the Nexus services (auth.whoami, system.roster.*, my.metadata.*, ...) live,
	 * for the template's helpers.
	 * @return the nexus
	 */
	public Nexus getNexus() {
		return this.nexus;
	}

	/**
	 * Routers by name: where they are and how to join them.
	 * @return the routers
	 */
	public Map<String, Router> getRouters() {
		return this.routers;
	}

	/**
	 * Defaults for every peer: the router and the features and options of each role.
	 * @return the defaults
	 */
	public Defaults getDefaults() {
		return this.defaults;
	}

	/**
	 * Peers by name: groups of sessions on one router, with their registrations and
	 * subscriptions.
	 * @return the peers
	 */
	public Map<String, Peer> getPeers() {
		return this.peers;
	}

	/**
	 * A router to connect to.
	 */
	public static class Router {

		/**
		 * Address of the router: ws://, wss://, tcp:// (RawSocket), tcps:// or
		 * unix:///path. When not set, the embedded router is joined in process (no
		 * socket, no serialization).
		 */
		private @Nullable String url;

		/**
		 * Realm to join. Optional for the embedded router, whose first realm is then
		 * used.
		 */
		private @Nullable String realm;

		/**
		 * Serializers to offer, in order of preference: json, msgpack, cbor.
		 */
		private List<String> serializers = new ArrayList<>(List.of("json"));

		/**
		 * Prefix for relative URIs (those that start with a dot) in annotations and
		 * templates.
		 */
		private @Nullable String uriPrefix;

		/**
		 * Time allowed to open the transport: the TCP connection, the TLS handshake and
		 * the WebSocket upgrade or RawSocket handshake. Joining the realm is bounded by
		 * join-timeout.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * Time allowed from the open transport to the router's WELCOME or ABORT, through
		 * every CHALLENGE round. On expiry the connection is closed and the attempt
		 * counts as failed: the reconnect settings decide whether and when to try again.
		 */
		private Duration joinTimeout = Duration.ofSeconds(10);

		/**
		 * Bounds of the sessions' pending calls and of the work queued from the router.
		 */
		private final SessionLimits limits = new SessionLimits();

		/**
		 * TLS settings for wss:// and tcps://.
		 */
		private final Ssl ssl = new Ssl();

		/**
		 * WebSocket transport settings.
		 */
		private final WebSocket websocket = new WebSocket();

		/**
		 * RawSocket transport settings (tcp://, tcps://, unix://).
		 */
		private final RawSocket rawSocket = new RawSocket();

		/**
		 * Reconnect settings.
		 */
		private final Reconnect reconnect = new Reconnect();

		/**
		 * Authentication settings.
		 */
		private final Auth auth = new Auth();

		/**
		 * Address of the router: ws://, wss://, tcp:// (RawSocket), tcps:// or
		 * unix:///path.
		 * @return the url
		 */
		public @Nullable String getUrl() {
			return this.url;
		}

		/**
		 * Set the value of {@link #getUrl()}.
		 * @param url the new value
		 */
		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		/**
		 * Realm to join.
		 * @return the realm
		 */
		public @Nullable String getRealm() {
			return this.realm;
		}

		/**
		 * Set the value of {@link #getRealm()}.
		 * @param realm the new value
		 */
		public void setRealm(@Nullable String realm) {
			this.realm = realm;
		}

		/**
		 * Serializers to offer, in order of preference: json, msgpack, cbor.
		 * @return the serializers
		 */
		public List<String> getSerializers() {
			return this.serializers;
		}

		/**
		 * Set the value of {@link #getSerializers()}.
		 * @param serializers the new value
		 */
		public void setSerializers(List<String> serializers) {
			this.serializers = serializers;
		}

		/**
		 * Prefix for relative URIs (those that start with a dot) in annotations and
		 * templates.
		 * @return the uri prefix
		 */
		public @Nullable String getUriPrefix() {
			return this.uriPrefix;
		}

		/**
		 * Set the value of {@link #getUriPrefix()}.
		 * @param uriPrefix the new value
		 */
		public void setUriPrefix(@Nullable String uriPrefix) {
			this.uriPrefix = uriPrefix;
		}

		/**
		 * Time allowed to open the transport: the TCP connection, the TLS handshake and
		 * the WebSocket upgrade or RawSocket handshake.
		 * @return the connect timeout
		 */
		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		/**
		 * Set the value of {@link #getConnectTimeout()}.
		 * @param connectTimeout the new value
		 */
		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		/**
		 * Time allowed from the open transport to the router's WELCOME or ABORT, through
		 * every CHALLENGE round.
		 * @return the join timeout
		 */
		public Duration getJoinTimeout() {
			return this.joinTimeout;
		}

		/**
		 * Set the value of {@link #getJoinTimeout()}.
		 * @param joinTimeout the new value
		 */
		public void setJoinTimeout(Duration joinTimeout) {
			this.joinTimeout = joinTimeout;
		}

		/**
		 * Bounds of the sessions' pending calls and of the work queued from the router.
		 * @return the limits
		 */
		public SessionLimits getLimits() {
			return this.limits;
		}

		/**
		 * TLS settings for wss:// and tcps://.
		 * @return the ssl
		 */
		public Ssl getSsl() {
			return this.ssl;
		}

		/**
		 * WebSocket transport settings.
		 * @return the websocket
		 */
		public WebSocket getWebsocket() {
			return this.websocket;
		}

		/**
		 * RawSocket transport settings.
		 * @return the RawSocket settings
		 */
		public RawSocket getRawSocket() {
			return this.rawSocket;
		}

		/**
		 * Reconnect settings.
		 * @return the reconnect
		 */
		public Reconnect getReconnect() {
			return this.reconnect;
		}

		/**
		 * Authentication settings.
		 * @return the auth
		 */
		public Auth getAuth() {
			return this.auth;
		}

	}

	/**
	 * Bounds of a router's sessions (wamp-client's {@code ClientLimits}): how many calls
	 * may wait for their result, and how much work from the router may queue before the
	 * connection stops reading and further invocations are refused.
	 */
	public static class SessionLimits {

		/**
		 * Calls of one session waiting for their result; one more fails at once with
		 * wamp.error.unavailable.
		 */
		private int maxPendingCalls = 10_000;

		/**
		 * Progressive results held for one call: those a slow subscriber of a progressive
		 * call has not taken yet, and those of a handler Flux that ignores demand. Beyond
		 * it the call fails with a message that says how to slow the producer down.
		 */
		private int progressiveBuffer = 256;

		/**
		 * Invocations running or queued plus events queued at which the connection stops
		 * reading from the router.
		 */
		private int inboundHighWaterMark = 1024;

		/**
		 * The count of invocations and events below which the connection reads again;
		 * below inbound-high-water-mark.
		 */
		private int inboundLowWaterMark = 512;

		/**
		 * Invocations running or queued beyond which a new one is answered at once with
		 * wamp.error.unavailable (room for what was already read when reading stopped);
		 * at least inbound-high-water-mark.
		 */
		private int maxQueuedInvocations = 2048;

		/**
		 * Events queued for one subscription handler; a newer event that does not fit is
		 * dropped, counted (wamp.client.events.overflowed) and logged at most once per
		 * interval.
		 */
		private int eventBuffer = 1024;

		/**
		 * Calls of one session waiting for their result; one more fails at once with
		 * wamp.error.unavailable.
		 * @return the max pending calls
		 */
		public int getMaxPendingCalls() {
			return this.maxPendingCalls;
		}

		/**
		 * Set the value of {@link #getMaxPendingCalls()}.
		 * @param maxPendingCalls the new value
		 */
		public void setMaxPendingCalls(int maxPendingCalls) {
			this.maxPendingCalls = maxPendingCalls;
		}

		/**
		 * Progressive results held for one call: those a slow subscriber of a progressive
		 * call has not taken yet, and those of a handler Flux that ignores demand.
		 * @return the progressive buffer
		 */
		public int getProgressiveBuffer() {
			return this.progressiveBuffer;
		}

		/**
		 * Set the value of {@link #getProgressiveBuffer()}.
		 * @param progressiveBuffer the new value
		 */
		public void setProgressiveBuffer(int progressiveBuffer) {
			this.progressiveBuffer = progressiveBuffer;
		}

		/**
		 * Invocations running or queued plus events queued at which the connection stops
		 * reading from the router.
		 * @return the inbound high water mark
		 */
		public int getInboundHighWaterMark() {
			return this.inboundHighWaterMark;
		}

		/**
		 * Set the value of {@link #getInboundHighWaterMark()}.
		 * @param inboundHighWaterMark the new value
		 */
		public void setInboundHighWaterMark(int inboundHighWaterMark) {
			this.inboundHighWaterMark = inboundHighWaterMark;
		}

		/**
		 * The count of invocations and events below which the connection reads again;
		 * below inbound-high-water-mark.
		 * @return the inbound low water mark
		 */
		public int getInboundLowWaterMark() {
			return this.inboundLowWaterMark;
		}

		/**
		 * Set the value of {@link #getInboundLowWaterMark()}.
		 * @param inboundLowWaterMark the new value
		 */
		public void setInboundLowWaterMark(int inboundLowWaterMark) {
			this.inboundLowWaterMark = inboundLowWaterMark;
		}

		/**
		 * Invocations running or queued beyond which a new one is answered at once with
		 * wamp.error.unavailable (room for what was already read when reading stopped);
		 * at least inbound-high-water-mark.
		 * @return the max queued invocations
		 */
		public int getMaxQueuedInvocations() {
			return this.maxQueuedInvocations;
		}

		/**
		 * Set the value of {@link #getMaxQueuedInvocations()}.
		 * @param maxQueuedInvocations the new value
		 */
		public void setMaxQueuedInvocations(int maxQueuedInvocations) {
			this.maxQueuedInvocations = maxQueuedInvocations;
		}

		/**
		 * Events queued for one subscription handler; a newer event that does not fit is
		 * dropped, counted (wamp.client.events.overflowed) and logged at most once per
		 * interval.
		 * @return the event buffer
		 */
		public int getEventBuffer() {
			return this.eventBuffer;
		}

		/**
		 * Set the value of {@link #getEventBuffer()}.
		 * @param eventBuffer the new value
		 */
		public void setEventBuffer(int eventBuffer) {
			this.eventBuffer = eventBuffer;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the Spring Boot SSL bundle with the trust material (and a client
		 * certificate for mutual TLS).
		 */
		private @Nullable String bundle;

		/**
		 * TLS implementation: jdk (Netty's default) or bouncy-castle (the Bouncy Castle
		 * JSSE provider, org.bouncycastle:bctls-jdk18on on the class path), which exposes
		 * the tls-unique channel binding data of cryptosign.
		 */
		private TlsProvider provider = TlsProvider.JDK;

		/**
		 * Name of the Spring Boot SSL bundle with the trust material (and a client
		 * certificate for mutual TLS).
		 * @return the bundle
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Set the value of {@link #getBundle()}.
		 * @param bundle the new value
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		/**
		 * TLS implementation: jdk or bouncy-castle.
		 * @return the provider
		 */
		public TlsProvider getProvider() {
			return this.provider;
		}

		/**
		 * Set the value of {@link #getProvider()}.
		 * @param provider the new value
		 */
		public void setProvider(TlsProvider provider) {
			this.provider = provider;
		}

	}

	/**
	 * RawSocket transport settings.
	 */
	public static class RawSocket {

		/**
		 * Interval of RawSocket PINGs that keep the connection alive and detect a dead
		 * one (two unanswered intervals close it); zero disables them. The client always
		 * answers the router's PINGs.
		 */
		private Duration pingInterval = Duration.ofSeconds(30);

		/**
		 * Largest message accepted from the router, announced in the RawSocket handshake;
		 * rounded up to a power of two between 512 bytes and 16MB.
		 */
		private DataSize maxMessageSize = DataSize.ofMegabytes(16);

		/**
		 * Interval of RawSocket PINGs; zero disables them.
		 * @return the ping interval
		 */
		public Duration getPingInterval() {
			return this.pingInterval;
		}

		/**
		 * Set the value of {@link #getPingInterval()}.
		 * @param pingInterval the new value
		 */
		public void setPingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
		}

		/**
		 * Largest message accepted from the router.
		 * @return the max message size
		 */
		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		/**
		 * Set the value of {@link #getMaxMessageSize()}.
		 * @param maxMessageSize the new value
		 */
		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

	}

	/**
	 * WebSocket transport settings.
	 */
	public static class WebSocket {

		/**
		 * Interval of WebSocket pings that keep the connection alive and detect a dead
		 * one; zero disables them.
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

		/**
		 * Interval of WebSocket pings that keep the connection alive and detect a dead
		 * one; zero disables them.
		 * @return the ping interval
		 */
		public Duration getPingInterval() {
			return this.pingInterval;
		}

		/**
		 * Set the value of {@link #getPingInterval()}.
		 * @param pingInterval the new value
		 */
		public void setPingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
		}

		/**
		 * Largest frame accepted from the router.
		 * @return the max frame size
		 */
		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		/**
		 * Set the value of {@link #getMaxFrameSize()}.
		 * @param maxFrameSize the new value
		 */
		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		/**
		 * Extra HTTP headers sent with the WebSocket handshake.
		 * @return the headers
		 */
		public Map<String, String> getHeaders() {
			return this.headers;
		}

		/**
		 * Set the value of {@link #getHeaders()}.
		 * @param headers the new value
		 */
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

		/**
		 * What to do when the router refuses the credentials: stop (the session stays
		 * closed, health DOWN with the router's reason) or keep trying at the longest
		 * delay (backoff-max), so that credentials fixed at the router are picked up
		 * without a restart.
		 */
		private ReconnectOptions.AuthFailurePolicy authFailure = ReconnectOptions.AuthFailurePolicy.STOP;

		/**
		 * What to do when the router refuses the credentials: stop (the session stays
		 * closed, health DOWN with the router's reason) or keep trying at the longest
		 * delay (backoff-max), so that credentials fixed at the router are picked up
		 * without a restart.
		 * @return the auth failure
		 */
		public ReconnectOptions.AuthFailurePolicy getAuthFailure() {
			return this.authFailure;
		}

		/**
		 * Set the value of {@link #getAuthFailure()}.
		 * @param authFailure the new value
		 */
		public void setAuthFailure(ReconnectOptions.AuthFailurePolicy authFailure) {
			this.authFailure = authFailure;
		}

		/**
		 * Whether to reconnect and rejoin after the transport is lost.
		 * @return {@code true} if so
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set the value of {@link #isEnabled()}.
		 * @param enabled the new value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Largest number of reconnect attempts in a row; -1 retries forever.
		 * @return the max retries
		 */
		public int getMaxRetries() {
			return this.maxRetries;
		}

		/**
		 * Set the value of {@link #getMaxRetries()}.
		 * @param maxRetries the new value
		 */
		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		/**
		 * Delay before the first reconnect attempt.
		 * @return the backoff min
		 */
		public Duration getBackoffMin() {
			return this.backoffMin;
		}

		/**
		 * Set the value of {@link #getBackoffMin()}.
		 * @param backoffMin the new value
		 */
		public void setBackoffMin(Duration backoffMin) {
			this.backoffMin = backoffMin;
		}

		/**
		 * Longest delay between reconnect attempts.
		 * @return the backoff max
		 */
		public Duration getBackoffMax() {
			return this.backoffMax;
		}

		/**
		 * Set the value of {@link #getBackoffMax()}.
		 * @param backoffMax the new value
		 */
		public void setBackoffMax(Duration backoffMax) {
			this.backoffMax = backoffMax;
		}

		/**
		 * How the delay grows between attempts.
		 * @return the backoff type
		 */
		public BackoffType getBackoffType() {
			return this.backoffType;
		}

		/**
		 * Set the value of {@link #getBackoffType()}.
		 * @param backoffType the new value
		 */
		public void setBackoffType(BackoffType backoffType) {
			this.backoffType = backoffType;
		}

	}

	/**
	 * How the reconnect delay grows.
	 */
	public enum BackoffType {

		/**
		 * Exponential growth with random jitter, so that many clients do not return at
		 * once.
		 */
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
		 * Authentication methods to offer, in order of preference: anonymous, ticket,
		 * wampcra, cryptosign, scram.
		 */
		private List<String> method = new ArrayList<>(List.of("anonymous"));

		/**
		 * Authentication id (user name).
		 */
		private @Nullable String authid;

		/**
		 * Role to ask for, sent as the authrole detail of HELLO; the router decides
		 * (static users of the embedded router keep their configured role).
		 */
		private @Nullable String authrole;

		/**
		 * Ticket or WAMP-CRA secret, or SCRAM password. May reference an environment
		 * variable with ${...}.
		 */
		private @Nullable String secret;

		/**
		 * Cryptosign private key in hex: a 32-byte seed or a 64-byte seed followed by the
		 * public key.
		 */
		private @Nullable String privateKey;

		/**
		 * Cryptosign private key file: hex text, or a Crossbar.io key.priv file. Used
		 * when private-key is not set.
		 */
		private @Nullable Path privateKeyFile;

		/**
		 * Cryptosign TLS channel binding: tls-unique (TLS 1.2, needs ssl.provider
		 * bouncy-castle) or tls-exporter (TLS 1.3, needs Java 25 or later). Unset: none.
		 */
		private @Nullable String channelBinding;

		/**
		 * Cryptosign TLS channel binding: tls-unique or tls-exporter.
		 * @return the channel binding type, or null for none
		 */
		public @Nullable String getChannelBinding() {
			return this.channelBinding;
		}

		/**
		 * Set the value of {@link #getChannelBinding()}.
		 * @param channelBinding the new value
		 */
		public void setChannelBinding(@Nullable String channelBinding) {
			this.channelBinding = channelBinding;
		}

		/**
		 * Authentication methods to offer, in order of preference: anonymous, ticket,
		 * wampcra, cryptosign, scram.
		 * @return the method
		 */
		public List<String> getMethod() {
			return this.method;
		}

		/**
		 * Set the value of {@link #getMethod()}.
		 * @param method the new value
		 */
		public void setMethod(List<String> method) {
			this.method = method;
		}

		/**
		 * Authentication id (user name).
		 * @return the authid
		 */
		public @Nullable String getAuthid() {
			return this.authid;
		}

		/**
		 * Set the value of {@link #getAuthid()}.
		 * @param authid the new value
		 */
		public void setAuthid(@Nullable String authid) {
			this.authid = authid;
		}

		/**
		 * Role to ask for; the router decides.
		 * @return the authrole
		 */
		public @Nullable String getAuthrole() {
			return this.authrole;
		}

		/**
		 * Set the value of {@link #getAuthrole()}.
		 * @param authrole the new value
		 */
		public void setAuthrole(@Nullable String authrole) {
			this.authrole = authrole;
		}

		/**
		 * Ticket or WAMP-CRA secret, or SCRAM password.
		 * @return the secret
		 */
		public @Nullable String getSecret() {
			return this.secret;
		}

		/**
		 * Set the value of {@link #getSecret()}.
		 * @param secret the new value
		 */
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

		/**
		 * Cryptosign private key in hex: a 32-byte seed or a 64-byte seed followed by the
		 * public key.
		 * @return the private key
		 */
		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		/**
		 * Set the value of {@link #getPrivateKey()}.
		 * @param privateKey the new value
		 */
		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		/**
		 * Cryptosign private key file: hex text, or a Crossbar.io key.priv file.
		 * @return the private key file
		 */
		public @Nullable Path getPrivateKeyFile() {
			return this.privateKeyFile;
		}

		/**
		 * Set the value of {@link #getPrivateKeyFile()}.
		 * @param privateKeyFile the new value
		 */
		public void setPrivateKeyFile(@Nullable Path privateKeyFile) {
			this.privateKeyFile = privateKeyFile;
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
		 * Caller features, default call options and call retries.
		 */
		private final CallerDefaults caller = new CallerDefaults();

		/**
		 * Callee features, default registration options and the error URIs of handler
		 * exceptions.
		 */
		private final CalleeDefaults callee = new CalleeDefaults();

		/**
		 * Publisher features and default publication options.
		 */
		private final PublisherDefaults publisher = new PublisherDefaults();

		/**
		 * Subscriber features, default subscription options and how many events each
		 * handler takes at once.
		 */
		private final SubscriberDefaults subscriber = new SubscriberDefaults();

		/**
		 * Router (a key of wamp.routers) used by peers that do not name one.
		 * @return the router
		 */
		public @Nullable String getRouter() {
			return this.router;
		}

		/**
		 * Set the value of {@link #getRouter()}.
		 * @param router the new value
		 */
		public void setRouter(@Nullable String router) {
			this.router = router;
		}

		/**
		 * Caller features, default call options and call retries.
		 * @return the caller
		 */
		public CallerDefaults getCaller() {
			return this.caller;
		}

		/**
		 * Callee features, default registration options and the error URIs of handler
		 * exceptions.
		 * @return the callee
		 */
		public CalleeDefaults getCallee() {
			return this.callee;
		}

		/**
		 * Publisher features and default publication options.
		 * @return the publisher
		 */
		public PublisherDefaults getPublisher() {
			return this.publisher;
		}

		/**
		 * Subscriber features, default subscription options and how many events each
		 * handler takes at once.
		 * @return the subscriber
		 */
		public SubscriberDefaults getSubscriber() {
			return this.subscriber;
		}

	}

	/**
	 * Features announced for a role in HELLO.
	 */
	public static class Role {

		/**
		 * Feature flags announced in HELLO, overriding the built-in ones (a feature set
		 * to false is not announced).
		 */
		private Map<String, Boolean> features = new LinkedHashMap<>();

		/**
		 * Feature flags announced in HELLO, overriding the built-in ones (a feature set
		 * to false is not announced).
		 * @return the features
		 */
		public Map<String, Boolean> getFeatures() {
			return this.features;
		}

		/**
		 * Set the value of {@link #getFeatures()}.
		 * @param features the new value
		 */
		public void setFeatures(Map<String, Boolean> features) {
			this.features = features;
		}

	}

	/**
	 * Options sent as they are, for a router's own options (WAMP names custom ones with a
	 * leading underscore, such as {@code _tracing}).
	 */
	public abstract static class ExtraOptions {

		/**
		 * Further options sent in the message as they are, by WAMP name; true, false and
		 * whole numbers are sent as such. For a router's own options: the options this
		 * client knows have properties of their own.
		 */
		private Map<String, String> extra = new LinkedHashMap<>();

		/**
		 * Further options sent in the message as they are, by WAMP name; true, false and
		 * whole numbers are sent as such.
		 * @return the extra
		 */
		public Map<String, String> getExtra() {
			return this.extra;
		}

		/**
		 * Set the value of {@link #getExtra()}.
		 * @param extra the new value
		 */
		public void setExtra(Map<String, String> extra) {
			this.extra = extra;
		}

	}

	/**
	 * Default options of the template's calls (CALL). The WAMP spellings bind too:
	 * {@code disclose_me}, {@code cancel_mode}.
	 */
	public static class CallerOptions extends ExtraOptions {

		/**
		 * Call timeout of the template's calls, and every session's default call timeout
		 * (for calls that set none, on a WampClient too, and for the router's answers to
		 * REGISTER, SUBSCRIBE and acknowledged PUBLISH); 0 waits without a deadline. A
		 * number without unit is milliseconds.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		/**
		 * Whether to ask the router to disclose the caller's identity to the callee.
		 */
		private boolean discloseMe = false;

		/**
		 * How a call that the caller gives up (timeout, cancelled subscription) is
		 * cancelled: skip, kill or killnowait.
		 */
		private CancelMode cancelMode = CancelMode.KILL_NO_WAIT;

		/**
		 * Call timeout of the template's calls, and every session's default call timeout
		 * (for calls that set none, on a WampClient too, and for the router's answers to
		 * REGISTER, SUBSCRIBE and acknowledged PUBLISH); 0 waits without a deadline.
		 * @return the timeout
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set the value of {@link #getTimeout()}.
		 * @param timeout the new value
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Whether to ask the router to disclose the caller's identity to the callee.
		 * @return {@code true} if so
		 */
		public boolean isDiscloseMe() {
			return this.discloseMe;
		}

		/**
		 * Set the value of {@link #isDiscloseMe()}.
		 * @param discloseMe the new value
		 */
		public void setDiscloseMe(boolean discloseMe) {
			this.discloseMe = discloseMe;
		}

		/**
		 * How a call that the caller gives up (timeout, cancelled subscription) is
		 * cancelled: skip, kill or killnowait.
		 * @return the cancel mode
		 */
		public CancelMode getCancelMode() {
			return this.cancelMode;
		}

		/**
		 * Set the value of {@link #getCancelMode()}.
		 * @param cancelMode the new value
		 */
		public void setCancelMode(CancelMode cancelMode) {
			this.cancelMode = cancelMode;
		}

	}

	/**
	 * Default options of the template's publications (PUBLISH). The WAMP spellings bind
	 * too: {@code exclude_me}, {@code disclose_me}.
	 */
	public static class PublisherOptions extends ExtraOptions {

		/**
		 * Whether the router confirms each publication (PUBLISHED) or reports its
		 * refusal.
		 */
		private boolean acknowledge = false;

		/**
		 * Whether the publishing session is left out of the receivers, even when it
		 * subscribes to the topic.
		 */
		private boolean excludeMe = true;

		/**
		 * Whether to ask the router to disclose the publisher's identity to the
		 * subscribers.
		 */
		private boolean discloseMe = false;

		/**
		 * Whether to ask the router to keep each publication as its topic's retained
		 * event (event retention; the router decides, per role).
		 */
		private boolean retain = false;

		/**
		 * Whether to ask the router to keep each publication as its topic's retained
		 * event.
		 * @return {@code true} if so
		 */
		public boolean isRetain() {
			return this.retain;
		}

		/**
		 * Set the value of {@link #isRetain()}.
		 * @param retain the new value
		 */
		public void setRetain(boolean retain) {
			this.retain = retain;
		}

		/**
		 * Whether the router confirms each publication (PUBLISHED) or reports its
		 * refusal.
		 * @return {@code true} if so
		 */
		public boolean isAcknowledge() {
			return this.acknowledge;
		}

		/**
		 * Set the value of {@link #isAcknowledge()}.
		 * @param acknowledge the new value
		 */
		public void setAcknowledge(boolean acknowledge) {
			this.acknowledge = acknowledge;
		}

		/**
		 * Whether the publishing session is left out of the receivers, even when it
		 * subscribes to the topic.
		 * @return {@code true} if so
		 */
		public boolean isExcludeMe() {
			return this.excludeMe;
		}

		/**
		 * Set the value of {@link #isExcludeMe()}.
		 * @param excludeMe the new value
		 */
		public void setExcludeMe(boolean excludeMe) {
			this.excludeMe = excludeMe;
		}

		/**
		 * Whether to ask the router to disclose the publisher's identity to the
		 * subscribers.
		 * @return {@code true} if so
		 */
		public boolean isDiscloseMe() {
			return this.discloseMe;
		}

		/**
		 * Set the value of {@link #isDiscloseMe()}.
		 * @param discloseMe the new value
		 */
		public void setDiscloseMe(boolean discloseMe) {
			this.discloseMe = discloseMe;
		}

	}

	/**
	 * Default REGISTER options of the registrations declared in configuration. The WAMP
	 * spellings bind too: {@code disclose_caller}, {@code force_reregister}.
	 */
	public static class CalleeOptions extends ExtraOptions {

		/**
		 * How the router matches called URIs against the registered one: exact, prefix or
		 * wildcard.
		 */
		private MatchPolicy match = MatchPolicy.EXACT;

		/**
		 * How the router picks among several callees of the same procedure: single,
		 * roundrobin, random, first or last.
		 */
		private InvokePolicy invoke = InvokePolicy.SINGLE;

		/**
		 * Whether to ask the router to disclose the caller's identity to the handler.
		 */
		private boolean discloseCaller = false;

		/**
		 * Whether the registration takes the procedure over from another session of the
		 * same authid (force_reregister).
		 */
		private boolean forceReregister = false;

		/**
		 * How the router matches called URIs against the registered one: exact, prefix or
		 * wildcard.
		 * @return the match
		 */
		public MatchPolicy getMatch() {
			return this.match;
		}

		/**
		 * Set the value of {@link #getMatch()}.
		 * @param match the new value
		 */
		public void setMatch(MatchPolicy match) {
			this.match = match;
		}

		/**
		 * How the router picks among several callees of the same procedure: single,
		 * roundrobin, random, first or last.
		 * @return the invoke
		 */
		public InvokePolicy getInvoke() {
			return this.invoke;
		}

		/**
		 * Set the value of {@link #getInvoke()}.
		 * @param invoke the new value
		 */
		public void setInvoke(InvokePolicy invoke) {
			this.invoke = invoke;
		}

		/**
		 * Whether to ask the router to disclose the caller's identity to the handler.
		 * @return {@code true} if so
		 */
		public boolean isDiscloseCaller() {
			return this.discloseCaller;
		}

		/**
		 * Set the value of {@link #isDiscloseCaller()}.
		 * @param discloseCaller the new value
		 */
		public void setDiscloseCaller(boolean discloseCaller) {
			this.discloseCaller = discloseCaller;
		}

		/**
		 * Whether the registration takes the procedure over from another session of the
		 * same authid (force_reregister).
		 * @return {@code true} if so
		 */
		public boolean isForceReregister() {
			return this.forceReregister;
		}

		/**
		 * Set the value of {@link #isForceReregister()}.
		 * @param forceReregister the new value
		 */
		public void setForceReregister(boolean forceReregister) {
			this.forceReregister = forceReregister;
		}

	}

	/**
	 * Default SUBSCRIBE options of the subscriptions declared in configuration.
	 */
	public static class SubscriberOptions extends ExtraOptions {

		/**
		 * How the router matches published topics against the subscribed one: exact,
		 * prefix or wildcard.
		 */
		private MatchPolicy match = MatchPolicy.EXACT;

		/**
		 * How the router matches published topics against the subscribed one: exact,
		 * prefix or wildcard.
		 * @return the match
		 */
		public MatchPolicy getMatch() {
			return this.match;
		}

		/**
		 * Set the value of {@link #getMatch()}.
		 * @param match the new value
		 */
		public void setMatch(MatchPolicy match) {
			this.match = match;
		}

	}

	/**
	 * The publisher role: features and default publication options.
	 */
	public static class PublisherDefaults extends Role {

		/**
		 * Default options of the template's publications.
		 */
		private final PublisherOptions options = new PublisherOptions();

		/**
		 * Default options of the template's publications.
		 * @return the options
		 */
		public PublisherOptions getOptions() {
			return this.options;
		}

	}

	/**
	 * The caller role: features, default call options and call retries. The
	 * {@code timeout} option is also every session's default call timeout, for calls that
	 * set none (the template's and those made on a {@code WampClient}) and for the
	 * router's answers to REGISTER, SUBSCRIBE and acknowledged PUBLISH; 0 waits without a
	 * deadline.
	 */
	public static class CallerDefaults extends Role {

		/**
		 * Default options of the template's calls; the timeout is also every session's
		 * default call timeout.
		 */
		private final CallerOptions options = new CallerOptions();

		/**
		 * Retries of calls that failed because the callee or the session was not there
		 * (the Erlang client's call_retries).
		 */
		private final Retry retry = new Retry();

		/**
		 * Procedures that may run twice with the same arguments: only their calls are
		 * retried after the connection was lost while they were pending (the callee may
		 * have run them). Absolute URIs, or relative ones (a leading dot) under the
		 * router's uri-prefix.
		 */
		private List<String> idempotentProcedures = new ArrayList<>();

		/**
		 * Default options of the template's calls; the timeout is also every session's
		 * default call timeout.
		 * @return the options
		 */
		public CallerOptions getOptions() {
			return this.options;
		}

		/**
		 * Retries of calls that failed because the callee or the session was not there
		 * (the Erlang client's call_retries).
		 * @return the retry
		 */
		public Retry getRetry() {
			return this.retry;
		}

		/**
		 * Procedures that may run twice with the same arguments: only their calls are
		 * retried after the connection was lost while they were pending (the callee may
		 * have run them).
		 * @return the idempotent procedures
		 */
		public List<String> getIdempotentProcedures() {
			return this.idempotentProcedures;
		}

		/**
		 * Set the value of {@link #getIdempotentProcedures()}.
		 * @param idempotentProcedures the new value
		 */
		public void setIdempotentProcedures(List<String> idempotentProcedures) {
			this.idempotentProcedures = idempotentProcedures;
		}

	}

	/**
	 * Call retries: off by default.
	 */
	public static class Retry {

		/**
		 * Whether the template retries a call that failed with one of the retryable error
		 * URIs.
		 */
		private boolean enabled = false;

		/**
		 * Largest number of retries of one call.
		 */
		private int maxRetries = 3;

		/**
		 * Delay before the first retry; it doubles on each retry.
		 */
		private Duration backoffMin = Duration.ofMillis(100);

		/**
		 * Longest delay between retries.
		 */
		private Duration backoffMax = Duration.ofSeconds(5);

		/**
		 * Error URIs that are retried: by default wamp.error.no_such_procedure,
		 * wamp.error.unavailable and the local transport_lost and not_connected.
		 * transport_lost, timeout and canceled are retried only for the
		 * idempotent-procedures: the callee may have run the call.
		 */
		private List<String> retryableUris = new ArrayList<>(
				CallRetry.DEFAULT_RETRYABLE_URIS.stream().sorted().toList());

		/**
		 * Whether the template retries a call that failed with one of the retryable error
		 * URIs.
		 * @return {@code true} if so
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set the value of {@link #isEnabled()}.
		 * @param enabled the new value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Largest number of retries of one call.
		 * @return the max retries
		 */
		public int getMaxRetries() {
			return this.maxRetries;
		}

		/**
		 * Set the value of {@link #getMaxRetries()}.
		 * @param maxRetries the new value
		 */
		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		/**
		 * Delay before the first retry; it doubles on each retry.
		 * @return the backoff min
		 */
		public Duration getBackoffMin() {
			return this.backoffMin;
		}

		/**
		 * Set the value of {@link #getBackoffMin()}.
		 * @param backoffMin the new value
		 */
		public void setBackoffMin(Duration backoffMin) {
			this.backoffMin = backoffMin;
		}

		/**
		 * Longest delay between retries.
		 * @return the backoff max
		 */
		public Duration getBackoffMax() {
			return this.backoffMax;
		}

		/**
		 * Set the value of {@link #getBackoffMax()}.
		 * @param backoffMax the new value
		 */
		public void setBackoffMax(Duration backoffMax) {
			this.backoffMax = backoffMax;
		}

		/**
		 * Error URIs that are retried: by default wamp.error.no_such_procedure,
		 * wamp.error.unavailable and the local transport_lost and not_connected.
		 * @return the retryable uris
		 */
		public List<String> getRetryableUris() {
			return this.retryableUris;
		}

		/**
		 * Set the value of {@link #getRetryableUris()}.
		 * @param retryableUris the new value
		 */
		public void setRetryableUris(List<String> retryableUris) {
			this.retryableUris = retryableUris;
		}

	}

	/**
	 * The callee role: features, default registration options and how handler exceptions
	 * map to error URIs.
	 */
	public static class CalleeDefaults extends Role {

		/**
		 * Default REGISTER options of the registrations declared in configuration
		 * (wamp.peers.*.roles.callee); annotated handlers carry their own.
		 */
		private final CalleeOptions options = new CalleeOptions();

		/**
		 * Error URI of a handler exception that exception-uris does not map (the
		 * application error URI). A WampException always answers with its own URI.
		 */
		private String errorUri = ClientOptions.DEFAULT_ERROR_URI;

		/**
		 * Error URIs of handler exceptions by fully qualified class name; a subclass maps
		 * as its nearest listed superclass. Added to the built-in table
		 * (IllegalArgumentException and validation exceptions to
		 * wamp.error.invalid_argument, Spring Security's access denied to
		 * wamp.error.not_authorized). Write class names in brackets:
		 * exception-uris[com.example.NotFoundException]=com.example.error.not_found.
		 */
		private Map<String, String> exceptionUris = new LinkedHashMap<>();

		/**
		 * Whether the error sent to a caller carries the handler exception's message.
		 * Off: the caller gets the error URI and a message naming the procedure and a
		 * correlation id (kwargs correlation_id) that the WARN log line of the failure
		 * shows. Turn on only where callers may see internals (SQL errors, host and user
		 * names), such as in development.
		 */
		private boolean includeExceptionMessage = false;

		/**
		 * Largest number of invocations of one handler method that run at once, for
		 * handlers that set none; more wait in a queue of queue-capacity. 0 for no limit.
		 * Default: 10 per available processor (the threads of Reactor's boundedElastic
		 * scheduler).
		 */
		private int concurrency = WampHandlerLimits.procedureDefaults().concurrency();

		/**
		 * Largest number of invocations of one handler method that wait for a free slot,
		 * for handlers that set none; an invocation beyond concurrency and queue-capacity
		 * is answered at once with wamp.error.unavailable.
		 */
		private int queueCapacity = WampHandlerLimits.DEFAULT_PROCEDURE_QUEUE_CAPACITY;

		/**
		 * What a session does when the router revokes one of its registrations (an
		 * administrator called wamp.registration.remove): keep-revoked leaves it revoked
		 * (health and the wamp endpoint show it, a WampRegistrationRevokedEvent is
		 * published), register-again registers it again at once.
		 */
		private OnRevoked onRevoked = OnRevoked.KEEP_REVOKED;

		/**
		 * What a session does when the router revokes one of its registrations or
		 * subscriptions.
		 * @return the policy
		 */
		public OnRevoked getOnRevoked() {
			return this.onRevoked;
		}

		/**
		 * Set the value of {@link #getOnRevoked()}.
		 * @param onRevoked the new value
		 */
		public void setOnRevoked(OnRevoked onRevoked) {
			this.onRevoked = onRevoked;
		}

		/**
		 * What to do with a revoked registration.
		 */
		public enum OnRevoked {

			/** Leave it revoked until the application registers again. */
			KEEP_REVOKED,

			/** Register it again at once. */
			REGISTER_AGAIN

		}

		/**
		 * Whether a procedure handler runs with the caller's identity (authid, authrole,
		 * session, as the router disclosed it) as Spring Security's Authentication, so
		 * that method security such as @PreAuthorize applies. Only when Spring Security
		 * is on the class path.
		 */
		private boolean securityContext = true;

		/**
		 * Whether a procedure handler runs with the caller's identity as Spring
		 * Security's Authentication.
		 * @return {@code true} if so
		 */
		public boolean isSecurityContext() {
			return this.securityContext;
		}

		/**
		 * Set the value of {@link #isSecurityContext()}.
		 * @param securityContext the new value
		 */
		public void setSecurityContext(boolean securityContext) {
			this.securityContext = securityContext;
		}

		/**
		 * Default REGISTER options of the registrations declared in configuration.
		 * @return the options
		 */
		public CalleeOptions getOptions() {
			return this.options;
		}

		/**
		 * Whether the error sent to a caller carries the handler exception's message.
		 * @return {@code true} if so
		 */
		public boolean isIncludeExceptionMessage() {
			return this.includeExceptionMessage;
		}

		/**
		 * Set the value of {@link #isIncludeExceptionMessage()}.
		 * @param includeExceptionMessage the new value
		 */
		public void setIncludeExceptionMessage(boolean includeExceptionMessage) {
			this.includeExceptionMessage = includeExceptionMessage;
		}

		/**
		 * Largest number of invocations of one handler method that run at once.
		 * @return the concurrency
		 */
		public int getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set the value of {@link #getConcurrency()}.
		 * @param concurrency the new value
		 */
		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		/**
		 * Largest number of invocations of one handler method that wait for a free slot.
		 * @return the queue capacity
		 */
		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		/**
		 * Set the value of {@link #getQueueCapacity()}.
		 * @param queueCapacity the new value
		 */
		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		/**
		 * Error URI of a handler exception that exception-uris does not map (the
		 * application error URI).
		 * @return the error uri
		 */
		public String getErrorUri() {
			return this.errorUri;
		}

		/**
		 * Set the value of {@link #getErrorUri()}.
		 * @param errorUri the new value
		 */
		public void setErrorUri(String errorUri) {
			this.errorUri = errorUri;
		}

		/**
		 * Error URIs of handler exceptions by fully qualified class name; a subclass maps
		 * as its nearest listed superclass.
		 * @return the exception uris
		 */
		public Map<String, String> getExceptionUris() {
			return this.exceptionUris;
		}

		/**
		 * Set the value of {@link #getExceptionUris()}.
		 * @param exceptionUris the new value
		 */
		public void setExceptionUris(Map<String, String> exceptionUris) {
			this.exceptionUris = exceptionUris;
		}

	}

	/**
	 * The subscriber role: features, default subscription options and how many events
	 * each handler takes at once.
	 */
	public static class SubscriberDefaults extends Role {

		/**
		 * Default SUBSCRIBE options of the subscriptions declared in configuration
		 * (wamp.peers.*.roles.subscriber); annotated handlers carry their own.
		 */
		private final SubscriberOptions options = new SubscriberOptions();

		/**
		 * Largest number of events of one subscription handled at once, for handlers that
		 * set none; 1 keeps events in order.
		 */
		private int concurrency = WampHandlerLimits.subscriptionDefaults().concurrency();

		/**
		 * Largest number of events of one subscription that wait for a free slot, for
		 * handlers that set none. When it is full, an arriving event is dropped, counted
		 * (wamp.client.events.dropped) and logged at most once per 10 s.
		 */
		private int queueCapacity = WampHandlerLimits.DEFAULT_SUBSCRIPTION_QUEUE_CAPACITY;

		/**
		 * What a session does when the router revokes one of its subscriptions (an
		 * administrator called wamp.subscription.remove): keep-revoked leaves it revoked
		 * (health and the wamp endpoint show it, a WampSubscriptionRevokedEvent is
		 * published), subscribe-again subscribes it again at once.
		 */
		private OnRevoked onRevoked = OnRevoked.KEEP_REVOKED;

		/**
		 * What a session does when the router revokes one of its registrations or
		 * subscriptions.
		 * @return the policy
		 */
		public OnRevoked getOnRevoked() {
			return this.onRevoked;
		}

		/**
		 * Set the value of {@link #getOnRevoked()}.
		 * @param onRevoked the new value
		 */
		public void setOnRevoked(OnRevoked onRevoked) {
			this.onRevoked = onRevoked;
		}

		/**
		 * What to do with a revoked subscription.
		 */
		public enum OnRevoked {

			/** Leave it revoked until the application subscribes again. */
			KEEP_REVOKED,

			/** Subscribe it again at once. */
			SUBSCRIBE_AGAIN

		}

		/**
		 * Default SUBSCRIBE options of the subscriptions declared in configuration
		 * (wamp.peers.*.roles.subscriber); annotated handlers carry their own.
		 * @return the options
		 */
		public SubscriberOptions getOptions() {
			return this.options;
		}

		/**
		 * Largest number of events of one subscription handled at once, for handlers that
		 * set none; 1 keeps events in order.
		 * @return the concurrency
		 */
		public int getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set the value of {@link #getConcurrency()}.
		 * @param concurrency the new value
		 */
		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		/**
		 * Largest number of events of one subscription that wait for a free slot, for
		 * handlers that set none.
		 * @return the queue capacity
		 */
		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		/**
		 * Set the value of {@link #getQueueCapacity()}.
		 * @param queueCapacity the new value
		 */
		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	/**
	 * Where the Nexus services live.
	 */
	public static class Nexus {

		/**
		 * Prefix of the Nexus service URIs, such as com.izaber.wamp; the peer's
		 * uri-prefix when not set.
		 */
		private @Nullable String prefix;

		/**
		 * Absolute URIs of services that live elsewhere, by service (whoami,
		 * roster-register, metadata-get, otp-create, apikeys-list, ...).
		 */
		private Map<NexusService, String> uris = new LinkedHashMap<>();

		/**
		 * Prefix of the Nexus service URIs, such as com.izaber.wamp; the peer's
		 * uri-prefix when not set.
		 * @return the prefix
		 */
		public @Nullable String getPrefix() {
			return this.prefix;
		}

		/**
		 * Set the value of {@link #getPrefix()}.
		 * @param prefix the new value
		 */
		public void setPrefix(@Nullable String prefix) {
			this.prefix = prefix;
		}

		/**
		 * Absolute URIs of services that live elsewhere, by service (whoami,
		 * roster-register, metadata-get, otp-create, apikeys-list, ...).
		 * @return the uris
		 */
		public Map<NexusService, String> getUris() {
			return this.uris;
		}

		/**
		 * Set the value of {@link #getUris()}.
		 * @param uris the new value
		 */
		public void setUris(Map<NexusService, String> uris) {
			this.uris = uris;
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

		/**
		 * An event the router publishes when a session of the peer ends (the session
		 * testament, wamp.session.add_testament), left again in every session; none
		 * unless topic is set.
		 */
		private final Testament testament = new Testament();

		/**
		 * The testament of the peer's sessions.
		 * @return the testament settings
		 */
		public Testament getTestament() {
			return this.testament;
		}

		/**
		 * Router (a key of wamp.routers); the default router when not set.
		 * @return the router
		 */
		public @Nullable String getRouter() {
			return this.router;
		}

		/**
		 * Set the value of {@link #getRouter()}.
		 * @param router the new value
		 */
		public void setRouter(@Nullable String router) {
			this.router = router;
		}

		/**
		 * Number of sessions the peer opens.
		 * @return the pool size
		 */
		public int getPoolSize() {
			return this.poolSize;
		}

		/**
		 * Set the value of {@link #getPoolSize()}.
		 * @param poolSize the new value
		 */
		public void setPoolSize(int poolSize) {
			this.poolSize = poolSize;
		}

		/**
		 * How a call or publication picks a session of the pool.
		 * @return the pool type
		 */
		public PoolType getPoolType() {
			return this.poolType;
		}

		/**
		 * Set the value of {@link #getPoolType()}.
		 * @param poolType the new value
		 */
		public void setPoolType(PoolType poolType) {
			this.poolType = poolType;
		}

		/**
		 * Registrations and subscriptions declared in configuration.
		 * @return the roles
		 */
		public Roles getRoles() {
			return this.roles;
		}

	}

	/**
	 * A peer's testament: an event the router publishes when a session of the peer ends,
	 * normally or not.
	 */
	public static class Testament {

		/**
		 * Topic of the event; no testament when not set. A URI starting with a dot is
		 * relative to the router's uri-prefix.
		 */
		private @Nullable String topic;

		/**
		 * Positional arguments of the event.
		 */
		private List<Object> args = new ArrayList<>();

		/**
		 * Keyword arguments of the event.
		 */
		private Map<String, Object> kwargs = new LinkedHashMap<>();

		/**
		 * Publish options of the event, such as eligible_authrole or disclose_me
		 * (acknowledge and exclude_me do not apply).
		 */
		private Map<String, Object> publishOptions = new LinkedHashMap<>();

		/**
		 * When the router publishes it: destroyed (the session ended) or detached (its
		 * transport went away; the same moment on a router without session resumption,
		 * such as the embedded one).
		 */
		private io.wampspring.client.Testament.Scope scope = io.wampspring.client.Testament.Scope.DESTROYED;

		/**
		 * The topic of the event.
		 * @return the value
		 */
		public @Nullable String getTopic() {
			return this.topic;
		}

		/**
		 * Set the value of {@link #getTopic()}.
		 * @param topic the new value
		 */
		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		/**
		 * The positional arguments of the event.
		 * @return the value
		 */
		public List<Object> getArgs() {
			return this.args;
		}

		/**
		 * Set the value of {@link #getArgs()}.
		 * @param args the new value
		 */
		public void setArgs(List<Object> args) {
			this.args = args;
		}

		/**
		 * The keyword arguments of the event.
		 * @return the value
		 */
		public Map<String, Object> getKwargs() {
			return this.kwargs;
		}

		/**
		 * Set the value of {@link #getKwargs()}.
		 * @param kwargs the new value
		 */
		public void setKwargs(Map<String, Object> kwargs) {
			this.kwargs = kwargs;
		}

		/**
		 * The publish options of the event.
		 * @return the value
		 */
		public Map<String, Object> getPublishOptions() {
			return this.publishOptions;
		}

		/**
		 * Set the value of {@link #getPublishOptions()}.
		 * @param publishOptions the new value
		 */
		public void setPublishOptions(Map<String, Object> publishOptions) {
			this.publishOptions = publishOptions;
		}

		/**
		 * The when the router publishes it.
		 * @return the value
		 */
		public io.wampspring.client.Testament.Scope getScope() {
			return this.scope;
		}

		/**
		 * Set the value of {@link #getScope()}.
		 * @param scope the new value
		 */
		public void setScope(io.wampspring.client.Testament.Scope scope) {
			this.scope = scope;
		}

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

		/**
		 * Callee role.
		 * @return the callee
		 */
		public Callee getCallee() {
			return this.callee;
		}

		/**
		 * Subscriber role.
		 * @return the subscriber
		 */
		public Subscriber getSubscriber() {
			return this.subscriber;
		}

	}

	/**
	 * Procedures registered from configuration.
	 */
	public static class Callee {

		/**
		 * Registrations by procedure URI. Write URIs in brackets, such as
		 * [com.example.echo], in YAML "[com.example.echo]": without them Spring Boot
		 * drops the entry (start-up fails with a message saying so).
		 */
		private Map<String, Registration> registrations = new LinkedHashMap<>();

		/**
		 * Registrations by procedure URI.
		 * @return the registrations
		 */
		public Map<String, Registration> getRegistrations() {
			return this.registrations;
		}

		/**
		 * Set the value of {@link #getRegistrations()}.
		 * @param registrations the new value
		 */
		public void setRegistrations(Map<String, Registration> registrations) {
			this.registrations = registrations;
		}

	}

	/**
	 * Topics subscribed from configuration.
	 */
	public static class Subscriber {

		/**
		 * Subscriptions by topic URI. Write URIs in brackets, such as [com.example.echo],
		 * in YAML "[com.example.echo]": without them Spring Boot drops the entry
		 * (start-up fails with a message saying so).
		 */
		private Map<String, Subscription> subscriptions = new LinkedHashMap<>();

		/**
		 * Subscriptions by topic URI.
		 * @return the subscriptions
		 */
		public Map<String, Subscription> getSubscriptions() {
			return this.subscriptions;
		}

		/**
		 * Set the value of {@link #getSubscriptions()}.
		 * @param subscriptions the new value
		 */
		public void setSubscriptions(Map<String, Subscription> subscriptions) {
			this.subscriptions = subscriptions;
		}

	}

	/**
	 * A bean method that handles a procedure or topic declared in configuration.
	 */
	public abstract static class Handler {

		/**
		 * The method as beanName#methodName. It binds arguments and maps results as a
		 * method annotated with @WampProcedure or @WampSubscribe does. Write URIs with
		 * dots in brackets, such as registrations[com.example.echo].handler, or in YAML
		 * "[com.example.echo]".
		 */
		private @Nullable String handler;

		/**
		 * The method as beanName#methodName.
		 * @return the handler
		 */
		public @Nullable String getHandler() {
			return this.handler;
		}

		/**
		 * Set the value of {@link #getHandler()}.
		 * @param handler the new value
		 */
		public void setHandler(@Nullable String handler) {
			this.handler = handler;
		}

	}

	/**
	 * A procedure registered from configuration.
	 */
	public static class Registration extends Handler {

		/**
		 * REGISTER options and limits of this registration; each one not set here comes
		 * from wamp.defaults.callee.
		 */
		private final RegistrationOptions options = new RegistrationOptions();

		/**
		 * REGISTER options and limits of this registration; each one not set here comes
		 * from wamp.defaults.callee.
		 * @return the options
		 */
		public RegistrationOptions getOptions() {
			return this.options;
		}

	}

	/**
	 * A topic subscribed from configuration.
	 */
	public static class Subscription extends Handler {

		/**
		 * SUBSCRIBE options and limits of this subscription; each one not set here comes
		 * from wamp.defaults.subscriber.
		 */
		private final SubscriptionOptions options = new SubscriptionOptions();

		/**
		 * SUBSCRIBE options and limits of this subscription; each one not set here comes
		 * from wamp.defaults.subscriber.
		 * @return the options
		 */
		public SubscriptionOptions getOptions() {
			return this.options;
		}

	}

	/**
	 * The REGISTER options and limits of one registration declared in configuration;
	 * those not set come from {@code wamp.defaults.callee}. The WAMP spellings bind too:
	 * {@code disclose_caller}, {@code force_reregister}, {@code queue_capacity}.
	 */
	public static class RegistrationOptions extends ExtraOptions {

		/**
		 * How the router matches called URIs against this one: exact, prefix or wildcard.
		 */
		private @Nullable MatchPolicy match;

		/**
		 * How the router picks among several callees of the procedure: single,
		 * roundrobin, random, first or last.
		 */
		private @Nullable InvokePolicy invoke;

		/**
		 * Whether to ask the router to disclose the caller's identity to the handler.
		 */
		private @Nullable Boolean discloseCaller;

		/**
		 * Whether the registration takes the procedure over from another session of the
		 * same authid.
		 */
		private @Nullable Boolean forceReregister;

		/**
		 * Largest number of invocations that run at once; 0 for no limit.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Largest number of invocations that wait for a free slot.
		 */
		private @Nullable Integer queueCapacity;

		/**
		 * How the router matches called URIs against this one: exact, prefix or wildcard.
		 * @return the match
		 */
		public @Nullable MatchPolicy getMatch() {
			return this.match;
		}

		/**
		 * Set the value of {@link #getMatch()}.
		 * @param match the new value
		 */
		public void setMatch(@Nullable MatchPolicy match) {
			this.match = match;
		}

		/**
		 * How the router picks among several callees of the procedure: single,
		 * roundrobin, random, first or last.
		 * @return the invoke
		 */
		public @Nullable InvokePolicy getInvoke() {
			return this.invoke;
		}

		/**
		 * Set the value of {@link #getInvoke()}.
		 * @param invoke the new value
		 */
		public void setInvoke(@Nullable InvokePolicy invoke) {
			this.invoke = invoke;
		}

		/**
		 * Whether to ask the router to disclose the caller's identity to the handler.
		 * @return the disclose caller
		 */
		public @Nullable Boolean getDiscloseCaller() {
			return this.discloseCaller;
		}

		/**
		 * Set the value of {@link #getDiscloseCaller()}.
		 * @param discloseCaller the new value
		 */
		public void setDiscloseCaller(@Nullable Boolean discloseCaller) {
			this.discloseCaller = discloseCaller;
		}

		/**
		 * Whether the registration takes the procedure over from another session of the
		 * same authid.
		 * @return the force reregister
		 */
		public @Nullable Boolean getForceReregister() {
			return this.forceReregister;
		}

		/**
		 * Set the value of {@link #getForceReregister()}.
		 * @param forceReregister the new value
		 */
		public void setForceReregister(@Nullable Boolean forceReregister) {
			this.forceReregister = forceReregister;
		}

		/**
		 * Largest number of invocations that run at once; 0 for no limit.
		 * @return the concurrency
		 */
		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set the value of {@link #getConcurrency()}.
		 * @param concurrency the new value
		 */
		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		/**
		 * Largest number of invocations that wait for a free slot.
		 * @return the queue capacity
		 */
		public @Nullable Integer getQueueCapacity() {
			return this.queueCapacity;
		}

		/**
		 * Set the value of {@link #getQueueCapacity()}.
		 * @param queueCapacity the new value
		 */
		public void setQueueCapacity(@Nullable Integer queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	/**
	 * The SUBSCRIBE options and limits of one subscription declared in configuration;
	 * those not set come from {@code wamp.defaults.subscriber}. The WAMP spelling
	 * {@code queue_capacity} binds too.
	 */
	public static class SubscriptionOptions extends ExtraOptions {

		/**
		 * How the router matches published topics against this one: exact, prefix or
		 * wildcard.
		 */
		private @Nullable MatchPolicy match;

		/**
		 * Largest number of events handled at once; 1 keeps events in order.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Largest number of events that wait for a free slot.
		 */
		private @Nullable Integer queueCapacity;

		/**
		 * Whether to ask the router for the topic's retained event when subscribing (and
		 * after every reconnect); it arrives first, marked retained.
		 */
		private boolean getRetained = false;

		/**
		 * Whether to ask the router for the topic's retained event when subscribing.
		 * @return {@code true} if so
		 */
		public boolean isGetRetained() {
			return this.getRetained;
		}

		/**
		 * Set the value of {@link #isGetRetained()}.
		 * @param getRetained the new value
		 */
		public void setGetRetained(boolean getRetained) {
			this.getRetained = getRetained;
		}

		/**
		 * How the router matches published topics against this one: exact, prefix or
		 * wildcard.
		 * @return the match
		 */
		public @Nullable MatchPolicy getMatch() {
			return this.match;
		}

		/**
		 * Set the value of {@link #getMatch()}.
		 * @param match the new value
		 */
		public void setMatch(@Nullable MatchPolicy match) {
			this.match = match;
		}

		/**
		 * Largest number of events handled at once; 1 keeps events in order.
		 * @return the concurrency
		 */
		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set the value of {@link #getConcurrency()}.
		 * @param concurrency the new value
		 */
		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		/**
		 * Largest number of events that wait for a free slot.
		 * @return the queue capacity
		 */
		public @Nullable Integer getQueueCapacity() {
			return this.queueCapacity;
		}

		/**
		 * Set the value of {@link #getQueueCapacity()}.
		 * @param queueCapacity the new value
		 */
		public void setQueueCapacity(@Nullable Integer queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

}
