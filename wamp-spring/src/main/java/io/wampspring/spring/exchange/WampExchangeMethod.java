package io.wampspring.spring.exchange;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.support.WampJsonConverter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JavaType;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.StringUtils;

/**
 * One method of a {@link WampExchange} interface, analysed once when the proxy is
 * created: the URI, how each parameter binds, the options and how the result is returned.
 * A call through the proxy only copies the arguments into lists and sends.
 */
final class WampExchangeMethod {

	/** How the method hands back its outcome. */
	enum Shape {

		/** {@code Mono<T>}. */
		MONO,
		/** {@code Flux<T>}: progressive results, then the final one. */
		FLUX,
		/** {@code CompletableFuture<T>} or {@code CompletionStage<T>}. */
		FUTURE,
		/** A plain type or {@code void}: blocks the caller. */
		BLOCKING,
		/** {@code Optional<T>}: blocks the caller, empty when nothing came. */
		BLOCKING_OPTIONAL

	}

	/** How one parameter binds. */
	private enum Binding {

		POSITIONAL, KWARG, OPTIONS

	}

	private final String description;

	private final String uri;

	private final boolean publish;

	private final Shape shape;

	private final @Nullable JavaType resultType;

	private final boolean primitiveResult;

	private final boolean publicationId;

	private final Binding[] bindings;

	private final @Nullable String[] kwargNames;

	private final boolean[] kwargRequired;

	private final int positionalCount;

	private final CallOptions callOptions;

	private final PublishOptions publishOptions;

	private final WampOperations operations;

	private final WampJsonConverter converter;

	private final Duration blockTimeout;

	WampExchangeMethod(Class<?> type, Method method, String uriPrefix, WampOperations operations,
			WampExchangeProxyFactory factory) {
		this.description = type.getSimpleName() + "." + method.getName() + "(..)";
		this.operations = operations;
		this.converter = factory.converter();
		this.blockTimeout = factory.blockTimeout();
		WampCall call = AnnotatedElementUtils.findMergedAnnotation(method, WampCall.class);
		WampPublish publication = AnnotatedElementUtils.findMergedAnnotation(method, WampPublish.class);
		if (call != null && publication != null) {
			throw invalid("has both @WampCall and @WampPublish: keep one");
		}
		if (call == null && publication == null) {
			throw invalid("has neither @WampCall nor @WampPublish: annotate it, or make it a default method");
		}
		this.publish = (publication != null);
		String value = factory.resolve((call != null) ? call.value() : publication.value());
		if (!StringUtils.hasText(value)) {
			throw invalid("has an empty URI: name the " + (this.publish ? "topic" : "procedure"));
		}
		this.uri = uriPrefix.isEmpty() ? value : uriPrefix + "." + value;

		int count = method.getParameterCount();
		this.bindings = new Binding[count];
		this.kwargNames = new String[count];
		this.kwargRequired = new boolean[count];
		int positional = 0;
		boolean options = false;
		for (int i = 0; i < count; i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			Class<?> parameterType = parameter.getParameterType();
			Kwarg kwarg = parameter.getParameterAnnotation(Kwarg.class);
			if (kwarg != null) {
				this.bindings[i] = Binding.KWARG;
				this.kwargNames[i] = kwarg.value();
				this.kwargRequired[i] = kwarg.required();
			}
			else if (parameterType == CallOptions.class || parameterType == PublishOptions.class) {
				if (this.publish != (parameterType == PublishOptions.class)) {
					throw invalid("takes a " + parameterType.getSimpleName() + " parameter, but a "
							+ (this.publish ? "publication takes PublishOptions" : "call takes CallOptions"));
				}
				if (options) {
					throw invalid("takes more than one options parameter: keep one");
				}
				options = true;
				this.bindings[i] = Binding.OPTIONS;
			}
			else {
				this.bindings[i] = Binding.POSITIONAL;
				positional++;
			}
		}
		this.positionalCount = positional;

		ResolvableType returnType = ResolvableType.forMethodReturnType(method, type);
		Class<?> raw = returnType.toClass();
		ResolvableType valueType;
		if (raw == Mono.class) {
			this.shape = Shape.MONO;
			valueType = returnType.getGeneric(0);
		}
		else if (raw == Flux.class) {
			if (this.publish) {
				throw invalid("returns a Flux, but a publication completes once: return Mono<Void> or Mono<Long>");
			}
			this.shape = Shape.FLUX;
			valueType = returnType.getGeneric(0);
		}
		else if (raw == CompletableFuture.class || raw == CompletionStage.class) {
			this.shape = Shape.FUTURE;
			valueType = returnType.getGeneric(0);
		}
		else if (raw == Optional.class) {
			this.shape = Shape.BLOCKING_OPTIONAL;
			valueType = returnType.getGeneric(0);
		}
		else {
			this.shape = Shape.BLOCKING;
			valueType = returnType;
		}
		Class<?> value0 = valueType.toClass();
		boolean noValue = (value0 == void.class || value0 == Void.class);
		this.primitiveResult = value0.isPrimitive() && !noValue;
		this.publicationId = this.publish && (value0 == Long.class || value0 == long.class);
		if (this.publish) {
			if (!noValue && !this.publicationId) {
				throw invalid("returns " + returnType + ", but a publication answers nothing or its publication id: "
						+ "return Mono<Void>, Mono<Long>, CompletableFuture<Void>, void or long");
			}
			this.resultType = null;
			this.callOptions = CallOptions.defaults();
			this.publishOptions = publishOptions(publication, factory, this.publicationId);
		}
		else {
			this.resultType = noValue ? null : this.converter.javaType(valueType.getType());
			this.callOptions = callOptions(call, factory);
			this.publishOptions = PublishOptions.defaults();
		}
	}

