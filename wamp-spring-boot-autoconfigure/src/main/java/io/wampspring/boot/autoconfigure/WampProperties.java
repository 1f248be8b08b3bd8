package io.wampspring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.reconnect.ReconnectOptions;
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

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public Duration getShutdownGracePeriod() {
		return this.shutdownGracePeriod;
	}

	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdownGracePeriod = shutdownGracePeriod;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	public Nexus getNexus() {
		return this.nexus;
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

		public Duration getJoinTimeout() {
			return this.joinTimeout;
		}

		public void setJoinTimeout(Duration joinTimeout) {
			this.joinTimeout = joinTimeout;
		}

		public SessionLimits getLimits() {
			return this.limits;
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

		public int getMaxPendingCalls() {
			return this.maxPendingCalls;
		}

		public void setMaxPendingCalls(int maxPendingCalls) {
			this.maxPendingCalls = maxPendingCalls;
		}

		public int getProgressiveBuffer() {
			return this.progressiveBuffer;
		}

		public void setProgressiveBuffer(int progressiveBuffer) {
			this.progressiveBuffer = progressiveBuffer;
		}

		public int getInboundHighWaterMark() {
			return this.inboundHighWaterMark;
		}

		public void setInboundHighWaterMark(int inboundHighWaterMark) {
			this.inboundHighWaterMark = inboundHighWaterMark;
		}

		public int getInboundLowWaterMark() {
			return this.inboundLowWaterMark;
		}

		public void setInboundLowWaterMark(int inboundLowWaterMark) {
			this.inboundLowWaterMark = inboundLowWaterMark;
		}

		public int getMaxQueuedInvocations() {
			return this.maxQueuedInvocations;
		}

		public void setMaxQueuedInvocations(int maxQueuedInvocations) {
			this.maxQueuedInvocations = maxQueuedInvocations;
		}

		public int getEventBuffer() {
			return this.eventBuffer;
		}

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

		/**
		 * What to do when the router refuses the credentials: stop (the session stays
		 * closed, health DOWN with the router's reason) or keep trying at the longest
		 * delay (backoff-max), so that credentials fixed at the router are picked up
		 * without a restart.
		 */
		private ReconnectOptions.AuthFailurePolicy authFailure = ReconnectOptions.AuthFailurePolicy.STOP;

		public ReconnectOptions.AuthFailurePolicy getAuthFailure() {
			return this.authFailure;
		}

		public void setAuthFailure(ReconnectOptions.AuthFailurePolicy authFailure) {
			this.authFailure = authFailure;
		}

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
		 * Role to ask for; the router decides. Not sent yet: wamp-client does not
		 * announce an authrole in HELLO.
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

		public @Nullable Path getPrivateKeyFile() {
			return this.privateKeyFile;
		}

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
		private final Role publisher = new Role();

		/**
		 * Subscriber features, default subscription options and how many events each
		 * handler takes at once.
		 */
		private final SubscriberDefaults subscriber = new SubscriberDefaults();

		public @Nullable String getRouter() {
			return this.router;
		}

		public void setRouter(@Nullable String router) {
			this.router = router;
		}

		public CallerDefaults getCaller() {
			return this.caller;
		}

		public CalleeDefaults getCallee() {
			return this.callee;
		}

		public Role getPublisher() {
			return this.publisher;
		}

		public SubscriberDefaults getSubscriber() {
			return this.subscriber;
		}

	}

	/**
	 * Features announced for a role in HELLO, and default options of its messages.
	 */
	public static class Role {

		/**
		 * Feature flags announced in HELLO, overriding the built-in ones (a feature set
		 * to false is not announced).
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
	 * The caller role: features, default call options (timeout, disclose_me, ...) and
	 * call retries. The {@code timeout} option is also every session's default call
	 * timeout, for calls that set none (the template's and those made on a
	 * {@code WampClient}) and for the router's answers to REGISTER, SUBSCRIBE and
	 * acknowledged PUBLISH; 0 waits without a deadline, and when it is not set the
	 * client's default of 30 s applies.
	 */
	public static class CallerDefaults extends Role {

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

		public Retry getRetry() {
			return this.retry;
		}

		public List<String> getIdempotentProcedures() {
			return this.idempotentProcedures;
		}

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

		public List<String> getRetryableUris() {
			return this.retryableUris;
		}

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

		public OnRevoked getOnRevoked() {
			return this.onRevoked;
		}

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

		public boolean isIncludeExceptionMessage() {
			return this.includeExceptionMessage;
		}

		public void setIncludeExceptionMessage(boolean includeExceptionMessage) {
			this.includeExceptionMessage = includeExceptionMessage;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public String getErrorUri() {
			return this.errorUri;
		}

		public void setErrorUri(String errorUri) {
			this.errorUri = errorUri;
		}

		public Map<String, String> getExceptionUris() {
			return this.exceptionUris;
		}

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

		public OnRevoked getOnRevoked() {
			return this.onRevoked;
		}

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

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

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

		public @Nullable String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(@Nullable String prefix) {
			this.prefix = prefix;
		}

		public Map<NexusService, String> getUris() {
			return this.uris;
		}

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

		public Testament getTestament() {
			return this.testament;
		}

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

		public @Nullable String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		public List<Object> getArgs() {
			return this.args;
		}

		public void setArgs(List<Object> args) {
			this.args = args;
		}

		public Map<String, Object> getKwargs() {
			return this.kwargs;
		}

		public void setKwargs(Map<String, Object> kwargs) {
			this.kwargs = kwargs;
		}

		public Map<String, Object> getPublishOptions() {
			return this.publishOptions;
		}

		public void setPublishOptions(Map<String, Object> publishOptions) {
			this.publishOptions = publishOptions;
		}

		public io.wampspring.client.Testament.Scope getScope() {
			return this.scope;
		}

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
		 * Registrations by procedure URI. Write URIs in brackets, such as
		 * [com.example.echo], in YAML "[com.example.echo]": without them Spring Boot
		 * drops the entry (start-up fails with a message saying so).
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
		 * Subscriptions by topic URI. Write URIs in brackets, such as [com.example.echo],
		 * in YAML "[com.example.echo]": without them Spring Boot drops the entry
		 * (start-up fails with a message saying so).
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
		 * The method as beanName#methodName. It binds arguments and maps results as a
		 * method annotated with @WampProcedure or @WampSubscribe does. Write URIs with
		 * dots in brackets, such as registrations[com.example.echo].handler, or in YAML
		 * "[com.example.echo]".
		 */
		private @Nullable String handler;

		/**
		 * REGISTER or SUBSCRIBE options, in WAMP's names: match (exact, prefix,
		 * wildcard), invoke (single, roundrobin, random, first, last), disclose_caller,
		 * and concurrency (how many run at once); others are sent as they are.
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

}
