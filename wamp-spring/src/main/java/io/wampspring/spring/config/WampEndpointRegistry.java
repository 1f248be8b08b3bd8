package io.wampspring.spring.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import io.wampspring.client.InvokePolicy;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.Subscription;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.spring.config.InvalidWampEndpointException.Problem;
import io.wampspring.spring.listener.adapter.ReturnValueMapper;
import io.wampspring.spring.listener.adapter.WampEventAdapter;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.listener.adapter.WampHandlerLimits;
import io.wampspring.spring.listener.adapter.WampHandlerMethod;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.listener.adapter.WampInvocationAdapter;
import io.wampspring.spring.listener.adapter.WampOverloadListener;
import io.wampspring.spring.micrometer.WampListenerObservationConvention;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;

/**
 * Owns the running endpoints: when the context starts it registers every procedure on
 * each session of its peer (shared with {@code roundrobin} on a pool unless the endpoint
 * chose a policy) and subscribes every event handler on the peer's first session (so that
 * an event is handled once), waiting for sessions that are not joined yet; the client
 * restores them after a reconnect. When the context stops it unregisters them first, then
 * waits for the invocations in flight to finish within the shutdown timeout, before the
 * peers (a lower phase) close their sessions.
 * <p>
 * Endpoints are checked when they are added, before any session starts, for what a router
 * would refuse (see {@link #registerEndpoints(Collection)}). A registration that the
 * router refuses for a session that is joined at start-up (such as
 * {@code procedure_already_exists} or {@code not_authorized}) fails the start too; both
 * with an {@link InvalidWampEndpointException} naming every bean method involved.
 */
public class WampEndpointRegistry implements SmartLifecycle {

	/**
	 * The lifecycle phase: after the peers start; on shutdown first, before Spring Boot's
	 * graceful web server drain and long before the peers leave, so that no new
	 * invocation arrives while the running ones finish.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

	private static final Logger logger = LoggerFactory.getLogger(WampEndpointRegistry.class);

	private final WampPeers peers;

	private final WampExceptionTranslator translator;

	private final ReturnValueMapper results;

	private WampHandlerMethodFactory handlerMethodFactory;

	// prepared once per endpoint, when it is added
	private final Map<WampListenerEndpoint, WampHandlerMethod> handlerMethods = new ConcurrentHashMap<>();

	private final List<WampListenerEndpoint> endpoints = new CopyOnWriteArrayList<>();

	private final List<Active> active = new CopyOnWriteArrayList<>();

	private final Object lifecycleMonitor = new Object();

	private Duration registrationTimeout = Duration.ofSeconds(10);

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable WampListenerObservationConvention observationConvention;

	private WampHandlerLimits procedureLimits = WampHandlerLimits.procedureDefaults();

	private WampHandlerLimits subscriptionLimits = WampHandlerLimits.subscriptionDefaults();

	private WampOverloadListener overloadListener = WampOverloadListener.NONE;

	private volatile boolean running;

	/**
	 * Create a registry.
	 * @param peers the peers endpoints name
	 * @param converter converts arguments and results
	 * @param translator maps handler exceptions to error URIs
	 */
	public WampEndpointRegistry(WampPeers peers, WampJsonConverter converter, WampExceptionTranslator translator) {
		this.peers = Objects.requireNonNull(peers, "peers");
		Objects.requireNonNull(converter, "converter");
		this.translator = Objects.requireNonNull(translator, "translator");
		this.results = new ReturnValueMapper(converter);
		this.handlerMethodFactory = WampHandlerMethodFactory.of(converter);
	}

	/**
	 * How handler methods are invoked: the application's argument resolvers, the
	 * interceptors around each call and the argument validator (default: the built-in
	 * resolvers, no interceptor, Jakarta Validation when a provider is on the class
	 * path); set before the registry starts.
	 * @param handlerMethodFactory the factory
	 */
	public void setHandlerMethodFactory(WampHandlerMethodFactory handlerMethodFactory) {
		this.handlerMethodFactory = Objects.requireNonNull(handlerMethodFactory, "handlerMethodFactory");
		this.handlerMethods.clear();
	}

