package io.wampspring.boot.autoconfigure.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the embedded WAMP router ({@code wamp.embedded-router.*}): its
 * listeners, realms, users and permissions, Nexus-style services and limits. Bound next
 * to {@code WampProperties}, which configures the client side; the keys are checked by
 * the same unknown-property check.
 */
@ConfigurationProperties(WampRouterProperties.PREFIX)
public class WampRouterProperties {

	/**
	 * The prefix of the embedded router's properties.
	 */
	public static final String PREFIX = "wamp.embedded-router";

	/**
	 * Whether to start the embedded router with the application.
	 */
	private boolean enabled = false;

	/**
	 * Address the router's listeners bind to.
	 */
	private String host = "127.0.0.1";

	/**
	 * WebSocket port; 0 picks a free one, -1 opens no WebSocket listener (in-process
	 * clients only).
	 */
	private int port = 8090;

	/**
	 * WebSocket path.
	 */
	private String path = "/ws";

	/**
	 * RawSocket (TCP) port; 0 picks a free one. No RawSocket listener when not set.
	 */
	private @Nullable Integer rawSocketPort;

	/**
	 * Realms by name. An open realm "realm1" (anonymous, everything allowed) when none is
	 * configured.
	 */
	private Map<String, Realm> realms = new LinkedHashMap<>();

	/**
	 * The Nexus-style services every realm offers (auth.whoami, system.roster.*,
	 * my.metadata.*, my.otp.*, my.apikeys.*).
	 */
	private final Nexus nexus = new Nexus();

	/**
	 * How the router answers rejected logins.
	 */
	private final Authentication authentication = new Authentication();

	/**
	 * Limits and timeouts that protect the router from one connection or session.
	 */
	private final Limits limits = new Limits();

	/**
	 * Whether to start the embedded router with the application.
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
	 * Address the router's listeners bind to.
	 * @return the host
	 */
	public String getHost() {
		return this.host;
	}

	/**
	 * Set the value of {@link #getHost()}.
	 * @param host the new value
	 */
	public void setHost(String host) {
		this.host = host;
	}

	/**
	 * WebSocket port; 0 picks a free one, -1 opens no WebSocket listener (in-process
	 * clients only).
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Set the value of {@link #getPort()}.
	 * @param port the new value
	 */
	public void setPort(int port) {
		this.port = port;
	}

	/**
	 * WebSocket path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Set the value of {@link #getPath()}.
	 * @param path the new value
	 */
	public void setPath(String path) {
		this.path = path;
	}

	/**
	 * RawSocket (TCP) port; 0 picks a free one.
	 * @return the raw socket port
	 */
	public @Nullable Integer getRawSocketPort() {
		return this.rawSocketPort;
	}

	/**
	 * Set the value of {@link #getRawSocketPort()}.
	 * @param rawSocketPort the new value
	 */
	public void setRawSocketPort(@Nullable Integer rawSocketPort) {
		this.rawSocketPort = rawSocketPort;
	}

	/**
	 * Realms by name.
	 * @return the realms
	 */
	public Map<String, Realm> getRealms() {
		return this.realms;
	}

	/**
	 * Set the value of {@link #getRealms()}.
	 * @param realms the new value
	 */
	public void setRealms(Map<String, Realm> realms) {
		this.realms = realms;
	}

	/**
	 * The Nexus-style services every realm offers (auth.whoami, system.roster.*,
	 * my.metadata.*, my.otp.*, my.apikeys.*).
	 * @return the nexus
	 */
	public Nexus getNexus() {
		return this.nexus;
	}

	/**
	 * How the router answers rejected logins.
	 * @return the authentication
	 */
	public Authentication getAuthentication() {
		return this.authentication;
	}

	/**
	 * Limits and timeouts that protect the router from one connection or session.
	 * @return the limits
	 */
	public Limits getLimits() {
		return this.limits;
	}

	/**
	 * The embedded router's Nexus-style services and their bounds.
	 */
	public static class Nexus {

		/**
		 * URI prefix of the services, such as com.izaber.wamp (services at
		 * com.izaber.wamp.auth.whoami, ...). Empty: services at auth.whoami, ... A role
		 * needs the permission to call each service, like any procedure.
		 */
		private String prefix = "";

		/**
		 * Metadata (my.metadata.*) bounds.
		 */
		private final Metadata metadata = new Metadata();

		/**
		 * Roster (system.roster.*) bounds.
		 */
		private final Roster roster = new Roster();

		/**
		 * One-time passwords (my.otp.*).
		 */
		private final Otp otp = new Otp();

		/**
		 * API keys (my.apikeys.*).
		 */
		private final ApiKeys apikeys = new ApiKeys();

