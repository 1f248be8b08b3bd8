package io.wampspring.spring.micrometer;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

/**
 * Wraps the reactive operations of the template and the listeners in observations. With a
 * no-op registry the publisher is returned as it is, so an application without Micrometer
 * pays nothing per message.
 */
public final class WampObservations {

	private WampObservations() {
	}

	/**
	 * Observe a template operation.
	 * @param <T> the element type
	 * @param registry the registry
	 * @param convention the custom convention, or null for the default
	 * @param context creates the context
	 * @param operation the operation, subscribed once per observation
	 * @return the observed operation
	 */
	public static <T> Mono<T> template(ObservationRegistry registry,
			@Nullable WampTemplateObservationConvention convention, Supplier<WampTemplateContext> context,
			Mono<T> operation) {
		return template(registry, convention, context, (propagated) -> operation);
	}

	/**
	 * Observe a template operation that carries the trace context: the operation is built
	 * from the options that the observation's tracing handler propagated
	 * ({@code _traceparent}, ...; empty without tracing), to be added to the message's
	 * options. The observation's parent is the current one, or else the one in the
	 * subscriber's Reactor context (a WebFlux request, a handler's invocation).
	 * @param <T> the element type
	 * @param registry the registry
	 * @param convention the custom convention, or null for the default
	 * @param context creates the context
	 * @param operation builds the operation from the propagated options
	 * @return the observed operation
	 */
	public static <T> Mono<T> template(ObservationRegistry registry,
			@Nullable WampTemplateObservationConvention convention, Supplier<WampTemplateContext> context,
			Function<Map<String, Object>, Mono<T>> operation) {
		if (registry.isNoop()) {
			return operation.apply(Map.of());
		}
		return Mono.deferContextual((reactorContext) -> {
			WampTemplateContext templateContext = context.get();
			Observation observation = templateObservation(registry, convention, templateContext, reactorContext);
			return observed(observation, operation.apply(templateContext.getPropagatedOptions()));
		});
	}

	/**
	 * Observe a template operation with many elements (a progressive call).
	 * @param <T> the element type
	 * @param registry the registry
	 * @param convention the custom convention, or null for the default
	 * @param context creates the context
	 * @param operation the operation
	 * @return the observed operation
	 */
	public static <T> Flux<T> templateMany(ObservationRegistry registry,
			@Nullable WampTemplateObservationConvention convention, Supplier<WampTemplateContext> context,
			Flux<T> operation) {
		return templateMany(registry, convention, context, (propagated) -> operation);
	}

	/**
	 * Observe a template operation with many elements (a progressive call) that carries
	 * the trace context, as
	 * {@link #template(ObservationRegistry, WampTemplateObservationConvention, Supplier, Function)}
	 * does.
	 * @param <T> the element type
	 * @param registry the registry
	 * @param convention the custom convention, or null for the default
	 * @param context creates the context
	 * @param operation builds the operation from the propagated options
	 * @return the observed operation
	 */
	public static <T> Flux<T> templateMany(ObservationRegistry registry,
			@Nullable WampTemplateObservationConvention convention, Supplier<WampTemplateContext> context,
			Function<Map<String, Object>, Flux<T>> operation) {
		if (registry.isNoop()) {
			return operation.apply(Map.of());
		}
		return Flux.deferContextual((reactorContext) -> {
			WampTemplateContext templateContext = context.get();
			Observation observation = templateObservation(registry, convention, templateContext, reactorContext);
			return observedMany(observation, operation.apply(templateContext.getPropagatedOptions()));
		});
	}

	// started here, so that a tracing handler has filled the carrier before the
	// operation is built from it
	private static Observation templateObservation(ObservationRegistry registry,
			@Nullable WampTemplateObservationConvention convention, WampTemplateContext context,
			ContextView reactorContext) {
		Observation observation = WampTemplateObservation.TEMPLATE_OBSERVATION.observation(convention,
				DefaultWampTemplateObservationConvention.INSTANCE, () -> context, registry);
		if (registry.getCurrentObservation() == null
				&& reactorContext.getOrDefault(ObservationThreadLocalKey.KEY, null) instanceof Observation parent) {
			observation.parentObservation(parent);
		}
		return observation.start();
	}

	/**
	 * Observe a listener run.
	 * @param <T> the element type
	 * @param registry the registry
	 * @param convention the custom convention, or null for the default
	 * @param context creates the context
	 * @param run the handler run
	 * @return the observed run
	 */
	public static <T> Flux<T> listener(ObservationRegistry registry,
			@Nullable WampListenerObservationConvention convention, Supplier<WampListenerContext> context,
			Publisher<T> run) {
		if (registry.isNoop()) {
			return Flux.from(run);
		}
		return Flux.defer(() -> {
			Observation observation = WampListenerObservation.LISTENER_OBSERVATION.observation(convention,
					DefaultWampListenerObservationConvention.INSTANCE, context, registry);
			return observedMany(observation.start(), Flux.from(run));
		});
	}

	/**
	 * Observe a listener run whose failures are translated to the WAMP error the caller
	 * gets: the observation records the handler's own exception (Micrometer's
	 * {@code error} tag is its class) and the answered URI ({@code wamp.error}), so that
	 * neither tag is a constant {@code WampException}.
	 * @param <T> the element type
	 * @param registry the registry
	 * @param convention the custom convention, or null for the default
	 * @param context creates the context
	 * @param run the handler run
	 * @param translator turns a handler's failure into the answered error
	 * @return the observed run, failing with the translated errors
	 */
	public static <T> Flux<T> listener(ObservationRegistry registry,
			@Nullable WampListenerObservationConvention convention, Supplier<WampListenerContext> context,
			Publisher<T> run, Function<Throwable, ? extends WampException> translator) {
		if (registry.isNoop()) {
			return Flux.from(run).onErrorMap(translator);
		}
		return Flux.defer(() -> {
			Observation observation = WampListenerObservation.LISTENER_OBSERVATION.observation(convention,
					DefaultWampListenerObservationConvention.INSTANCE, context, registry);
			observation.start();
			return Flux.from(run).onErrorMap((error) -> {
				observation.error(error);
				WampException answer = translator.apply(error);
				if (observation.getContext() instanceof WampObservationContext wamp) {
					wamp.setErrorUri(answer.getUri());
				}
				return answer;
			})
				.doFinally((signal) -> stop(observation, signal))
				.contextWrite((ctx) -> ctx.put(ObservationThreadLocalKey.KEY, observation));
		});
	}

	private static <T> Mono<T> observed(Observation observation, Mono<T> operation) {
		return operation.doOnError(observation::error)
			.doFinally((signal) -> stop(observation, signal))
			.contextWrite((context) -> context.put(ObservationThreadLocalKey.KEY, observation));
	}

	private static <T> Flux<T> observedMany(Observation observation, Flux<T> operation) {
		return operation.doOnError(observation::error)
			.doFinally((signal) -> stop(observation, signal))
			.contextWrite((context) -> context.put(ObservationThreadLocalKey.KEY, observation));
	}

	private static void stop(Observation observation, SignalType signal) {
		if (signal == SignalType.CANCEL && observation.getContext() instanceof WampObservationContext wamp) {
			wamp.setCancelled(true);
		}
		observation.stop();
	}

	/**
	 * The Reactor context key under which Micrometer's context propagation finds the
	 * current observation.
	 */
	private static final class ObservationThreadLocalKey {

		static final String KEY = "micrometer.observation";

	}

}
