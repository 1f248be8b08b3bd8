package io.wampspring.router.realm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.WampCraAuthenticator;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.NexusCredentials;
import io.wampspring.router.nexus.NexusTicketAuthenticator;
import org.jspecify.annotations.Nullable;

/**
 * One realm: its sessions, dealer, broker, meta API and services. Safe under concurrent
 * sessions.
 */
public final class Realm {

	final RouterCore core;

	private final RealmConfig config;

	final Dealer dealer;

	final Broker broker;

	final MetaApi meta;

	final NexusServices nexus;

	private final ConcurrentHashMap<Long, RouterSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, AsyncInternalProcedure> internal = new ConcurrentHashMap<>();

	private final List<Authenticator> authenticators;

	private final Map<String, DecoyAuthenticator> decoys = new LinkedHashMap<>();

	final NexusCredentials credentials;

	private final Authorizer authorizer;

	Realm(RouterCore core, RealmConfig config) {
		this.core = core;
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
		this.credentials = new NexusCredentials(config.name(), core.nexusSettings(), Clock.systemUTC());
		if (!methods.isEmpty()) {
			// API keys and one-time passwords are tickets of authids that logged in
			// otherwise
			List<Authenticator> tickets = methods.stream().filter((a) -> "ticket".equals(a.authMethod())).toList();
			methods.add(0, new NexusTicketAuthenticator(this.credentials, tickets));
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
		this.dealer = new Dealer(this);
		this.broker = new Broker(this);
		this.meta = new MetaApi(this);
		this.nexus = new NexusServices(this, core.nexusSettings(), core.metadataStore());
	}

	/**
	 * The realm name.
	 * @return the name
	 */
	public String name() {
		return this.config.name();
	}

	/**
	 * The realm's configuration.
	 * @return the configuration
	 */
	public RealmConfig config() {
		return this.config;
	}

	/**
	 * The joined sessions.
	 * @return a snapshot
	 */
	public List<RouterSession> sessions() {
		return new ArrayList<>(this.sessions.values());
	}

	List<String> authMethods() {
		return this.authenticators.stream().map(Authenticator::authMethod).distinct().toList();
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
		boolean precise = this.core.preciseAuthenticationErrors();
		String unknownPrincipal = null;
		for (String method : request.authmethods()) {
			if (unknownPrincipal != null && !precise && AnonymousAuthenticator.METHOD.equals(method)) {
				break;
			}
			for (Authenticator candidate : this.authenticators) {
				if (candidate.authMethod().equals(method) && candidate.supports(request)) {
					return candidate;
				}
			}
			if (unknownPrincipal == null && this.decoys.containsKey(method)) {
				unknownPrincipal = method;
			}
		}
		return (unknownPrincipal != null && !precise) ? this.decoys.get(unknownPrincipal) : null;
	}

	Authorizer authorizer() {
		return this.authorizer;
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
				this.broker.publishTestament(session, testament);
			}
			this.meta.sessionLeft(session);
		}
	}

}