		/**
		 * How long a service call waits for the metadata store (an application's
		 * MetadataStore bean) before it is answered with wamp.error.timeout.
		 */
		private Duration storeTimeout = Duration.ofSeconds(10);

		/**
		 * URI prefix of the services, such as com.izaber.wamp (services at
		 * com.izaber.wamp.auth.whoami, ...).
		 * @return the prefix
		 */
		public String getPrefix() {
			return this.prefix;
		}

		/**
		 * Set the value of {@link #getPrefix()}.
		 * @param prefix the new value
		 */
		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

		/**
		 * Metadata (my.metadata.*) bounds.
		 * @return the metadata
		 */
		public Metadata getMetadata() {
			return this.metadata;
		}

		/**
		 * Roster (system.roster.*) bounds.
		 * @return the roster
		 */
		public Roster getRoster() {
			return this.roster;
		}

		/**
		 * One-time passwords (my.otp.*).
		 * @return the otp
		 */
		public Otp getOtp() {
			return this.otp;
		}

		/**
		 * API keys (my.apikeys.*).
		 * @return the apikeys
		 */
		public ApiKeys getApikeys() {
			return this.apikeys;
		}

		/**
		 * How long a service call waits for the metadata store (an application's
		 * MetadataStore bean) before it is answered with wamp.error.timeout.
		 * @return the store timeout
		 */
		public Duration getStoreTimeout() {
			return this.storeTimeout;
		}

		/**
		 * Set the value of {@link #getStoreTimeout()}.
		 * @param storeTimeout the new value
		 */
		public void setStoreTimeout(Duration storeTimeout) {
			this.storeTimeout = storeTimeout;
		}

	}

	/**
	 * What one authid may keep in my.metadata.*.
	 */
	public static class Metadata {

		/**
		 * Metadata keys one authid may hold; one more is answered with
		 * wamp.error.limit_exceeded.
		 */
		private int maxEntries = 256;

		/**
		 * Metadata one authid may hold, keys and values measured as JSON.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(1);

		/**
		 * Metadata all authids together may hold in the default in-memory store (not used
		 * with an application's MetadataStore bean).
		 */
		private DataSize maxTotalBytes = DataSize.ofMegabytes(64);

		/**
		 * Metadata keys one authid may hold; one more is answered with
		 * wamp.error.limit_exceeded.
		 * @return the max entries
		 */
		public int getMaxEntries() {
			return this.maxEntries;
		}

		/**
		 * Set the value of {@link #getMaxEntries()}.
		 * @param maxEntries the new value
		 */
		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		/**
		 * Metadata one authid may hold, keys and values measured as JSON.
		 * @return the max bytes
		 */
		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		/**
		 * Set the value of {@link #getMaxBytes()}.
		 * @param maxBytes the new value
		 */
		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		/**
		 * Metadata all authids together may hold in the default in-memory store (not used
		 * with an application's MetadataStore bean).
		 * @return the max total bytes
		 */
		public DataSize getMaxTotalBytes() {
			return this.maxTotalBytes;
		}

		/**
		 * Set the value of {@link #getMaxTotalBytes()}.
		 * @param maxTotalBytes the new value
		 */
		public void setMaxTotalBytes(DataSize maxTotalBytes) {
			this.maxTotalBytes = maxTotalBytes;
		}

	}

	/**
	 * Bounds of system.roster.*.
	 */
	public static class Roster {

		/**
		 * Rosters one session may be registered in.
		 */
		private int maxEntriesPerSession = 100;

		/**
		 * The largest roster entry (name and data, measured as JSON).
		 */
		private DataSize maxEntrySize = DataSize.ofKilobytes(64);

		/**
		 * Rosters one session may be registered in.
		 * @return the max entries per session
		 */
		public int getMaxEntriesPerSession() {
			return this.maxEntriesPerSession;
		}

		/**
		 * Set the value of {@link #getMaxEntriesPerSession()}.
		 * @param maxEntriesPerSession the new value
		 */
		public void setMaxEntriesPerSession(int maxEntriesPerSession) {
			this.maxEntriesPerSession = maxEntriesPerSession;
		}

		/**
		 * The largest roster entry (name and data, measured as JSON).
		 * @return the max entry size
		 */
		public DataSize getMaxEntrySize() {
			return this.maxEntrySize;
		}

		/**
		 * Set the value of {@link #getMaxEntrySize()}.
		 * @param maxEntrySize the new value
		 */
		public void setMaxEntrySize(DataSize maxEntrySize) {
			this.maxEntrySize = maxEntrySize;
		}

	}

	/**
	 * One-time passwords (my.otp.*): tickets for their owner's authid that work once.
	 */
	public static class Otp {

