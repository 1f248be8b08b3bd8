package io.wampspring.router.realm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.core.WampUris;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.id.GlobalIdGenerator;
import io.wampspring.core.uri.WampUriValidator;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.RoleBasedAuthorizer;
import io.wampspring.router.auth.CryptosignAuthenticator;
import io.wampspring.router.auth.DecoyAuthenticator;
import io.wampspring.router.auth.ScramAuthenticator;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.WampCraAuthenticator;
import io.wampspring.router.broker.Broker;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.config.User;
import io.wampspring.router.dealer.Dealer;
import io.wampspring.router.nexus.NexusCredentials;
import io.wampspring.router.nexus.NexusTicketAuthenticator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One realm: its sessions, dealer, broker, meta API and services. Safe under concurrent
 * sessions.
 */
public final class Realm {

	private static final Logger logger = LoggerFactory.getLogger(Realm.class);

	final RouterCore core;

	/** What the configuration decides; replaced as a whole by {@link #reconfigure}. */
	private volatile Setup setup;

	/** Whether the realm was created by a HELLO (auto-create) rather than configured. */
	volatile boolean autoCreated;

	/** Changes with every reconfiguration, so that sessions drop cached decisions. */
	private volatile int generation;

	final Dealer dealer;

	final Broker broker;

	final MetaApi meta;

	final NexusServices nexus;

	private final ConcurrentHashMap<Long, RouterSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, AsyncInternalProcedure> internal = new ConcurrentHashMap<>();

	final NexusCredentials credentials;

	Realm(RouterCore core, RealmConfig config) {
		this.core = core;
		this.credentials = new NexusCredentials(config.name(), core.nexusSettings(), Clock.systemUTC());
		this.setup = new Setup(core, config, this.credentials);
		RealmContext context = new RealmContext(this);
		this.dealer = new Dealer(context);
		this.broker = new Broker(context);
		this.broker.reconfigure();
		this.meta = new MetaApi(this);
		this.nexus = new NexusServices(this, core.nexusSettings(), core.metadataStore());
	}

	/**
	 * What a configuration decides: the authentication methods (with their decoys), the
	 * authorizer and the trust levels.
	 */
	private static final class Setup {

		final RealmConfig config;

		final List<Authenticator> authenticators;

		final Map<String, DecoyAuthenticator> decoys = new LinkedHashMap<>();

		final Authorizer authorizer;

		final Map<String, Integer> trustlevels = new HashMap<>();

		Setup(RouterCore core, RealmConfig config, NexusCredentials credentials) {
			this.config = config;
			List<Authenticator> methods = new ArrayList<>(config.authenticators());
			if (config.users().values().stream().anyMatch((user) -> user.secret() != null)) {
				methods.add(TicketAuthenticator.forUsers(config.users()));
				methods.add(WampCraAuthenticator.forUsers(config.users()));
			}
			if (config.users().values().stream().anyMatch((user) -> !user.publicKeys().isEmpty())) {
				methods.add(CryptosignAuthenticator.forUsers(config.users()));
			}
			for (ScramVariant variant : ScramVariant.values()) {
				if (config.users()
					.values()
					.stream()
					.anyMatch((user) -> user.scram() != null && user.scram().variant() == variant)) {
					methods.add(ScramAuthenticator.forUsers(config.users(), variant));
				}
			}
			if (!methods.isEmpty()) {
				// API keys and one-time passwords are tickets of authids that logged in
				// otherwise
				List<Authenticator> tickets = methods.stream().filter((a) -> "ticket".equals(a.authMethod())).toList();
				methods.add(0, new NexusTicketAuthenticator(credentials, tickets));
			}
			for (Authenticator method : methods) {
				if (!AnonymousAuthenticator.METHOD.equals(method.authMethod())) {
					this.decoys.computeIfAbsent(method.authMethod(),
							(name) -> new DecoyAuthenticator(name, config.users(), core.decoyKey()));
				}
			}
			if (config.anonymous()) {
				methods.add(new AnonymousAuthenticator(config.anonymousRole()));
			}
			this.authenticators = List.copyOf(methods);
			if (config.authorizer() != null) {
				this.authorizer = config.authorizer();
			}
			else if (!config.roles().isEmpty()) {
				this.authorizer = new RoleBasedAuthorizer(config.roles());
			}
			else {
				this.authorizer = Authorizer.ALLOW_ALL;
			}
			config.roles().forEach((name, role) -> {
				if (role.trustlevel() != null) {
					this.trustlevels.put(name, role.trustlevel());
				}
			});
		}

	}

	/**
	 * Replace the realm's configuration (users, roles, permissions, authentication
	 * methods, trust levels, history, retention bound) while its sessions go on. Every
	 * session decides its next action under the new permissions; a session whose
	 * credentials the new configuration removed or changed (a static user that is gone or
	 * different, anonymous access withdrawn or given another role) is closed with GOODBYE
	 * {@code wamp.close.killed}. Sessions admitted by an application's own authenticator
	 * stay.
	 * @param config the new configuration; its name must be this realm's
	 * @return the ids of the sessions that were closed
	 * @throws IllegalArgumentException when the name differs
	 */
	public List<Long> reconfigure(RealmConfig config) {
		if (!config.name().equals(name())) {
			throw new IllegalArgumentException(
					"cannot reconfigure realm '" + name() + "' with the configuration of '" + config.name() + "'");
		}
		List<Long> closed = new ArrayList<>();
		synchronized (this) {
			RealmConfig before = this.setup.config;
			this.setup = new Setup(this.core, config, this.credentials);
			this.generation++;
			this.broker.reconfigure();
			for (RouterSession session : this.sessions.values()) {
				session.forgetAuthorizations();
				SessionIdentity who = session.identity();
				if (who != null && credentialsRemoved(who, before, config)) {
					closed.add(session.id());
					session.goodbye(WampUris.CLOSE_KILLED,
							"the credentials of this session were removed from the realm's configuration");
				}
			}
		}
		logger.info("Reconfigured realm '{}' ({} users, {} roles); closed {} session(s) whose credentials were removed",
				name(), config.users().size(), config.roles().size(), closed.size());
		return closed;
	}