	private IllegalStateException invalid(String problem) {
		return new IllegalStateException("WAMP exchange method " + this.description + " " + problem);
	}

	String uri() {
		return this.uri;
	}

	boolean isPublish() {
		return this.publish;
	}

	Shape shape() {
		return this.shape;
	}

	// ---------------------------------------------------------------- options

	private CallOptions callOptions(WampCall call, WampExchangeProxyFactory factory) {
		CallOptions base = factory.callOptions();
		String timeout = factory.resolve(call.timeout());
		Boolean discloseMe = flag(factory, "discloseMe", call.discloseMe());
		Boolean idempotent = flag(factory, "idempotent", call.idempotent());
		if (timeout.isEmpty() && discloseMe == null && idempotent == null) {
			return base;
		}
		CallOptions.Builder builder = CallOptions.builder().cancelMode(base.cancelMode());
		if (base.isTimeoutSet()) {
			builder.timeout(base.timeout());
		}
		builder.idempotent((idempotent != null) ? idempotent : base.idempotent());
		Boolean disclose = (discloseMe != null) ? discloseMe : base.discloseMe();
		if (disclose != null) {
			builder.discloseMe(disclose);
		}
		base.extra().forEach(builder::option);
		if (!timeout.isEmpty()) {
			try {
				builder.timeout(DurationFormatterUtils.detectAndParse(timeout));
			}
			catch (RuntimeException ex) {
				throw invalid("has the timeout '" + timeout + "', which is not a duration such as 5s, 500ms or PT5S ("
						+ ex.getMessage() + ")");
			}
		}
		return builder.build();
	}

	private PublishOptions publishOptions(WampPublish publication, WampExchangeProxyFactory factory,
			boolean publicationId) {
		PublishOptions base = factory.publishOptions();
		Boolean acknowledge = flag(factory, "acknowledge", publication.acknowledge());
		Boolean excludeMe = flag(factory, "excludeMe", publication.excludeMe());
		Boolean discloseMe = flag(factory, "discloseMe", publication.discloseMe());
		if (publicationId && Boolean.FALSE.equals(acknowledge)) {
			throw invalid("returns the publication id, which only an acknowledged publication has: "
					+ "remove acknowledge = \"false\"");
		}
		boolean acknowledged = publicationId || ((acknowledge != null) ? acknowledge : base.acknowledge());
		if (acknowledge == null && excludeMe == null && discloseMe == null && acknowledged == base.acknowledge()) {
			return base;
		}
		PublishOptions.Builder builder = PublishOptions.builder().acknowledge(acknowledged);
		// the lists (eligible, exclude, ...) and custom options travel as wire options
		base.toWire().forEach((key, wire) -> {
			if (!key.equals("acknowledge") && !key.equals("exclude_me") && !key.equals("disclose_me")) {
				builder.option(key, wire);
			}
		});
		Boolean exclude = (excludeMe != null) ? excludeMe : base.excludeMe();
		if (exclude != null) {
			builder.excludeMe(exclude);
		}
		Boolean disclose = (discloseMe != null) ? discloseMe : base.discloseMe();
		if (disclose != null) {
			builder.discloseMe(disclose);
		}
		return builder.build();
	}