		/**
		 * How long a one-time password may be used after it was created.
		 */
		private Duration lifetime = Duration.ofMinutes(10);

		/**
		 * Unused one-time passwords one authid may hold.
		 */
		private int maxPerAuthid = 10;

		/**
		 * How long a one-time password may be used after it was created.
		 * @return the lifetime
		 */
		public Duration getLifetime() {
			return this.lifetime;
		}

		/**
		 * Set the value of {@link #getLifetime()}.
		 * @param lifetime the new value
		 */
		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		/**
		 * Unused one-time passwords one authid may hold.
		 * @return the max per authid
		 */
		public int getMaxPerAuthid() {
			return this.maxPerAuthid;
		}

		/**
		 * Set the value of {@link #getMaxPerAuthid()}.
		 * @param maxPerAuthid the new value
		 */
		public void setMaxPerAuthid(int maxPerAuthid) {
			this.maxPerAuthid = maxPerAuthid;
		}

	}

	/**
	 * API keys (my.apikeys.*): tickets for their owner's authid, limited to their
	 * permissions.
	 */
	public static class ApiKeys {

		/**
		 * API keys one authid may hold.
		 */
		private int maxPerAuthid = 100;

		/**
		 * API keys one authid may hold.
		 * @return the max per authid
		 */
		public int getMaxPerAuthid() {
			return this.maxPerAuthid;
		}

		/**
		 * Set the value of {@link #getMaxPerAuthid()}.
		 * @param maxPerAuthid the new value
		 */
		public void setMaxPerAuthid(int maxPerAuthid) {
			this.maxPerAuthid = maxPerAuthid;
		}

	}

	/**
	 * How the embedded router answers rejected logins.
	 */
	public static class Authentication {

		/**
		 * Whether a rejected client reads the true reason (such as
		 * wamp.error.no_such_principal for an unknown authid), for development. By
		 * default an unknown authid and wrong credentials get the same ABORT, so that
		 * user names cannot be enumerated; the log always has the true reason.
		 */
		private boolean preciseErrors = false;

		/**
		 * Whether a rejected client reads the true reason (such as
		 * wamp.error.no_such_principal for an unknown authid), for development.
		 * @return {@code true} if so
		 */
		public boolean isPreciseErrors() {
			return this.preciseErrors;
		}

		/**
		 * Set the value of {@link #isPreciseErrors()}.
		 * @param preciseErrors the new value
		 */
		public void setPreciseErrors(boolean preciseErrors) {
			this.preciseErrors = preciseErrors;
		}

	}

	/**
	 * Limits and timeouts of the embedded router (its {@code RouterLimits}).
	 */
	public static class Limits {

		/**
		 * Largest message a client may send; also the most one connection may hold for a
		 * message still arriving. A larger message ends its session with
		 * wamp.error.protocol_violation.
		 */
		private DataSize maxMessageSize = DataSize.ofMegabytes(16);

		/**
		 * Bytes held for messages that have not completely arrived, over all connections;
		 * the connection that would pass it is closed (ABORT wamp.error.limit_exceeded).
		 */
		private DataSize maxIncompleteMessageBytes = DataSize.ofMegabytes(64);

		/**
		 * Bytes waiting to be written to one client; a client that reads too slowly to
		 * stay under it is disconnected.
		 */
		private DataSize maxOutboundBytesPerSession = DataSize.ofMegabytes(64);

		/**
		 * Bytes that may wait to be written to a callee when the router forwards it one
		 * more chunk of a progressive call invocation; above it that call fails with
		 * wamp.error.limit_exceeded (the callee gets INTERRUPT), long before the callee's
		 * connection reaches max-outbound-bytes-per-session.
		 */
		private DataSize maxProgressiveBacklog = DataSize.ofMegabytes(4);

		/**
		 * Calls a session may have in flight as caller; one more is answered with
		 * wamp.error.limit_exceeded.
		 */
		private int maxPendingCallsPerSession = 10_000;

		/**
		 * Registrations per session.
		 */
		private int maxRegistrationsPerSession = 1_000;

		/**
		 * Subscriptions per session.
		 */
		private int maxSubscriptionsPerSession = 1_000;

		/**
		 * Time from TCP accept (TLS included) until the WebSocket upgrade or RawSocket
		 * handshake is done; then the connection is closed.
		 */
		private Duration openTimeout = Duration.ofSeconds(5);

		/**
		 * Time from the transport opening until HELLO; then ABORT wamp.error.timeout.
		 */
		private Duration helloTimeout = Duration.ofSeconds(5);