	/**
	 * How handler methods are invoked.
	 * @return the factory
	 */
	public WampHandlerMethodFactory getHandlerMethodFactory() {
		return this.handlerMethodFactory;
	}

	/**
	 * How long {@code start()} waits for the router to confirm the registrations of
	 * sessions that are joined (default 10 s).
	 * @param timeout the timeout
	 */
	public void setRegistrationTimeout(Duration timeout) {
		this.registrationTimeout = Objects.requireNonNull(timeout, "timeout");
	}

	/**
	 * How long {@code stop()} waits for invocations in flight (default 10 s).
	 * @param timeout the timeout
	 */
	public void setShutdownTimeout(Duration timeout) {
		this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
	}

	/**
	 * Observe every invocation and event ({@code wamp.listener}) in this registry; set
	 * before the registry starts.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
	}

	/**
	 * A custom convention for the {@code wamp.listener} observations.
	 * @param observationConvention the convention, or null for the default
	 */
	public void setObservationConvention(@Nullable WampListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * The limits of procedures whose endpoint sets none (default
	 * {@link WampHandlerLimits#procedureDefaults()}); set before the registry starts.
	 * @param limits the limits
	 */
	public void setProcedureLimits(WampHandlerLimits limits) {
		this.procedureLimits = Objects.requireNonNull(limits, "limits");
	}

	/**
	 * The limits of subscriptions whose endpoint sets none (default
	 * {@link WampHandlerLimits#subscriptionDefaults()}); set before the registry starts.
	 * @param limits the limits, with a concurrency of at least 1
	 */
	public void setSubscriptionLimits(WampHandlerLimits limits) {
		if (limits.concurrency() < 1) {
			throw new IllegalArgumentException(
					"the concurrency of subscriptions must be at least 1, got " + limits.concurrency());
		}
		this.subscriptionLimits = limits;
	}

	/**
	 * The limits of procedures whose endpoint sets none.
	 * @return the limits
	 */
	public WampHandlerLimits getProcedureLimits() {
		return this.procedureLimits;
	}

	/**
	 * The limits of subscriptions whose endpoint sets none.
	 * @return the limits
	 */
	public WampHandlerLimits getSubscriptionLimits() {
		return this.subscriptionLimits;
	}

	/**
	 * Told of every invocation refused and every event dropped for lack of room (such as
	 * a Micrometer counter); set before the registry starts.
	 * @param overloadListener the listener
	 */
	public void setOverloadListener(WampOverloadListener overloadListener) {
		this.overloadListener = Objects.requireNonNull(overloadListener, "overloadListener");
	}

	/**
	 * Add an endpoint; it is registered when the registry starts, or at once when it
	 * runs.
	 * @param endpoint the endpoint
	 * @throws InvalidWampEndpointException when the endpoint cannot be served (see
	 * {@link #registerEndpoints(Collection)}), or when the registry runs and the router
	 * refused the endpoint on a joined session: it is then removed from every session
	 * again
	 */
	public void registerEndpoint(WampListenerEndpoint endpoint) {
		registerEndpoints(List.of(endpoint));
	}

	/**
	 * Add endpoints; they are registered when the registry starts, or at once when it
	 * runs. They are checked first, together with the endpoints added before, for what
	 * can be known without a router: a peer that does not exist, a URI that is not valid
	 * for its match policy or is under the reserved {@code wamp.} prefix, and a procedure
	 * that two bean methods register on one router without sharing it (the same shared
	 * invoke policy on each), and a parameter that no argument resolver can take or that
	 * asks for validation without a provider; none is added then.
	 * @param endpoints the endpoints
	 * @throws InvalidWampEndpointException naming every problem and every bean method
	 * involved, or when the registry runs and the router refused an endpoint on a joined
	 * session: the new endpoints are then removed from every session again
	 */
	public void registerEndpoints(Collection<? extends WampListenerEndpoint> endpoints) {
		List<WampListenerEndpoint> added = List.copyOf(endpoints);
		synchronized (this.endpoints) {
			List<Problem> problems = new ArrayList<>(WampEndpointCheck.check(this.peers, this.endpoints, added));
			if (problems.isEmpty()) {
				problems.addAll(prepareHandlerMethods(added));
			}
			if (!problems.isEmpty()) {
				throw new InvalidWampEndpointException(problems);
			}
			this.endpoints.addAll(added);
		}
		if (this.running) {
			try {
				activateAll(added);
			}
			catch (RuntimeException ex) {
				this.endpoints.removeAll(added);
				added.forEach(this.handlerMethods::remove);
				throw ex;
			}
		}
	}

	/**
	 * Prepare the handler methods (a resolver for each parameter, validation) now, so
	 * that a parameter nothing can resolve fails before any session starts.
	 */
	private List<Problem> prepareHandlerMethods(List<WampListenerEndpoint> added) {
		List<Problem> problems = new ArrayList<>();
		for (WampListenerEndpoint endpoint : added) {
			try {
				handlerMethod(endpoint, this.peers.get(endpoint.peer()).resolveUri(endpoint.uri()));
			}
			catch (RuntimeException ex) {
				String handler = InvalidWampEndpointException.describe(endpoint);
				problems.add(new Problem(handler + " cannot be invoked: " + ex.getMessage(),
						"Change the method's parameters, or add the argument resolver or library they need",
						List.of(handler)));
			}
		}
		return problems;
	}

	private WampHandlerMethod handlerMethod(WampListenerEndpoint endpoint, String uri) {
		return this.handlerMethods.computeIfAbsent(endpoint,
				(key) -> this.handlerMethodFactory.create(key.bean(), key.method(), uri));
	}

	/**
	 * The endpoints known to the registry.
	 * @return a snapshot
	 */
	public List<WampListenerEndpoint> getEndpoints() {
		return List.copyOf(this.endpoints);
	}

	/**
	 * The procedure adapters of the running endpoints (for metrics and tests).
	 * @return a snapshot
	 */
	public List<WampInvocationAdapter> getInvocationAdapters() {
		List<WampInvocationAdapter> adapters = new ArrayList<>();
		for (Active entry : this.active) {
			if (entry.adapter instanceof WampInvocationAdapter adapter) {
				adapters.add(adapter);
			}
		}
		return adapters;
	}

	/**
	 * The endpoints that run now, with the resolved URI and on how many sessions the
	 * router confirmed them (for the Actuator endpoint).
	 * @return a snapshot
	 */
	public List<ActiveEndpoint> getActiveEndpoints() {
		List<ActiveEndpoint> snapshot = new ArrayList<>();
		for (Active entry : this.active) {
			snapshot.add(new ActiveEndpoint(entry.endpoint, entry.peer.name(), entry.uri, entry.handles.size()));
		}
		return snapshot;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			activateAll(this.endpoints);
		}
	}

	private void activateAll(List<WampListenerEndpoint> toActivate) {
		List<Mono<Void>> waitFor = new ArrayList<>();
		List<Problem> failures = new CopyOnWriteArrayList<>();
		List<Active> activated = new ArrayList<>();
		for (WampListenerEndpoint endpoint : toActivate) {
			Active entry = activate(endpoint);
			this.active.add(entry);
			activated.add(entry);
			for (int i = 0; i < entry.sessions(); i++) {
				WampClient client = entry.peer.clients().get(i);
				Mono<Object> handle = entry.attach(client, i).doOnError((error) -> failures.add(refused(entry, error)));
				if (client.isJoined()) {
					waitFor.add(handle.then().onErrorResume((error) -> Mono.empty()));
				}
				else {
					entry.pending.add(handle.subscribe(null,
							(error) -> logger.error("could not register {}: {}", endpoint.id(), error.getMessage())));
				}
			}
		}
		if (!waitFor.isEmpty()) {
			try {
				Mono.when(waitFor).block(this.registrationTimeout);
			}
			catch (RuntimeException ex) {
				List<String> handlers = activated.stream()
					.map((entry) -> InvalidWampEndpointException.describe(entry.endpoint))
					.toList();
				failures.add(new Problem(
						"no answer from the router within " + this.registrationTimeout.toMillis()
								+ " ms to the registrations and subscriptions of " + String.join(", ", handlers),
						"Check that the router runs and answers", handlers));
			}
		}
		if (!failures.isEmpty()) {
			// no endpoint stays half-registered (on some sessions of a pool), restored
			// forever
			this.active.removeAll(activated);
			remove(activated);
			throw new InvalidWampEndpointException(failures);
		}
	}

	private static Problem refused(Active entry, Throwable error) {
		String handler = InvalidWampEndpointException.describe(entry.endpoint);
		String what = (entry.endpoint instanceof WampProcedureEndpoint) ? "registration" : "subscription";
		return new Problem(
				"the router refused the " + what + " of '" + entry.uri + "' by " + handler + " (peer '"
						+ entry.peer.name() + "'): " + error.getMessage(),
				"Check that the router lets this session's role "
						+ ((entry.endpoint instanceof WampProcedureEndpoint) ? "register" : "subscribe to")
						+ " the URI, and that no other application registered it",
				List.of(handler));
	}

	private Active activate(WampListenerEndpoint endpoint) {
		WampPeer peer = this.peers.get(endpoint.peer());
		String uri;
		try {
			uri = peer.resolveUri(endpoint.uri());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(endpoint.id() + ": " + ex.getMessage(), ex);
		}
		WampHandlerMethod method = handlerMethod(endpoint, uri);
		var scheduler = peer.clients().get(0).options().handlerScheduler();
		if (endpoint instanceof WampProcedureEndpoint procedure) {
			RegisterOptions options = procedure.options();
			if (peer.clients().size() > 1 && !procedure.invokeConfigured() && options.invoke() == InvokePolicy.SINGLE) {
				// every session of a pool registers: the router must share the
				// registration
				options = withInvoke(options, InvokePolicy.ROUNDROBIN);
			}
			WampInvocationAdapter adapter = new WampInvocationAdapter(method, this.results, this.translator,
					this.procedureLimits.with(procedure.concurrency(), procedure.queueCapacity()), scheduler,
					peer.name(), this.observationRegistry, this.observationConvention, this.overloadListener);
			RegisterOptions registerOptions = options;
			return new Active(endpoint, peer, uri, adapter,
					(client) -> client.register(uri, registerOptions, adapter).map((r) -> (Object) r));
		}
		WampSubscriptionEndpoint subscription = (WampSubscriptionEndpoint) endpoint;
		WampEventAdapter adapter = new WampEventAdapter(method,
				this.subscriptionLimits.with(subscription.concurrency(), subscription.queueCapacity()), scheduler,
				peer.name(), this.observationRegistry, this.observationConvention, this.overloadListener);
		return new Active(endpoint, peer, uri, adapter,
				(client) -> client.subscribe(uri, subscription.options(), adapter).map((s) -> (Object) s));
	}

	private static RegisterOptions withInvoke(RegisterOptions options, InvokePolicy invoke) {
		RegisterOptions.Builder builder = RegisterOptions.builder()
			.match(options.match())
			.invoke(invoke)
			.discloseCaller(options.discloseCaller())
			.forceReregister(options.forceReregister());
		options.extra().forEach(builder::option);
		return builder.build();
	}

	@Override
	public void stop() {
		List<Active> stopping;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			stopping = new ArrayList<>(this.active);
			this.active.clear();
		}
		remove(stopping);
		// no new invocations arrive now; let the running ones answer
		Flux.fromIterable(stopping)
			.filter((entry) -> entry.adapter instanceof WampInvocationAdapter)
			.flatMap((entry) -> ((WampInvocationAdapter) entry.adapter).awaitIdle(this.shutdownTimeout))
			.then()
			// awaitIdle is bounded already; this bound keeps the lifecycle thread safe
			// from a bug there
			.timeout(this.shutdownTimeout.plusSeconds(1), Mono.empty())
			.onErrorResume((error) -> Mono.empty())
			.block();
		logger.debug("stopped {} WAMP endpoints", stopping.size());
	}

	/**
	 * Unregister and unsubscribe the endpoints on every session, waiting up to the
	 * shutdown timeout.
	 */
	private void remove(List<Active> entries) {
		List<Mono<Void>> removals = new ArrayList<>();
		for (Active entry : entries) {
			entry.pending.forEach(Disposable::dispose);
			if (entry.adapter instanceof WampEventAdapter events) {
				events.deactivate();
			}
			for (Object handle : entry.handles) {
				Mono<Void> removal = (handle instanceof Registration registration) ? registration.unregister()
						: ((Subscription) handle).unsubscribe();
				removals.add(removal.onErrorResume((error) -> {
					logger.debug("could not remove {}: {}", entry.endpoint.id(), error.getMessage());
					return Mono.empty();
				}));
			}
		}
		try {
			Mono.when(removals).block(this.shutdownTimeout);
		}
		catch (RuntimeException ex) {
			logger.info("unregistering WAMP endpoints took longer than {} ms", this.shutdownTimeout.toMillis());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * An endpoint that runs.
	 *
	 * @param endpoint the endpoint
	 * @param peer the name of the peer that serves it
	 * @param uri the absolute URI or pattern
	 * @param sessions on how many sessions the router confirmed the registration or
	 * subscription
	 */
	public record ActiveEndpoint(WampListenerEndpoint endpoint, String peer, String uri, int sessions) {

		/**
		 * Whether the endpoint is a procedure (else an event handler).
		 * @return true for a procedure
		 */
		public boolean isProcedure() {
			return this.endpoint instanceof WampProcedureEndpoint;
		}

	}

	/** The registrations or subscriptions of one endpoint on the sessions of its peer. */
	private static final class Active {

		final WampListenerEndpoint endpoint;

		final WampPeer peer;

		final String uri;

		final Object adapter;

		final java.util.function.Function<WampClient, Mono<Object>> attachment;

		final List<Object> handles = new CopyOnWriteArrayList<>();

		final List<Disposable> pending = new CopyOnWriteArrayList<>();

		Active(WampListenerEndpoint endpoint, WampPeer peer, String uri, Object adapter,
				java.util.function.Function<WampClient, Mono<Object>> attachment) {
			this.endpoint = endpoint;
			this.peer = peer;
			this.uri = uri;
			this.adapter = adapter;
			this.attachment = attachment;
		}

		/**
		 * How many sessions of the pool serve the endpoint: every session registers a
		 * procedure (shared registration), only the first subscribes, so that an event is
		 * handled once and not once per session.
		 */
		int sessions() {
			return (this.endpoint instanceof WampSubscriptionEndpoint) ? 1 : this.peer.clients().size();
		}

		/**
		 * Register once the session is joined; the client restores it after reconnects.
		 */
		Mono<Object> attach(WampClient client, int index) {
			return client.stateEvents()
				.filter((event) -> event.state() == SessionState.JOINED || event.state() == SessionState.DEGRADED)
				.next()
				.then(Mono.defer(() -> this.attachment.apply(client)))
				// the session left between JOINED and REGISTER: wait for the next join
				.retryWhen(Retry.indefinitely().filter(Active::isConnectionLoss))
				.doOnNext((handle) -> {
					this.handles.add(handle);
					logger.debug("{} serves '{}' on session {} of peer '{}'", this.endpoint.id(), this.uri, index,
							this.peer.name());
				});
		}

		private static boolean isConnectionLoss(Throwable error) {
			return error instanceof WampException wamp && (WampUris.NOT_CONNECTED.equals(wamp.getUri())
					|| WampUris.TRANSPORT_LOST.equals(wamp.getUri()) || WampUris.SESSION_CLOSED.equals(wamp.getUri()));
		}

	}

}
