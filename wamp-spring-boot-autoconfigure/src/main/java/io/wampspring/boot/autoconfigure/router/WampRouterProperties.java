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

	public @Nullable Integer getRawSocketPort() {
		return this.rawSocketPort;
	}

	public void setRawSocketPort(@Nullable Integer rawSocketPort) {
		this.rawSocketPort = rawSocketPort;
	}

	public Map<String, Realm> getRealms() {
		return this.realms;
	}

	public void setRealms(Map<String, Realm> realms) {
		this.realms = realms;
	}

	public Nexus getNexus() {
		return this.nexus;
	}

	public Authentication getAuthentication() {
		return this.authentication;
	}

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

		public String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

		public Metadata getMetadata() {
			return this.metadata;
		}

		public Roster getRoster() {
			return this.roster;
		}

		public Otp getOtp() {
			return this.otp;
		}

		public ApiKeys getApikeys() {
			return this.apikeys;
		}

		public Duration getStoreTimeout() {
			return this.storeTimeout;
		}

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

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public DataSize getMaxTotalBytes() {
			return this.maxTotalBytes;
		}

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

		public int getMaxEntriesPerSession() {
			return this.maxEntriesPerSession;
		}

		public void setMaxEntriesPerSession(int maxEntriesPerSession) {
			this.maxEntriesPerSession = maxEntriesPerSession;
		}

		public DataSize getMaxEntrySize() {
			return this.maxEntrySize;
		}

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

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public int getMaxPerAuthid() {
			return this.maxPerAuthid;
		}

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

		public int getMaxPerAuthid() {
			return this.maxPerAuthid;
		}

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

		public boolean isPreciseErrors() {
			return this.preciseErrors;
		}

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

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public DataSize getMaxIncompleteMessageBytes() {
			return this.maxIncompleteMessageBytes;
		}

		public void setMaxIncompleteMessageBytes(DataSize maxIncompleteMessageBytes) {
			this.maxIncompleteMessageBytes = maxIncompleteMessageBytes;
		}

		public DataSize getMaxOutboundBytesPerSession() {
			return this.maxOutboundBytesPerSession;
		}

		public void setMaxOutboundBytesPerSession(DataSize maxOutboundBytesPerSession) {
			this.maxOutboundBytesPerSession = maxOutboundBytesPerSession;
		}

		public int getMaxPendingCallsPerSession() {
			return this.maxPendingCallsPerSession;
		}

		public void setMaxPendingCallsPerSession(int maxPendingCallsPerSession) {
			this.maxPendingCallsPerSession = maxPendingCallsPerSession;
		}

		public int getMaxRegistrationsPerSession() {
			return this.maxRegistrationsPerSession;
		}

		public void setMaxRegistrationsPerSession(int maxRegistrationsPerSession) {
			this.maxRegistrationsPerSession = maxRegistrationsPerSession;
		}

		public int getMaxSubscriptionsPerSession() {
			return this.maxSubscriptionsPerSession;
		}

		public void setMaxSubscriptionsPerSession(int maxSubscriptionsPerSession) {
			this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
		}

		public Duration getOpenTimeout() {
			return this.openTimeout;
		}

		public void setOpenTimeout(Duration openTimeout) {
			this.openTimeout = openTimeout;
		}

		public Duration getHelloTimeout() {
			return this.helloTimeout;
		}

		public void setHelloTimeout(Duration helloTimeout) {
			this.helloTimeout = helloTimeout;
		}

		public Duration getAuthenticateTimeout() {
			return this.authenticateTimeout;
		}

		public void setAuthenticateTimeout(Duration authenticateTimeout) {
			this.authenticateTimeout = authenticateTimeout;
		}

		public Duration getKeepAliveInterval() {
			return this.keepAliveInterval;
		}

		public void setKeepAliveInterval(Duration keepAliveInterval) {
			this.keepAliveInterval = keepAliveInterval;
		}

		public Duration getKeepAliveTimeout() {
			return this.keepAliveTimeout;
		}

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

		public @Nullable Boolean getAnonymous() {
			return this.anonymous;
		}

		public void setAnonymous(@Nullable Boolean anonymous) {
			this.anonymous = anonymous;
		}

		public String getAnonymousRole() {
			return this.anonymousRole;
		}

		public void setAnonymousRole(String anonymousRole) {
			this.anonymousRole = anonymousRole;
		}

		public Map<String, RealmRole> getRoles() {
			return this.roles;
		}

		public void setRoles(Map<String, RealmRole> roles) {
			this.roles = roles;
		}

		public Map<String, RealmUser> getUsers() {
			return this.users;
		}

		public void setUsers(Map<String, RealmUser> users) {
			this.users = users;
		}

	}

	/**
	 * A role of an embedded realm.
	 */
	public static class RealmRole {

		/**
		 * Permission rules; an action on a URI that no rule matches is denied.
		 */
		private List<PermissionRule> permissions = new ArrayList<>();

		public List<PermissionRule> getPermissions() {
			return this.permissions;
		}

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

		public String getUri() {
			return this.uri;
		}

		public void setUri(String uri) {
			this.uri = uri;
		}

		public String getMatch() {
			return this.match;
		}

		public void setMatch(String match) {
			this.match = match;
		}

		public String getAllow() {
			return this.allow;
		}

		public void setAllow(String allow) {
			this.allow = allow;
		}

		public boolean isDiscloseCaller() {
			return this.discloseCaller;
		}

		public void setDiscloseCaller(boolean discloseCaller) {
			this.discloseCaller = discloseCaller;
		}

		public boolean isDisclosePublisher() {
			return this.disclosePublisher;
		}

		public void setDisclosePublisher(boolean disclosePublisher) {
			this.disclosePublisher = disclosePublisher;
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

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable String getSalt() {
			return this.salt;
		}

		public void setSalt(@Nullable String salt) {
			this.salt = salt;
		}

		public int getIterations() {
			return this.iterations;
		}

		public void setIterations(int iterations) {
			this.iterations = iterations;
		}

		public int getKeylen() {
			return this.keylen;
		}

		public void setKeylen(int keylen) {
			this.keylen = keylen;
		}

		public List<String> getPublicKeys() {
			return this.publicKeys;
		}

		public void setPublicKeys(List<String> publicKeys) {
			this.publicKeys = publicKeys;
		}

		public @Nullable String getScramPassword() {
			return this.scramPassword;
		}

		public void setScramPassword(@Nullable String scramPassword) {
			this.scramPassword = scramPassword;
		}

		public int getScramIterations() {
			return this.scramIterations;
		}

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