		/**
		 * Time from CHALLENGE until AUTHENTICATE; then ABORT wamp.error.timeout.
		 */
		private Duration authenticateTimeout = Duration.ofSeconds(10);

		/**
		 * Silence after which the router pings the client (WebSocket ping, RawSocket
		 * PING); 0 sends no pings.
		 */
		private Duration keepAliveInterval = Duration.ofSeconds(30);

		/**
		 * Time to wait for any byte after such a ping before closing the connection.
		 */
		private Duration keepAliveTimeout = Duration.ofSeconds(10);

		/**
		 * Largest message a client may send; also the most one connection may hold for a
		 * message still arriving.
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

		/**
		 * Bytes held for messages that have not completely arrived, over all connections;
		 * the connection that would pass it is closed (ABORT wamp.error.limit_exceeded).
		 * @return the max incomplete message bytes
		 */
		public DataSize getMaxIncompleteMessageBytes() {
			return this.maxIncompleteMessageBytes;
		}

		/**
		 * Set the value of {@link #getMaxIncompleteMessageBytes()}.
		 * @param maxIncompleteMessageBytes the new value
		 */
		public void setMaxIncompleteMessageBytes(DataSize maxIncompleteMessageBytes) {
			this.maxIncompleteMessageBytes = maxIncompleteMessageBytes;
		}

		/**
		 * Bytes waiting to be written to one client; a client that reads too slowly to
		 * stay under it is disconnected.
		 * @return the max outbound bytes per session
		 */
		public DataSize getMaxOutboundBytesPerSession() {
			return this.maxOutboundBytesPerSession;
		}

		/**
		 * Set the value of {@link #getMaxOutboundBytesPerSession()}.
		 * @param maxOutboundBytesPerSession the new value
		 */
		public void setMaxOutboundBytesPerSession(DataSize maxOutboundBytesPerSession) {
			this.maxOutboundBytesPerSession = maxOutboundBytesPerSession;
		}

		/**
		 * Bytes that may wait for a callee of a progressive call invocation before that
		 * call fails.
		 * @return the backlog bound
		 */
		public DataSize getMaxProgressiveBacklog() {
			return this.maxProgressiveBacklog;
		}

		/**
		 * Set the value of {@link #getMaxProgressiveBacklog()}.
		 * @param maxProgressiveBacklog the new value
		 */
		public void setMaxProgressiveBacklog(DataSize maxProgressiveBacklog) {
			this.maxProgressiveBacklog = maxProgressiveBacklog;
		}

		/**
		 * Calls a session may have in flight as caller; one more is answered with
		 * wamp.error.limit_exceeded.
		 * @return the max pending calls per session
		 */
		public int getMaxPendingCallsPerSession() {
			return this.maxPendingCallsPerSession;
		}

		/**
		 * Set the value of {@link #getMaxPendingCallsPerSession()}.
		 * @param maxPendingCallsPerSession the new value
		 */
		public void setMaxPendingCallsPerSession(int maxPendingCallsPerSession) {
			this.maxPendingCallsPerSession = maxPendingCallsPerSession;
		}

		/**
		 * Registrations per session.
		 * @return the max registrations per session
		 */
		public int getMaxRegistrationsPerSession() {
			return this.maxRegistrationsPerSession;
		}

		/**
		 * Set the value of {@link #getMaxRegistrationsPerSession()}.
		 * @param maxRegistrationsPerSession the new value
		 */
		public void setMaxRegistrationsPerSession(int maxRegistrationsPerSession) {
			this.maxRegistrationsPerSession = maxRegistrationsPerSession;
		}

		/**
		 * Subscriptions per session.
		 * @return the max subscriptions per session
		 */
		public int getMaxSubscriptionsPerSession() {
			return this.maxSubscriptionsPerSession;
		}

		/**
		 * Set the value of {@link #getMaxSubscriptionsPerSession()}.
		 * @param maxSubscriptionsPerSession the new value
		 */
		public void setMaxSubscriptionsPerSession(int maxSubscriptionsPerSession) {
			this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
		}

		/**
		 * Time from TCP accept (TLS included) until the WebSocket upgrade or RawSocket
		 * handshake is done; then the connection is closed.
		 * @return the open timeout
		 */
		public Duration getOpenTimeout() {
			return this.openTimeout;
		}

		/**
		 * Set the value of {@link #getOpenTimeout()}.
		 * @param openTimeout the new value
		 */
		public void setOpenTimeout(Duration openTimeout) {
			this.openTimeout = openTimeout;
		}

		/**
		 * Time from the transport opening until HELLO; then ABORT wamp.error.timeout.
		 * @return the hello timeout
		 */
		public Duration getHelloTimeout() {
			return this.helloTimeout;
		}

