package io.wampspring.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.Payload;
import io.wampspring.client.EventHandler;
import io.wampspring.client.InvocationHandler;
import io.wampspring.client.InvokePolicy;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.spring.micrometer.WampObservations;
import io.wampspring.spring.micrometer.WampOperation;
import io.wampspring.spring.micrometer.WampTemplateContext;
import io.wampspring.spring.micrometer.WampTemplateObservationConvention;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.peer.WampSessionCredentials;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import tools.jackson.databind.JavaType;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The default {@link WampOperations}: sends through one peer (picking a session per
 * request by the peer's pool type), converts arguments to the wire and results to Java
 * types with a shared {@link WampJsonConverter}, and optionally retries calls
 * ({@link CallRetry}). Immutable: the {@code with*} methods return configured copies,
 * such as {@link #forPeer(String)} for a template of another peer.
 *
 * <pre class="code">
 * Mono&lt;Integer&gt; sum = template.call("com.example.add2", Integer.class, 2, 3);
 * template.blocking().publish("com.example.hello", "hi");
 * </pre>
 */
public final class WampTemplate implements WampOperations {

	private static final Logger logger = LoggerFactory.getLogger(WampTemplate.class);

	private static final ParameterizedTypeReference<List<Map<String, Object>>> RECORDS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> RECORD = new ParameterizedTypeReference<>() {
	};

	private final WampPeers peers;

	private final @Nullable String peerName;

	private final WampJsonConverter converter;

	private final CallOptions callOptions;

	private final PublishOptions publishOptions;

	private final CallRetry callRetry;

	private final NexusUris nexusUris;

	private final Duration blockTimeout;

	private final ObservationRegistry observationRegistry;

	private final @Nullable WampTemplateObservationConvention observationConvention;

	/**
	 * A template of the default peer. The peer is looked up when the template is used, so
	 * that a template may exist in a context that defines no peer (using it then fails
	 * with a message saying what to configure).
	 * @param peers the peers
	 */
	public WampTemplate(WampPeers peers) {
		this(peers, null, WampJsonConverter.shared(), CallOptions.defaults(), PublishOptions.defaults(),
				CallRetry.disabled(), NexusUris.defaults(), Duration.ofSeconds(30), ObservationRegistry.NOOP, null);
	}

	/**
	 * A template of one peer.
	 * @param peer the peer
	 */
	public WampTemplate(WampPeer peer) {
		this(WampPeers.of(peer));
	}

	private WampTemplate(WampPeers peers, @Nullable String peerName, WampJsonConverter converter,
			CallOptions callOptions, PublishOptions publishOptions, CallRetry callRetry, NexusUris nexusUris,
			Duration blockTimeout, ObservationRegistry observationRegistry,
			@Nullable WampTemplateObservationConvention observationConvention) {
		this.peers = peers;
		this.peerName = peerName;
		this.converter = converter;
		this.callOptions = callOptions;
		this.publishOptions = publishOptions;
		this.callRetry = callRetry;
		this.nexusUris = nexusUris;
		this.blockTimeout = blockTimeout;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * A template of another peer with the same settings.
	 * @param name the peer's name
	 * @return the template
	 */
	public WampTemplate forPeer(String name) {
		return new WampTemplate(this.peers, this.peers.get(name).name(), this.converter, this.callOptions,
				this.publishOptions, this.callRetry, this.nexusUris, this.blockTimeout, this.observationRegistry,
				this.observationConvention);
	}

	/**
	 * A copy with another converter.
	 * @param converter the converter
	 * @return the template
	 */
	public WampTemplate withConverter(WampJsonConverter converter) {
		return new WampTemplate(this.peers, this.peerName, Objects.requireNonNull(converter, "converter"),
				this.callOptions, this.publishOptions, this.callRetry, this.nexusUris, this.blockTimeout,
				this.observationRegistry, this.observationConvention);
	}

	/**
	 * A copy with other default call options (used by the methods that take none).
	 * @param callOptions the options
	 * @return the template
	 */
	public WampTemplate withCallOptions(CallOptions callOptions) {
		return new WampTemplate(this.peers, this.peerName, this.converter,
				Objects.requireNonNull(callOptions, "callOptions"), this.publishOptions, this.callRetry, this.nexusUris,
				this.blockTimeout, this.observationRegistry, this.observationConvention);
	}

	/**
	 * A copy with other default publish options (used by
	 * {@link #publish(String, Object...)}).
	 * @param publishOptions the options
	 * @return the template
	 */
	public WampTemplate withPublishOptions(PublishOptions publishOptions) {
		return new WampTemplate(this.peers, this.peerName, this.converter, this.callOptions,
				Objects.requireNonNull(publishOptions, "publishOptions"), this.callRetry, this.nexusUris,
				this.blockTimeout, this.observationRegistry, this.observationConvention);
	}

	/**
	 * A copy that retries calls.
	 * @param callRetry the retry setting
	 * @return the template
	 */
	public WampTemplate withCallRetry(CallRetry callRetry) {
		return new WampTemplate(this.peers, this.peerName, this.converter, this.callOptions, this.publishOptions,
				Objects.requireNonNull(callRetry, "callRetry"), this.nexusUris, this.blockTimeout,
				this.observationRegistry, this.observationConvention);
	}

	/**
	 * A copy with other Nexus service URIs.
	 * @param nexusUris the URIs
	 * @return the template
	 */
	public WampTemplate withNexusUris(NexusUris nexusUris) {
		return new WampTemplate(this.peers, this.peerName, this.converter, this.callOptions, this.publishOptions,
				this.callRetry, Objects.requireNonNull(nexusUris, "nexusUris"), this.blockTimeout,
				this.observationRegistry, this.observationConvention);
	}

	/**
	 * A copy whose blocking facade waits another time (default 30 s).
	 * @param blockTimeout the timeout
	 * @return the template
	 */
	public WampTemplate withBlockTimeout(Duration blockTimeout) {
		return new WampTemplate(this.peers, this.peerName, this.converter, this.callOptions, this.publishOptions,
				this.callRetry, this.nexusUris, Objects.requireNonNull(blockTimeout, "blockTimeout"),
				this.observationRegistry, this.observationConvention);
	}

	/**
	 * A copy whose calls and publications are observed ({@code wamp.template}).
	 * @param observationRegistry the registry
	 * @return the template
	 */
	public WampTemplate withObservationRegistry(ObservationRegistry observationRegistry) {
		return new WampTemplate(this.peers, this.peerName, this.converter, this.callOptions, this.publishOptions,
				this.callRetry, this.nexusUris, this.blockTimeout,
				Objects.requireNonNull(observationRegistry, "observationRegistry"), this.observationConvention);
	}

	/**
	 * A copy with a custom convention for the {@code wamp.template} observations.
	 * @param observationConvention the convention, or null for the default
	 * @return the template
	 */
	public WampTemplate withObservationConvention(@Nullable WampTemplateObservationConvention observationConvention) {
		return new WampTemplate(this.peers, this.peerName, this.converter, this.callOptions, this.publishOptions,
				this.callRetry, this.nexusUris, this.blockTimeout, this.observationRegistry, observationConvention);
	}

	/**
	 * The peer this template sends through.
	 * @return the peer
	 * @throws IllegalStateException when the peer does not exist (such as no default
	 * peer)
	 */
	public WampPeer getPeer() {
		return this.peers.get(this.peerName);
	}

	/**
	 * The default call options.
	 * @return the options
	 */
	public CallOptions getCallOptions() {
		return this.callOptions;
	}

	/**
	 * The default publish options.
	 * @return the options
	 */
	public PublishOptions getPublishOptions() {
		return this.publishOptions;
	}

	/**
	 * The call retry setting.
	 * @return the setting
	 */
	public CallRetry getCallRetry() {
		return this.callRetry;
	}

	/**
	 * The Nexus service URIs.
	 * @return the URIs
	 */
	public NexusUris getNexusUris() {
		return this.nexusUris;
	}

	/**
	 * The converter.
	 * @return the converter
	 */
	public WampJsonConverter getConverter() {
		return this.converter;
	}

	// ---------------------------------------------------------------- calls

	@Override
	public Mono<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options) {
		WampPeer peer = getPeer();
		String uri = peer.resolveUri(procedure);
		List<@Nullable Object> wireArgs = toWire(args);
		Map<String, @Nullable Object> wireKwargs = toWire(kwargs);
		// the session is picked per attempt, so a retry may go to another session of the
		// pool one observation per call as the application sees it, retries included; the
		// options carry its trace context (custom attributes) when tracing is on
		return WampObservations.template(this.observationRegistry, this.observationConvention,
				() -> new WampTemplateContext(WampOperation.CALL, peer.name(), uri), (traceContext) -> {
					CallOptions traced = options.withOptions(traceContext);
					return withRetry(Mono.defer(() -> peer.select(uri).call(uri, wireArgs, wireKwargs, traced)), peer,
							uri, traced);
				});
	}

	/**
	 * Retry a call as {@link CallRetry} says: a call that may already have run (transport
	 * lost) is sent again only when its procedure is idempotent.
	 */
	private Mono<CallResult> withRetry(Mono<CallResult> call, WampPeer peer, String uri, CallOptions options) {
		if (!this.callRetry.isEnabled()) {
			return call;
		}
		// idempotent by the call's own option or by the configured list of procedures
		boolean idempotent = options.idempotent() || this.callRetry.isIdempotent(uri, peer.uriPrefix());
		return call.retryWhen(this.callRetry.toRetry(idempotent));
	}

	@Override
	public Mono<CallResult> call(String procedure, @Nullable Object... args) {
		return call(procedure, Arrays.asList(args), Map.of(), this.callOptions);
	}

	@Override
	public <T> Mono<T> call(String procedure, Class<T> resultType, @Nullable Object... args) {
		return call(procedure, Arrays.asList(args), Map.of(), this.callOptions, resultType);
	}

	@Override
	public <T> Mono<T> call(String procedure, ParameterizedTypeReference<T> resultType, @Nullable Object... args) {
		JavaType type = this.converter.javaType(resultType.getType());
		return call(procedure, Arrays.asList(args), Map.of(), this.callOptions)
			.mapNotNull((result) -> convert(result, type));
	}

	@Override
	public <T> Mono<T> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options,
			Class<T> resultType) {
		JavaType type = this.converter.javaType(resultType);
		return call(procedure, args, kwargs, options).mapNotNull((result) -> convert(result, type));
	}

	@Override
	public Flux<CallResult> callProgressive(String procedure, List<?> args, Map<String, ?> kwargs,
			CallOptions options) {
		WampPeer peer = getPeer();
		String uri = peer.resolveUri(procedure);
		List<@Nullable Object> wireArgs = toWire(args);
		Map<String, @Nullable Object> wireKwargs = toWire(kwargs);
		return WampObservations.templateMany(this.observationRegistry, this.observationConvention,
				() -> new WampTemplateContext(WampOperation.CALL, peer.name(), uri),
				(traceContext) -> Flux.defer(() -> peer.select(uri)
					.callProgressive(uri, wireArgs, wireKwargs, options.withOptions(traceContext))));
	}

	@Override
	public <T> Flux<T> callProgressive(String procedure, Class<T> elementType, @Nullable Object... args) {
		JavaType type = this.converter.javaType(elementType);
		return callProgressive(procedure, Arrays.asList(args), Map.of(), this.callOptions)
			.mapNotNull((result) -> convert(result, type));
	}

	@Override
	public Flux<CallResult> callProgressive(String procedure, Publisher<Payload> chunks, CallOptions options) {
		WampPeer peer = getPeer();
		String uri = peer.resolveUri(procedure);
		return WampObservations.templateMany(this.observationRegistry, this.observationConvention,
				() -> new WampTemplateContext(WampOperation.CALL, peer.name(), uri),
				Flux.defer(() -> peer.select(uri).callProgressive(uri, chunks, options)));
	}

	@Override
	public <T> Flux<T> callProgressive(String procedure, Publisher<?> arguments, Class<T> elementType) {
		JavaType type = this.converter.javaType(elementType);
		Flux<Payload> chunks = Flux.from(arguments)
			.map((argument) -> (argument instanceof Payload payload)
					? Payload.of(toWire(payload.args()), toWire(payload.kwargs()))
					: Payload.of(toWire(List.of(argument)), Map.of()));
		return callProgressive(procedure, chunks, this.callOptions).mapNotNull((result) -> convert(result, type));
	}

	private <T> @Nullable T convert(CallResult result, JavaType type) {
		return this.converter.fromResult(result, type);
	}

	// ---------------------------------------------------------------- PubSub

	@Override
	public Mono<Void> publish(String topic, @Nullable Object... args) {
		return publish(topic, Arrays.asList(args), Map.of(), this.publishOptions).then();
	}

	@Override
	public Mono<Long> publishAcknowledged(String topic, @Nullable Object... args) {
		return publish(topic, Arrays.asList(args), Map.of(), acknowledged(this.publishOptions));
	}

	// the default options with acknowledge on, keeping the others (exclude_me, eligible,
	// ...)
	private static PublishOptions acknowledged(PublishOptions options) {
		if (options.acknowledge()) {
			return options;
		}
		PublishOptions.Builder builder = PublishOptions.builder().acknowledge(true);
		options.toWire().forEach((key, value) -> {
			if (!key.equals("acknowledge")) {
				builder.option(key, value);
			}
		});
		return builder.build();
	}

	@Override
	public Mono<Long> publish(String topic, List<?> args, Map<String, ?> kwargs, PublishOptions options) {
		WampPeer peer = getPeer();
		String uri = peer.resolveUri(topic);
		List<@Nullable Object> wireArgs = toWire(args);
		Map<String, @Nullable Object> wireKwargs = toWire(kwargs);
		return WampObservations.template(this.observationRegistry, this.observationConvention,
				() -> new WampTemplateContext(WampOperation.PUBLISH, peer.name(), uri), (traceContext) -> Mono.defer(
						() -> peer.select(uri).publish(uri, wireArgs, wireKwargs, options.withOptions(traceContext))));
	}

	// ---------------------------------------------------------------- run-time
	// registrations

	@Override
	public Mono<PeerRegistration> register(String procedure, RegisterOptions options, InvocationHandler handler) {
		WampPeer peer = getPeer();
		String uri = peer.resolveUri(procedure);
		// every session of a pool registers: the router must share the registration
		RegisterOptions registerOptions = (peer.clients().size() > 1 && options.invoke() == InvokePolicy.SINGLE)
				? withInvoke(options, InvokePolicy.ROUNDROBIN) : options;
		return Mono.defer(() -> {
			// registrations the router confirmed, undone when another session fails or
			// the caller cancels
			List<Registration> confirmed = new CopyOnWriteArrayList<>();
			return Flux.fromIterable(peer.clients())
				// every session answers before the pool decides, so that none is left
				// registering
				.flatMapSequential((client) -> client.register(uri, registerOptions, handler)
					.doOnNext(confirmed::add)
					.materialize())
				.collectList()
				.flatMap((outcomes) -> {
					for (Signal<Registration> outcome : outcomes) {
						Throwable failure = outcome.getThrowable();
						if (failure != null) {
							logger.debug("registering '{}' failed on a session of peer '{}', unregistering it from {} "
									+ "other(s): {}", uri, peer.name(), confirmed.size(), failure.toString());
							return unregisterAll(confirmed, uri).then(Mono.<PeerRegistration>error(failure));
						}
					}
					return Mono.just(new PeerRegistration(uri, outcomes.stream().map(Signal::get).toList()));
				})
				.doOnCancel(() -> unregisterAll(confirmed, uri).subscribe());
		});
	}

	private static Mono<Void> unregisterAll(List<Registration> registrations, String uri) {
		return Flux.fromIterable(registrations)
			.flatMap((registration) -> registration.unregister().onErrorResume((error) -> {
				logger.warn("could not unregister '{}' again after a failed pool registration: {}", uri,
						error.getMessage());
				return Mono.empty();
			}))
			.then();
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
	public Mono<Void> unregister(PeerRegistration registration) {
		return registration.unregister();
	}

	@Override
	public Mono<PeerSubscription> subscribe(String topic, SubscribeOptions options, EventHandler handler) {
		WampPeer peer = getPeer();
		String uri = peer.resolveUri(topic);
		// one session of the pool at a time (on every session, each event would be
		// handled once per session); it moves to another session when that one leaves
		return peer.subscribe(uri, options, handler)
			.map((subscription) -> new PeerSubscription(uri, List.of(subscription)));
	}

	@Override
	public Mono<Void> unsubscribe(PeerSubscription subscription) {
		return subscription.unsubscribe();
	}

	// ---------------------------------------------------------------- meta API

	/**
	 * The router's session meta API as typed calls ({@code wamp.session.*}): count, list,
	 * get, kill, and joins and leaves as a {@link Flux}.
	 * @return the helper, using this template's peer and settings
	 */
	public WampSessionMeta sessionMeta() {
		return new WampSessionMeta(this);
	}

	/**
	 * The router's registration meta API as typed calls ({@code wamp.registration.*}).
	 * @return the helper, using this template's peer and settings
	 */
	public WampRegistrationMeta registrationMeta() {
		return new WampRegistrationMeta(this);
	}

	/**
	 * The router's subscription meta API as typed calls ({@code wamp.subscription.*}).
	 * @return the helper, using this template's peer and settings
	 */
	public WampSubscriptionMeta subscriptionMeta() {
		return new WampSubscriptionMeta(this);
	}

	// ---------------------------------------------------------------- Nexus

	/**
	 * Call a Nexus service on the peer's primary session: these services act on the
	 * calling session or its authid, so every helper call must reach the same session.
	 */
	private <T> Mono<T> nexus(NexusService service, List<?> args, Map<String, ?> kwargs, JavaType type) {
		WampPeer peer = getPeer();
		String uri = this.nexusUris.uri(service, peer.uriPrefix());
		List<@Nullable Object> wireArgs = toWire(args);
		Map<String, @Nullable Object> wireKwargs = toWire(kwargs);
		Mono<CallResult> call = withRetry(
				Mono.defer(() -> peer.primary().call(uri, wireArgs, wireKwargs, this.callOptions)), peer, uri,
				this.callOptions);
		return call.mapNotNull((result) -> convert(result, type));
	}

	private JavaType type(Class<?> type) {
		return this.converter.javaType(type);
	}

	@Override
	public Mono<Map<String, Object>> whoami() {
		return nexus(NexusService.WHOAMI, List.of(), Map.of(), this.converter.javaType(RECORD.getType()));
	}

	@Override
	public Mono<Map<String, Object>> rosterRegister(String roster, @Nullable Object data,
			@Nullable List<String> visibility) {
		List<@Nullable Object> args = (visibility != null) ? Arrays.asList(roster, data, visibility)
				: Arrays.asList(roster, data);
		return nexus(NexusService.ROSTER_REGISTER, args, Map.of(), this.converter.javaType(RECORD.getType()));
	}

	@Override
	public <T> Mono<List<T>> rosterQuery(String roster, Class<T> entryType) {
		JavaType type = this.converter.mapper().getTypeFactory().constructCollectionType(List.class, entryType);
		return nexus(NexusService.ROSTER_QUERY, List.of(roster), Map.of(), type);
	}

	@Override
	public Mono<Boolean> rosterUnregister(String roster) {
		return nexus(NexusService.ROSTER_UNREGISTER, List.of(roster), Map.of(), type(Boolean.class));
	}

	@Override
	public Mono<Object> metadataSet(String key, @Nullable Object value) {
		return nexus(NexusService.METADATA_SET, Arrays.asList(key, value), Map.of(), type(Object.class));
	}

	@Override
	public <T> Mono<T> metadataGet(String key, Class<T> valueType) {
		return nexus(NexusService.METADATA_GET, List.of(key), Map.of(), type(valueType));
	}

	@Override
	public Mono<Map<String, Object>> metadataList() {
		return nexus(NexusService.METADATA_LIST, List.of(), Map.of(), this.converter.javaType(RECORD.getType()));
	}

	@Override
	public Mono<Boolean> metadataDelete(String key) {
		return nexus(NexusService.METADATA_DELETE, List.of(key), Map.of(), type(Boolean.class));
	}

	@Override
	public Mono<Map<String, Object>> otpCreate(Map<String, ?> options) {
		return nexus(NexusService.OTP_CREATE, List.of(), options, this.converter.javaType(RECORD.getType()));
	}

	@Override
	public Mono<List<Map<String, Object>>> otpList() {
		return nexus(NexusService.OTP_LIST, List.of(), Map.of(), this.converter.javaType(RECORDS.getType()));
	}

	@Override
	public Mono<CallResult> otpDelete(String key) {
		return nexus(NexusService.OTP_DELETE, List.of(key), Map.of(), type(CallResult.class));
	}

	@Override
	public Mono<Map<String, Object>> apikeysCreate(Map<String, ?> values) {
		return nexus(NexusService.APIKEYS_CREATE, List.of(values), Map.of(), this.converter.javaType(RECORD.getType()));
	}

	@Override
	public Mono<List<Map<String, Object>>> apikeysList() {
		return nexus(NexusService.APIKEYS_LIST, List.of(), Map.of(), this.converter.javaType(RECORDS.getType()));
	}

	@Override
	public Mono<CallResult> apikeysDelete(String key) {
		return nexus(NexusService.APIKEYS_DELETE, List.of(key), Map.of(), type(CallResult.class));
	}

	@Override
	public Mono<Void> changeUser(WampSessionCredentials credentials) {
		return getPeer().changeUser(credentials);
	}

	@Override
	public Mono<WampExtraSession> openSession(WampSessionCredentials credentials) {
		return Mono.defer(() -> getPeer().openSession(credentials))
			.map((extra) -> new WampExtraSession(extra,
					new WampTemplate(WampPeers.of(extra), extra.name(), this.converter, this.callOptions,
							this.publishOptions, this.callRetry, this.nexusUris, this.blockTimeout,
							this.observationRegistry, this.observationConvention),
					this.blockTimeout));
	}

	@Override
	public BlockingWampOperations blocking() {
		return new BlockingWampTemplate(this, this.blockTimeout);
	}

	// ---------------------------------------------------------------- conversion

	private List<@Nullable Object> toWire(List<?> values) {
		if (values.isEmpty()) {
			return List.of();
		}
		List<@Nullable Object> wire = new ArrayList<>(values.size());
		for (Object value : values) {
			wire.add(this.converter.toWire(value));
		}
		return wire;
	}

	private Map<String, @Nullable Object> toWire(Map<String, ?> values) {
		if (values.isEmpty()) {
			return Map.of();
		}
		Map<String, @Nullable Object> wire = new LinkedHashMap<>();
		values.forEach((key, value) -> wire.put(key, this.converter.toWire(value)));
		return wire;
	}

	@Override
	public String toString() {
		return "WampTemplate[peer=" + ((this.peerName != null) ? this.peerName : "(default)") + "]";
	}

}
