package io.wampspring.router;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.InMemoryMetadataStore;
import io.wampspring.router.nexus.MetadataStore;
import io.wampspring.router.realm.RouterCore;
import io.wampspring.router.realm.RouterMetrics;
import io.wampspring.router.realm.RouterReconfiguration;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContext;
import io.wampspring.core.link.LocalAcceptor;
import io.wampspring.core.link.LocalLink;
import io.wampspring.router.transport.LocalTransport;
import io.wampspring.router.transport.RawSocketListener;
import io.wampspring.router.transport.WebSocketListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded WAMP v2 router for development, tests and samples: realms with a dealer, a
 * broker, authentication, role-based authorization and the meta API, reachable over
 * WebSocket and RawSocket (JSON, MessagePack, CBOR) and in process
 * ({@link #accept(LocalLink)}).
 *
 * <pre class="code">
 * WampRouter router = WampRouter.builder()
 *     .realm("realm1")                                   // open realm, anonymous access
 *     .realm(RealmConfig.builder("secure")
 *         .user("joe", "user", "secret123")              // ticket authentication
 *         .role("user", Permission.prefix("com.example.", Action.CALL, Action.SUBSCRIBE),
 *               Permission.prefix("conversations.private.{authid}.", Action.PUBLISH))
 *         .build())
 *     .webSocket("127.0.0.1", 0, "/ws")                  // port 0: an ephemeral port
 *     .rawSocket("127.0.0.1", 0)                         // optional: RawSocket over TCP
 *     .build();
 * router.start();
 * String url = router.webSocketUrl();                    // ws://127.0.0.1:54321/ws
 * ...
 * router.stop();                                         // graceful: GOODBYE to every session
 * </pre>
 *
 * Not a production router: production should point at Crossbar.io or Bondy.
 */
public final class WampRouter implements LocalAcceptor, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WampRouter.class);

	private volatile Map<String, RealmConfig> realms;

	private final boolean autoCreateRealms;

	private final @Nullable String host;

	private final int port;

	private final String path;

	private final @Nullable String rawSocketHost;

	private final int rawSocketPort;

	private final @Nullable Path rawSocketUnixPath;

	private final @Nullable SslContext ssl;

	private final RouterLimits limits;

	private final Duration shutdownTimeout;

	private final NexusSettings nexus;

	private final @Nullable MetadataStore metadataStore;

	private final boolean preciseAuthenticationErrors;

	private volatile @Nullable RouterCore core;

	private volatile @Nullable WebSocketListener webSocket;

	private volatile @Nullable RawSocketListener rawSocket;

	private volatile @Nullable RawSocketListener rawSocketUnix;

	private WampRouter(Builder builder) {
		this.realms = Map.copyOf(builder.realms);
		this.autoCreateRealms = builder.autoCreateRealms;
		this.host = builder.host;
		this.port = builder.port;
		this.path = builder.path;
		this.rawSocketHost = builder.rawSocketHost;
		this.rawSocketPort = builder.rawSocketPort;
		this.rawSocketUnixPath = builder.rawSocketUnixPath;
		this.ssl = builder.ssl;
		this.limits = builder.limits;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.nexus = builder.nexus;
		this.metadataStore = builder.metadataStore;
		this.preciseAuthenticationErrors = builder.preciseAuthenticationErrors;
	}

	/**
	 * Start building a router.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start the router and bind its listeners. Blocks until they are bound.
	 * @return this router
	 * @throws IllegalStateException when already started
	 */
	public synchronized WampRouter start() {
		if (this.core != null) {
			throw new IllegalStateException("the router is already started");
		}
		RouterCore newCore = new RouterCore(this.realms.values(), this.autoCreateRealms, this.limits, this.nexus,
				(this.metadataStore != null) ? this.metadataStore : new InMemoryMetadataStore(),
				this.preciseAuthenticationErrors);
		if (this.host != null) {
			WebSocketListener listener = new WebSocketListener(newCore, this.host, this.port, this.path, this.ssl);
			listener.start(Duration.ofSeconds(10));
			this.webSocket = listener;
		}
		if (this.rawSocketHost != null) {
			RawSocketListener listener = new RawSocketListener(newCore,
					new InetSocketAddress(this.rawSocketHost, this.rawSocketPort), this.ssl);
			listener.start(Duration.ofSeconds(10));
			this.rawSocket = listener;
		}
		if (this.rawSocketUnixPath != null) {
			RawSocketListener listener = new RawSocketListener(newCore,
					new DomainSocketAddress(this.rawSocketUnixPath.toString()), null);
			listener.start(Duration.ofSeconds(10));
			this.rawSocketUnix = listener;
		}
		this.core = newCore;
		logger.info("WAMP router started with realms {}", this.realms.keySet());
		return this;
	}

	/**
	 * Stop gracefully: refuse new calls, let calls in flight be answered within the
	 * shutdown timeout, send GOODBYE {@code wamp.close.system_shutdown} to every session,
	 * then close the listeners. Blocks; idempotent.
	 */
	public synchronized void stop() {
		RouterCore current = this.core;
		if (current == null) {
			return;
		}
		current.shutdown(this.shutdownTimeout);
		WebSocketListener listener = this.webSocket;
		if (listener != null) {
			listener.stop(Duration.ofSeconds(5));
			this.webSocket = null;
		}
		RawSocketListener raw = this.rawSocket;
		if (raw != null) {
			raw.stop(Duration.ofSeconds(5));
			this.rawSocket = null;
		}
		RawSocketListener unix = this.rawSocketUnix;
		if (unix != null) {
			unix.stop(Duration.ofSeconds(5));
			this.rawSocketUnix = null;
		}
		this.core = null;
		logger.info("WAMP router stopped");
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the router is started.
	 * @return true between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		return this.core != null;
	}

	/**
	 * The port the WebSocket listener is bound to (the ephemeral port when 0 was
	 * configured).
	 * @return the port
	 * @throws IllegalStateException when there is no started WebSocket listener
	 */
	public int webSocketPort() {
		WebSocketListener listener = this.webSocket;
		if (listener == null) {
			throw new IllegalStateException("no WebSocket listener is running; configure webSocket(..) and start()");
		}
		return listener.boundPort();
	}

	/**
	 * The URL clients connect to.
	 * @return such as {@code ws://127.0.0.1:54321/ws} ({@code wss://} with TLS)
	 */
	public String webSocketUrl() {
		return ((this.ssl != null) ? "wss://" : "ws://") + this.host + ":" + webSocketPort() + this.path;
	}

	/**
	 * The port the RawSocket listener is bound to.
	 * @return the port
	 * @throws IllegalStateException when there is no started RawSocket listener
	 */
	public int rawSocketPort() {
		RawSocketListener listener = this.rawSocket;
		if (listener == null) {
			throw new IllegalStateException("no RawSocket listener is running; configure rawSocket(..) and start()");
		}
		return listener.boundPort();
	}

	/**
	 * The RawSocket URL clients connect to.
	 * @return such as {@code tcp://127.0.0.1:54321} ({@code tcps://} with TLS)
	 */
	public String rawSocketUrl() {
		return ((this.ssl != null) ? "tcps://" : "tcp://") + this.rawSocketHost + ":" + rawSocketPort();
	}

	/**
	 * Open an in-process connection: a client in the same JVM exchanges message objects
	 * with the router, without sockets or serialization. The client then sends HELLO as
	 * on any transport.
	 * @param toClient the link on which the router delivers messages to the client
	 * @return the link on which the client delivers messages to the router
	 * @throws IllegalStateException when the router is not started
	 */
	@Override
	public LocalLink accept(LocalLink toClient) {
		return new LocalTransport(core()).accept(toClient);
	}

	/**
	 * Add a realm while the router runs.
	 * @param realm the realm configuration
	 * @return true when added, false when a realm of that name exists
	 */
	public boolean addRealm(RealmConfig realm) {
		return core().addRealm(realm);
	}

	/**
	 * Remove a realm while the router runs; its sessions get GOODBYE
	 * {@code wamp.close.close_realm}.
	 * @param name the realm name
	 * @return true when a realm was removed
	 */
	public boolean removeRealm(String name) {
		return core().removeRealm(name);
	}

	/**
	 * Replace the configuration of the realms while the router runs, without closing
	 * sessions: realms of new names are added, existing realms take their new users,
	 * roles, permissions, trust levels and history rules (every session's next message is
	 * authorized under the new permissions), and configured realms missing from the list
	 * are removed (GOODBYE {@code wamp.close.close_realm}). A session whose credentials
	 * were removed or changed (a static user gone or different, anonymous access
	 * withdrawn) is closed with GOODBYE {@code wamp.close.killed}. The new configuration
	 * is also the one a later {@link #start()} uses. Safe to call from any thread but an
	 * event loop (it sends GOODBYEs).
	 * @param realms the complete new list of realm configurations
	 * @return what changed
	 * @throws IllegalStateException when not started
	 */
	public synchronized RouterReconfiguration reconfigure(List<RealmConfig> realms) {
		RouterCore current = core();
		Map<String, RealmConfig> next = new LinkedHashMap<>();
		realms.forEach((realm) -> next.put(realm.name(), realm));
		RouterReconfiguration result = current.reconfigure(next.values());
		this.realms = Map.copyOf(next);
		logger.info("WAMP router reconfigured: added {}, updated {}, removed {}, {} session(s) closed", result.added(),
				result.updated(), result.removed(), result.closedSessions().size());
		return result;
	}

	/**
	 * A snapshot of the router's counters and gauges (sessions, registrations, calls,
	 * events, denials, protocol violations), for health checks and metrics.
	 * @return the metrics
	 * @throws IllegalStateException when not started
	 */
	public RouterMetrics metrics() {
		return core().metrics();
	}

	/**
	 * The authentication rejections so far, by reason ({@code authentication_failed},
	 * {@code no_such_principal}, {@code no_auth_method}, {@code timeout}, {@code error},
	 * ...): every rejection is also logged once at INFO.
	 * @return a sorted snapshot
	 * @throws IllegalStateException when not started
	 */
	public Map<String, Long> authenticationFailures() {
		return core().authenticationFailuresByReason();
	}

	/**
	 * The running core, for transports and tests in this module.
	 * @return the core
	 * @throws IllegalStateException when not started
	 */
	public RouterCore core() {
		RouterCore current = this.core;
		if (current == null) {
			throw new IllegalStateException("the router is not started");
		}
		return current;
	}

	/**
	 * Builds a {@link WampRouter}.
	 */
	public static final class Builder {

		private final Map<String, RealmConfig> realms = new LinkedHashMap<>();

		private boolean autoCreateRealms;

		private @Nullable String host;

		private int port;

		private String path = "/ws";

		private @Nullable String rawSocketHost;

		private int rawSocketPort;

		private @Nullable Path rawSocketUnixPath;

		private @Nullable SslContext ssl;

		private RouterLimits limits = RouterLimits.DEFAULTS;

		private Duration shutdownTimeout = Duration.ofSeconds(2);

		private NexusSettings nexus = NexusSettings.DEFAULTS;

		private @Nullable MetadataStore metadataStore;

		private boolean preciseAuthenticationErrors;

		Builder() {
		}

		/**
		 * Add an open realm (anonymous access, everything allowed).
		 * @param name the realm name
		 * @return this builder
		 */
		public Builder realm(String name) {
			return realm(RealmConfig.open(name));
		}

		/**
		 * Add a realm.
		 * @param realm the realm configuration
		 * @return this builder
		 */
		public Builder realm(RealmConfig realm) {
			this.realms.put(realm.name(), realm);
			return this;
		}

		/**
		 * Add realms.
		 * @param realms the realm configurations
		 * @return this builder
		 */
		public Builder realms(List<RealmConfig> realms) {
			realms.forEach(this::realm);
			return this;
		}

		/**
		 * Whether a HELLO for an unknown realm creates it (open) instead of being refused
		 * with {@code wamp.error.no_such_realm}.
		 * @param autoCreate false by default
		 * @return this builder
		 */
		public Builder autoCreateRealms(boolean autoCreate) {
			this.autoCreateRealms = autoCreate;
			return this;
		}

		/**
		 * Listen for WebSocket clients.
		 * @param host the host to bind, such as {@code 127.0.0.1}
		 * @param port the port; 0 for an ephemeral port (see
		 * {@link WampRouter#webSocketPort()})
		 * @param path the HTTP path, such as {@code /ws}
		 * @return this builder
		 */
		public Builder webSocket(String host, int port, String path) {
			this.host = Objects.requireNonNull(host, "host");
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be in 0..65535, got " + port);
			}
			this.port = port;
			this.path = path.startsWith("/") ? path : "/" + path;
			return this;
		}

		/**
		 * Listen for RawSocket clients over TCP (JSON, MessagePack or CBOR, chosen in the
		 * client's handshake).
		 * @param host the host to bind
		 * @param port the port; 0 for an ephemeral port (see
		 * {@link WampRouter#rawSocketPort()})
		 * @return this builder
		 */
		public Builder rawSocket(String host, int port) {
			this.rawSocketHost = Objects.requireNonNull(host, "host");
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be in 0..65535, got " + port);
			}
			this.rawSocketPort = port;
			return this;
		}

		/**
		 * Listen for RawSocket clients on a Unix domain socket (Linux, with Netty's epoll
		 * transport).
		 * @param path the socket file; it must not exist yet
		 * @return this builder
		 */
		public Builder rawSocketUnix(Path path) {
			this.rawSocketUnixPath = Objects.requireNonNull(path, "path");
			return this;
		}

		/**
		 * Serve the WebSocket and TCP RawSocket listeners over TLS. Build the context
		 * with Netty's {@code SslContextBuilder.forServer(..)}; to verify client
		 * certificates, give it a trust manager and
		 * {@code clientAuth(ClientAuth.REQUIRE)}.
		 * @param sslContext a server TLS context
		 * @return this builder
		 */
		public Builder tls(SslContext sslContext) {
			this.ssl = Objects.requireNonNull(sslContext, "sslContext");
			return this;
		}

		/**
		 * Limits and timeouts that protect the router from one connection or session:
		 * message size, incomplete-message budgets, pending calls, registrations,
		 * subscriptions, the outbound buffer, and the open, HELLO, AUTHENTICATE and
		 * keep-alive timeouts.
		 * @param limits {@link RouterLimits#DEFAULTS} by default
		 * @return this builder
		 */
		public Builder limits(RouterLimits limits) {
			this.limits = Objects.requireNonNull(limits, "limits");
			return this;
		}

		/**
		 * How long {@link WampRouter#stop()} waits for calls in flight.
		 * @param timeout 2 seconds by default
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration timeout) {
			this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * The URI prefix of the Nexus-style services ({@code auth.whoami},
		 * {@code system.roster.*}, {@code my.metadata.*}, {@code my.otp.*},
		 * {@code my.apikeys.*}), such as {@code com.izaber.wamp}.
		 * @param prefix empty by default
		 * @return this builder
		 */
		public Builder servicePrefix(String prefix) {
			this.nexus = this.nexus.toBuilder().prefix(Objects.requireNonNull(prefix, "prefix")).build();
			return this;
		}

		/**
		 * The Nexus-style services' prefix and bounds (metadata quotas, roster limits,
		 * the lifetime of one-time passwords, API keys per authid, the store timeout).
		 * Replaces the prefix set by {@link #servicePrefix(String)}.
		 * @param settings {@link NexusSettings#DEFAULTS} by default
		 * @return this builder
		 */
		public Builder nexus(NexusSettings settings) {
			this.nexus = Objects.requireNonNull(settings, "settings");
			return this;
		}

		/**
		 * Where {@code my.metadata.*} values are kept, such as an application's database.
		 * @param store a new {@link InMemoryMetadataStore} per start by default
		 * @return this builder
		 */
		public Builder metadataStore(MetadataStore store) {
			this.metadataStore = Objects.requireNonNull(store, "store");
			return this;
		}

		/**
		 * Whether a rejected client reads the true reason of its rejection (such as
		 * {@code wamp.error.no_such_principal} for an unknown authid), for development.
		 * By default an unknown authid or key and a wrong secret get the same ABORT
		 * ({@code wamp.error.authentication_failed}, one message), so that authids cannot
		 * be enumerated; the log and {@link WampRouter#authenticationFailures()} always
		 * have the true reason.
		 * @param precise false by default
		 * @return this builder
		 */
		public Builder preciseAuthenticationErrors(boolean precise) {
			this.preciseAuthenticationErrors = precise;
			return this;
		}

		/**
		 * Build the router (not started).
		 * @return the router
		 */
		public WampRouter build() {
			if (this.realms.isEmpty() && !this.autoCreateRealms) {
				throw new IllegalStateException("a router needs at least one realm, or autoCreateRealms(true)");
			}
			return new WampRouter(this);
		}

	}

}