		/**
		 * Set the value of {@link #getHelloTimeout()}.
		 * @param helloTimeout the new value
		 */
		public void setHelloTimeout(Duration helloTimeout) {
			this.helloTimeout = helloTimeout;
		}

		/**
		 * Time from CHALLENGE until AUTHENTICATE; then ABORT wamp.error.timeout.
		 * @return the authenticate timeout
		 */
		public Duration getAuthenticateTimeout() {
			return this.authenticateTimeout;
		}

		/**
		 * Set the value of {@link #getAuthenticateTimeout()}.
		 * @param authenticateTimeout the new value
		 */
		public void setAuthenticateTimeout(Duration authenticateTimeout) {
			this.authenticateTimeout = authenticateTimeout;
		}

		/**
		 * Silence after which the router pings the client (WebSocket ping, RawSocket
		 * PING); 0 sends no pings.
		 * @return the keep alive interval
		 */
		public Duration getKeepAliveInterval() {
			return this.keepAliveInterval;
		}

		/**
		 * Set the value of {@link #getKeepAliveInterval()}.
		 * @param keepAliveInterval the new value
		 */
		public void setKeepAliveInterval(Duration keepAliveInterval) {
			this.keepAliveInterval = keepAliveInterval;
		}

		/**
		 * Time to wait for any byte after such a ping before closing the connection.
		 * @return the keep alive timeout
		 */
		public Duration getKeepAliveTimeout() {
			return this.keepAliveTimeout;
		}

		/**
		 * Set the value of {@link #getKeepAliveTimeout()}.
		 * @param keepAliveTimeout the new value
		 */
		public void setKeepAliveTimeout(Duration keepAliveTimeout) {
			this.keepAliveTimeout = keepAliveTimeout;
		}

	}

	/**
	 * A realm of the embedded router.
	 */
	public static class Realm {

		/**
		 * Whether anonymous sessions may join. By default, only when the realm has no
		 * users.
		 */
		private @Nullable Boolean anonymous;

		/**
		 * Role of anonymous sessions.
		 */
		private String anonymousRole = "anonymous";

		/**
		 * Roles by name with their permission rules. Without roles every session may do
		 * everything.
		 */
		private Map<String, RealmRole> roles = new LinkedHashMap<>();

		/**
		 * Static users by authid. Write an authid with dots in brackets, such as
		 * users[john.doe].secret, or in YAML "[john.doe]": without them Spring Boot drops
		 * the user (start-up fails with a message saying so).
		 */
		private Map<String, RealmUser> users = new LinkedHashMap<>();

		/**
		 * Tickets checked by Spring Security, for the authids that are not static users
		 * with a secret.
		 */
		private Ticket ticket = new Ticket();

		/**
		 * Topics (or patterns) whose last events the router keeps for
		 * wamp.subscription.get_events; a client reads them with the id of its
		 * subscription of the same URI and match.
		 */
		private List<EventHistoryRule> eventHistory = new ArrayList<>();

		/**
		 * Largest number of topics with a retained event (event retention); a retained
		 * publication on a further topic is delivered but not retained. 0 disables
		 * retention.
		 */
		private int maxRetainedTopics = 1000;

		/**
		 * The topics whose last events the router keeps.
		 * @return the event history rules
		 */
		public List<EventHistoryRule> getEventHistory() {
			return this.eventHistory;
		}

		/**
		 * Set the value of {@link #getEventHistory()}.
		 * @param eventHistory the new value
		 */
		public void setEventHistory(List<EventHistoryRule> eventHistory) {
			this.eventHistory = eventHistory;
		}

		/**
		 * Largest number of topics with a retained event.
		 * @return the bound
		 */
		public int getMaxRetainedTopics() {
			return this.maxRetainedTopics;
		}

		/**
		 * Set the value of {@link #getMaxRetainedTopics()}.
		 * @param maxRetainedTopics the new value
		 */
		public void setMaxRetainedTopics(int maxRetainedTopics) {
			this.maxRetainedTopics = maxRetainedTopics;
		}

		/**
		 * Whether anonymous sessions may join.
		 * @return the anonymous
		 */
		public @Nullable Boolean getAnonymous() {
			return this.anonymous;
		}

		/**
		 * Set the value of {@link #getAnonymous()}.
		 * @param anonymous the new value
		 */
		public void setAnonymous(@Nullable Boolean anonymous) {
			this.anonymous = anonymous;
		}

		/**
		 * Role of anonymous sessions.
		 * @return the anonymous role
		 */
		public String getAnonymousRole() {
			return this.anonymousRole;
		}