	/**
	 * Whether a session's credentials are gone from a new configuration. A session
	 * admitted by an application's authenticator (its authid is not a static user) is the
	 * application's to end.
	 */
	static boolean credentialsRemoved(SessionIdentity who, RealmConfig before, RealmConfig after) {
		if (AnonymousAuthenticator.METHOD.equals(who.authmethod())) {
			return !after.anonymous() || !after.anonymousRole().equals(who.authrole());
		}
		User previous = before.users().get(who.authid());
		if (previous == null) {
			return false;
		}
		User current = after.users().get(who.authid());
		return current == null || !sameCredentials(previous, current);
	}

	/**
	 * Same role and credentials. SCRAM credentials are compared by their parameters: each
	 * derivation salts anew, so a changed SCRAM password alone is not seen.
	 */
	private static boolean sameCredentials(User a, User b) {
		boolean scram = (a.scram() == null) ? b.scram() == null
				: b.scram() != null && a.scram().variant() == b.scram().variant() && a.scram().kdf() == b.scram().kdf()
						&& a.scram().iterations() == b.scram().iterations();
		return scram && a.role().equals(b.role()) && Objects.equals(a.secret(), b.secret())
				&& Objects.equals(a.salt(), b.salt()) && a.iterations() == b.iterations() && a.keylen() == b.keylen()
				&& a.publicKeys().equals(b.publicKeys());
	}

	int generation() {
		return this.generation;
	}

	/**
	 * The trust level of a session's calls and publications.
	 * @return the level of its role, or null when none is configured
	 */
	@Nullable Integer trustlevel(RouterSession session) {
		Map<String, Integer> levels = this.setup.trustlevels;
		if (levels.isEmpty()) {
			return null;
		}
		SessionIdentity who = session.identity();
		return (who != null) ? levels.get(who.authrole()) : null;
	}

	/**
	 * The realm name.
	 * @return the name
	 */
	public String name() {
		return this.setup.config.name();
	}

	/**
	 * The realm's configuration.
	 * @return the configuration
	 */
	public RealmConfig config() {
		return this.setup.config;
	}

	/**
	 * The joined sessions.
	 * @return a snapshot
	 */
	public List<RouterSession> sessions() {
		return new ArrayList<>(this.sessions.values());
	}

	List<String> authMethods() {
		return this.setup.authenticators.stream().map(Authenticator::authMethod).distinct().toList();
	}

	/**
	 * The authenticator for a HELLO: the first method in the client's order that the
	 * realm has and that knows the principal. An offered method the realm has but that
	 * does not know the principal is answered by a decoy (unless errors are precise)
	 * instead of falling back to anonymous, which would tell the client that the authid
	 * is unknown.
	 * @param request the HELLO
	 * @return the authenticator, or null when none fits (no method, or precise errors)
	 */
	@Nullable Authenticator authenticatorFor(AuthRequest request) {
		Setup current = this.setup;
		boolean precise = this.core.preciseAuthenticationErrors();
		String unknownPrincipal = null;
		for (String method : request.authmethods()) {
			if (unknownPrincipal != null && !precise && AnonymousAuthenticator.METHOD.equals(method)) {
				break;
			}
			for (Authenticator candidate : current.authenticators) {
				if (candidate.authMethod().equals(method) && candidate.supports(request)) {
					return candidate;
				}
			}
			if (unknownPrincipal == null && current.decoys.containsKey(method)) {
				unknownPrincipal = method;
			}
		}
		return (unknownPrincipal != null && !precise) ? current.decoys.get(unknownPrincipal) : null;
	}

	Authorizer authorizer() {
		return this.setup.authorizer;
	}

	RouterLimits limits() {
		return this.core.limits();
	}

	WampUriValidator uris() {
		return WampUriValidator.LOOSE_RULES;
	}

	@Nullable RouterSession session(long id) {
		return this.sessions.get(id);
	}

	int sessionCount() {
		return this.sessions.size();
	}

	void addInternal(String uri, InternalProcedure procedure) {
		this.internal.put(uri, AsyncInternalProcedure.of(procedure));
	}

	void addAsyncInternal(String uri, AsyncInternalProcedure procedure) {
		this.internal.put(uri, procedure);
	}

	@Nullable AsyncInternalProcedure internal(String uri) {
		return this.internal.get(uri);
	}

	long newSessionId() {
		long id = GlobalIdGenerator.next();
		while (this.sessions.containsKey(id)) {
			id = GlobalIdGenerator.next();
		}
		return id;
	}

	void join(RouterSession session) {
		this.sessions.put(session.id(), session);
		this.nexus.sessionJoined(session);
	}

	void leave(RouterSession session) {
		if (this.sessions.remove(session.id(), session)) {
			this.dealer.sessionLeft(session);
			this.broker.sessionLeft(session);
			this.nexus.sessionLeft(session);
			// after its own subscriptions are gone, before wamp.session.on_leave (as
			// Crossbar.io does), on a GOODBYE, a kill and a lost transport alike
			for (Testaments.Testament testament : session.testaments.takeAll()) {
				this.broker.publishTestament(session, testament.topic(), testament.args(), testament.kwargs(),
						testament.options());
			}
			this.meta.sessionLeft(session);
		}
	}

}