	private @Nullable Boolean flag(WampExchangeProxyFactory factory, String attribute, String value) {
		String resolved = factory.resolve(value).trim();
		if (resolved.isEmpty()) {
			return null;
		}
		if (resolved.equalsIgnoreCase("true") || resolved.equalsIgnoreCase("false")) {
			return Boolean.valueOf(resolved);
		}
		throw invalid("has " + attribute + " = \"" + resolved + "\": use \"true\", \"false\" or leave it empty");
	}

	// ---------------------------------------------------------------- invocation

	@Nullable Object invoke(@Nullable Object @Nullable [] arguments) {
		List<@Nullable Object> args = (this.positionalCount == 0) ? List.of() : new ArrayList<>(this.positionalCount);
		Map<String, @Nullable Object> kwargs = Map.of();
		Object options = null;
		if (arguments != null) {
			for (int i = 0; i < arguments.length; i++) {
				Object argument = arguments[i];
				switch (this.bindings[i]) {
					case POSITIONAL -> args.add(argument);
					case KWARG -> {
						if (argument != null || this.kwargRequired[i]) {
							if (kwargs.isEmpty()) {
								kwargs = new LinkedHashMap<>();
							}
							kwargs.put(this.kwargNames[i], argument);
						}
					}
					case OPTIONS -> options = argument;
				}
			}
		}
		if (this.publish) {
			PublishOptions publishOptions = (options != null) ? (PublishOptions) options : this.publishOptions;
			return complete(this.operations.publish(this.uri, args, kwargs, publishOptions));
		}
		CallOptions callOptions = (options != null) ? (CallOptions) options : this.callOptions;
		if (this.shape == Shape.FLUX) {
			JavaType type = this.resultType;
			Flux<CallResult> results = this.operations.callProgressive(this.uri, args, kwargs, callOptions);
			return (type != null) ? results.mapNotNull((result) -> this.converter.fromResult(result, type))
					: results.thenMany(Flux.empty());
		}
		return complete(this.operations.call(this.uri, args, kwargs, callOptions));
	}

	private @Nullable Object complete(Mono<?> sent) {
		JavaType type = this.resultType;
		Mono<?> result;
		if (this.publish) {
			// the publication id when the method returns it, else completion only
			result = this.publicationId ? sent : sent.then();
		}
		else if (type == null) {
			result = sent.then();
		}
		else {
			result = sent.mapNotNull((answer) -> this.converter.fromResult((CallResult) answer, type));
		}
		return switch (this.shape) {
			case MONO -> result;
			case FUTURE -> result.toFuture();
			case BLOCKING -> block(result);
			case BLOCKING_OPTIONAL -> Optional.ofNullable(block(result));
			case FLUX -> throw new IllegalStateException("a Flux is handled by invoke");
		};
	}

	private @Nullable Object block(Mono<?> result) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(this.description + " waits for '" + this.uri
					+ "' and cannot run on the non-blocking thread '" + Thread.currentThread().getName()
					+ "' (a Netty event loop or a Reactor parallel thread): declare it with a Mono, Flux or "
					+ "CompletableFuture return type, or call it from a thread that may block");
		}
		Object value = result
			.timeout(this.blockTimeout,
					Mono.error(
							() -> new WampException(WampUris.TIMEOUT,
									this.description + " got no answer from '" + this.uri + "' within "
											+ this.blockTimeout.toMillis() + " ms (the block timeout)")))
			.block();
		if (value == null && this.primitiveResult) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "'" + this.uri + "' answered nothing, but "
					+ this.description + " returns a primitive value: declare a wrapper or Optional return type");
		}
		return value;
	}

	@Override
	public String toString() {
		return this.description + " -> " + (this.publish ? "publish '" : "call '") + this.uri + "'";
	}

}