		/**
		 * Set the value of {@link #getAnonymousRole()}.
		 * @param anonymousRole the new value
		 */
		public void setAnonymousRole(String anonymousRole) {
			this.anonymousRole = anonymousRole;
		}

		/**
		 * Roles by name with their permission rules.
		 * @return the roles
		 */
		public Map<String, RealmRole> getRoles() {
			return this.roles;
		}

		/**
		 * Set the value of {@link #getRoles()}.
		 * @param roles the new value
		 */
		public void setRoles(Map<String, RealmRole> roles) {
			this.roles = roles;
		}

		/**
		 * Static users by authid.
		 * @return the users
		 */
		public Map<String, RealmUser> getUsers() {
			return this.users;
		}

		/**
		 * Set the value of {@link #getUsers()}.
		 * @param users the new value
		 */
		public void setUsers(Map<String, RealmUser> users) {
			this.users = users;
		}

		/**
		 * Tickets checked by Spring Security, for the authids that are not static users
		 * with a secret.
		 * @return the ticket
		 */
		public Ticket getTicket() {
			return this.ticket;
		}

		/**
		 * Set the value of {@link #getTicket()}.
		 * @param ticket the new value
		 */
		public void setTicket(Ticket ticket) {
			this.ticket = ticket;
		}

	}

	/**
	 * Who checks the tickets of a realm's authids that are not static users: Spring
	 * Security's JWT decoder or authentication manager. The check runs off the event loop
	 * within its timeout; every failure answers wamp.error.authentication_failed (with
	 * the reason only when authentication.precise-errors is on) and the ticket is never
	 * logged.
	 */
	public static class Ticket {

		/**
		 * Spring Security bean the tickets go to: none; jwt (the application's
		 * ReactiveJwtDecoder bean, such as the one Spring Boot's resource-server support
		 * builds from spring.security.oauth2.resourceserver.jwt.*; the ticket is a bearer
		 * token); or authentication-manager (the application's
		 * ReactiveAuthenticationManager bean, given the HELLO's authid and the ticket as
		 * username and password).
		 */
		private TicketDelegate delegate = TicketDelegate.NONE;

		/**
		 * Claim of a JWT that holds the authid. A HELLO that announces another authid is
		 * refused.
		 */
		private String authidClaim = "sub";

		/**
		 * Claim of a JWT that holds the role (for a list, its first entry). For the
		 * authentication manager the role is the first ROLE_ authority instead.
		 */
		private String roleClaim = "role";

		/**
		 * Role of a principal whose token or authorities carry none. A principal without
		 * a role is refused when not set.
		 */
		private @Nullable String defaultRole;

		/**
		 * Deadline of one check (a decoder may fetch keys over the network).
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Spring Security bean the tickets go to: none; jwt (the application's
		 * ReactiveJwtDecoder bean, such as the one Spring Boot's resource-server support
		 * builds from spring.security.oauth2.resourceserver.jwt.*; the ticket is a bearer
		 * token); or authentication-manager (the application's
		 * ReactiveAuthenticationManager bean, given the HELLO's authid and the ticket as
		 * username and password).
		 * @return the delegate
		 */
		public TicketDelegate getDelegate() {
			return this.delegate;
		}

		/**
		 * Set the value of {@link #getDelegate()}.
		 * @param delegate the new value
		 */
		public void setDelegate(TicketDelegate delegate) {
			this.delegate = delegate;
		}

		/**
		 * Claim of a JWT that holds the authid.
		 * @return the authid claim
		 */
		public String getAuthidClaim() {
			return this.authidClaim;
		}

		/**
		 * Set the value of {@link #getAuthidClaim()}.
		 * @param authidClaim the new value
		 */
		public void setAuthidClaim(String authidClaim) {
			this.authidClaim = authidClaim;
		}

		/**
		 * Claim of a JWT that holds the role (for a list, its first entry).
		 * @return the role claim
		 */
		public String getRoleClaim() {
			return this.roleClaim;
		}

		/**
		 * Set the value of {@link #getRoleClaim()}.
		 * @param roleClaim the new value
		 */
		public void setRoleClaim(String roleClaim) {
			this.roleClaim = roleClaim;
		}

		/**
		 * Role of a principal whose token or authorities carry none.
		 * @return the default role
		 */
		public @Nullable String getDefaultRole() {
			return this.defaultRole;
		}

		/**
		 * Set the value of {@link #getDefaultRole()}.
		 * @param defaultRole the new value
		 */
		public void setDefaultRole(@Nullable String defaultRole) {
			this.defaultRole = defaultRole;
		}

		/**
		 * Deadline of one check (a decoder may fetch keys over the network).
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

	}

	/**
	 * The Spring Security bean a realm's tickets go to.
	 */
	public enum TicketDelegate {

		/**
		 * Only the static users' secrets are tickets.
		 */
		NONE,

		/**
		 * The tickets are JWTs, checked by the application's ReactiveJwtDecoder.
		 */
		JWT,

		/**
		 * The tickets are passwords, checked by the application's
		 * ReactiveAuthenticationManager.
		 */
		AUTHENTICATION_MANAGER

	}

	/**
	 * A role of an embedded realm.
	 */
	public static class RealmRole {

		/**
		 * Permission rules; an action on a URI that no rule matches is denied.
		 */
		private List<PermissionRule> permissions = new ArrayList<>();

		/**
		 * Trust level of this role's calls and publications, disclosed to callees and
		 * subscribers as the trustlevel detail (0 is the lowest); unset discloses none.
		 */
		private @Nullable Integer trustlevel;

		/**
		 * Permission rules; an action on a URI that no rule matches is denied.
		 * @return the permissions
		 */
		public List<PermissionRule> getPermissions() {
			return this.permissions;
		}

		/**
		 * Trust level of this role's calls and publications.
		 * @return the trust level, or null for none
		 */
		public @Nullable Integer getTrustlevel() {
			return this.trustlevel;
		}

		/**
		 * Set the value of {@link #getTrustlevel()}.
		 * @param trustlevel the new value
		 */
		public void setTrustlevel(@Nullable Integer trustlevel) {
			this.trustlevel = trustlevel;
		}

		/**
		 * /** Set the value of {@link #getPermissions()}.
		 * @param permissions the new value
		 */
		public void setPermissions(List<PermissionRule> permissions) {
			this.permissions = permissions;
		}

	}

	/**
	 * One permission rule: the actions allowed on the URIs a pattern matches.
	 */
	public static class PermissionRule {

		/**
		 * URI or pattern; may contain {authid} and {authrole}.
		 */
		private String uri = "";

		/**
		 * How the pattern matches: exact, prefix or wildcard.
		 */
		private String match = "prefix";

		/**
		 * Allowed actions as letters: c (call), r (register), p (publish), s (subscribe).
		 */
		private String allow = "";

		/**
		 * Whether calls by this role are disclosed to callees.
		 */
		private boolean discloseCaller = false;

		/**
		 * Whether publications by this role are disclosed to subscribers.
		 */
		private boolean disclosePublisher = false;

		/**
		 * Whether publications by this role may be kept as the topic's retained event
		 * (publish option retain); needs p (publish) in allow.
		 */
		private boolean retain = false;

		/**
		 * Whether publications by this role may be kept as retained events.
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
		 * URI or pattern; may contain {authid} and {authrole}.
		 * @return the uri
		 */
		public String getUri() {
			return this.uri;
		}

		/**
		 * Set the value of {@link #getUri()}.
		 * @param uri the new value
		 */
		public void setUri(String uri) {
			this.uri = uri;
		}

		/**
		 * How the pattern matches: exact, prefix or wildcard.
		 * @return the match
		 */
		public String getMatch() {
			return this.match;
		}

		/**
		 * Set the value of {@link #getMatch()}.
		 * @param match the new value
		 */
		public void setMatch(String match) {
			this.match = match;
		}

		/**
		 * Allowed actions as letters: c (call), r (register), p (publish), s (subscribe).
		 * @return the allow
		 */
		public String getAllow() {
			return this.allow;
		}

		/**
		 * Set the value of {@link #getAllow()}.
		 * @param allow the new value
		 */
		public void setAllow(String allow) {
			this.allow = allow;
		}

		/**
		 * Whether calls by this role are disclosed to callees.
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
		 * Whether publications by this role are disclosed to subscribers.
		 * @return {@code true} if so
		 */
		public boolean isDisclosePublisher() {
			return this.disclosePublisher;
		}

		/**
		 * Set the value of {@link #isDisclosePublisher()}.
		 * @param disclosePublisher the new value
		 */
		public void setDisclosePublisher(boolean disclosePublisher) {
			this.disclosePublisher = disclosePublisher;
		}

	}

	/**
	 * A topic or pattern whose last events the embedded router keeps.
	 */
	public static class EventHistoryRule {

		/**
		 * Topic URI or pattern.
		 */
		private String uri = "";

		/**
		 * How the pattern matches published topics: exact, prefix or wildcard.
		 */
		private String match = "exact";

		/**
		 * How many events are kept, the oldest dropped first (1 to 100000).
		 */
		private int limit = 100;

		/**
		 * Topic URI or pattern.
		 * @return the uri
		 */
		public String getUri() {
			return this.uri;
		}

		/**
		 * Set the value of {@link #getUri()}.
		 * @param uri the new value
		 */
		public void setUri(String uri) {
			this.uri = uri;
		}

		/**
		 * How the pattern matches published topics.
		 * @return the match
		 */
		public String getMatch() {
			return this.match;
		}

		/**
		 * Set the value of {@link #getMatch()}.
		 * @param match the new value
		 */
		public void setMatch(String match) {
			this.match = match;
		}

		/**
		 * How many events are kept.
		 * @return the limit
		 */
		public int getLimit() {
			return this.limit;
		}

		/**
		 * Set the value of {@link #getLimit()}.
		 * @param limit the new value
		 */
		public void setLimit(int limit) {
			this.limit = limit;
		}

	}

	/**
	 * A static user of an embedded realm, with the credentials of the methods it may use.
	 */
	public static class RealmUser {

		/**
		 * Role the user gets.
		 */
		private String role = "user";

		/**
		 * Ticket or WAMP-CRA secret; for salted WAMP-CRA the derived key.
		 */
		private @Nullable String secret;

		/**
		 * WAMP-CRA salt; the secret is then the derived key.
		 */
		private @Nullable String salt;

		/**
		 * WAMP-CRA PBKDF2 iterations (salted secrets).
		 */
		private int iterations = 1000;

		/**
		 * WAMP-CRA derived key length in bytes (salted secrets).
		 */
		private int keylen = 32;

		/**
		 * Cryptosign Ed25519 public keys, 64 hex digits each.
		 */
		private List<String> publicKeys = new ArrayList<>();

		/**
		 * WAMP-SCRAM password; the router keeps only the derived keys (PBKDF2).
		 */
		private @Nullable String scramPassword;

		/**
		 * PBKDF2 iterations for the WAMP-SCRAM keys.
		 */
		private int scramIterations = 4096;

		/**
		 * Role the user gets.
		 * @return the role
		 */
		public String getRole() {
			return this.role;
		}

		/**
		 * Set the value of {@link #getRole()}.
		 * @param role the new value
		 */
		public void setRole(String role) {
			this.role = role;
		}

		/**
		 * Ticket or WAMP-CRA secret; for salted WAMP-CRA the derived key.
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
		 * WAMP-CRA salt; the secret is then the derived key.
		 * @return the salt
		 */
		public @Nullable String getSalt() {
			return this.salt;
		}

		/**
		 * Set the value of {@link #getSalt()}.
		 * @param salt the new value
		 */
		public void setSalt(@Nullable String salt) {
			this.salt = salt;
		}

		/**
		 * WAMP-CRA PBKDF2 iterations (salted secrets).
		 * @return the iterations
		 */
		public int getIterations() {
			return this.iterations;
		}

		/**
		 * Set the value of {@link #getIterations()}.
		 * @param iterations the new value
		 */
		public void setIterations(int iterations) {
			this.iterations = iterations;
		}

		/**
		 * WAMP-CRA derived key length in bytes (salted secrets).
		 * @return the keylen
		 */
		public int getKeylen() {
			return this.keylen;
		}

		/**
		 * Set the value of {@link #getKeylen()}.
		 * @param keylen the new value
		 */
		public void setKeylen(int keylen) {
			this.keylen = keylen;
		}

		/**
		 * Cryptosign Ed25519 public keys, 64 hex digits each.
		 * @return the public keys
		 */
		public List<String> getPublicKeys() {
			return this.publicKeys;
		}

		/**
		 * Set the value of {@link #getPublicKeys()}.
		 * @param publicKeys the new value
		 */
		public void setPublicKeys(List<String> publicKeys) {
			this.publicKeys = publicKeys;
		}

		/**
		 * WAMP-SCRAM password; the router keeps only the derived keys (PBKDF2).
		 * @return the scram password
		 */
		public @Nullable String getScramPassword() {
			return this.scramPassword;
		}

		/**
		 * Set the value of {@link #getScramPassword()}.
		 * @param scramPassword the new value
		 */
		public void setScramPassword(@Nullable String scramPassword) {
			this.scramPassword = scramPassword;
		}

		/**
		 * PBKDF2 iterations for the WAMP-SCRAM keys.
		 * @return the scram iterations
		 */
		public int getScramIterations() {
			return this.scramIterations;
		}

		/**
		 * Set the value of {@link #getScramIterations()}.
		 * @param scramIterations the new value
		 */
		public void setScramIterations(int scramIterations) {
			this.scramIterations = scramIterations;
		}

		@Override
		public String toString() {
			// Never show secrets, not even in debug output.
			return "RealmUser[role=" + this.role + ", publicKeys=" + this.publicKeys + "]";
		}

	}

}
