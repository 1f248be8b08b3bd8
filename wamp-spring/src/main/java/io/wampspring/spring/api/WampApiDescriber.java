package io.wampspring.spring.api;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.wampspring.client.CallResult;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.InvokePolicy;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.config.WampListenerEndpoint;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.config.WampProcedureEndpoint;
import io.wampspring.spring.config.WampSubscriptionEndpoint;
import io.wampspring.spring.listener.adapter.WampHandlerMethodArgumentResolver;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.support.WampResult;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.ClassUtils;

/**
 * Describes the WAMP API of an application from the endpoints of its
 * {@link WampEndpointRegistry} (the {@code @WampProcedure} and {@code @WampSubscribe}
 * methods and the configured handlers): every procedure and topic with its options, the
 * name, Java type and JSON Schema of each argument and keyword argument, and the schema
 * of the result, generated from the Java types by victools' {@code jsonschema-generator}
 * (JSON Schema 2020-12; an optional dependency, needed only here). Which parameters are
 * arguments and keyword arguments is decided by the argument resolvers of the registry's
 * {@link WampHandlerMethodFactory}, as for the handler itself: parameters resolved from
 * the invocation rather than sent by the caller (the invocation, its details, the
 * caller's identity, a security principal, an application's own resolvers) are left out.
 * Run-time registrations ({@code WampTemplate.register}) are not endpoints and are not
 * described.
 * <p>
 * Thread safe; each {@link #describe()} builds a new description (the registry may change
 * while the application runs).
 */
public final class WampApiDescriber {

	private static final String BUILT_IN_RESOLVERS = WampHandlerMethodFactory.class.getPackageName();

	// types whose value is the whole result, any JSON value
	private static final Set<Class<?>> WHOLE_RESULTS = Set.of(WampResult.class, CallResult.class,
			InvocationResult.class, Object.class);

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final WampEndpointRegistry registry;

	private final @Nullable WampPeers peers;

	private final SchemaGeneratorConfig config;

	/**
	 * Create a describer with the default schema settings.
	 * @param registry the registry whose endpoints are described
	 * @param peers the peers, to name the default peer and resolve relative URIs; or null
	 */
	public WampApiDescriber(WampEndpointRegistry registry, @Nullable WampPeers peers) {
		this(registry, peers, (builder) -> {
		});
	}

	/**
	 * Create a describer with customized schema settings.
	 * @param registry the registry whose endpoints are described
	 * @param peers the peers, to name the default peer and resolve relative URIs; or null
	 * @param customizer adds modules or options to the generator's configuration (such as
	 * victools' Jackson or Jakarta validation modules)
	 */
	public WampApiDescriber(WampEndpointRegistry registry, @Nullable WampPeers peers,
			Consumer<SchemaGeneratorConfigBuilder> customizer) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.peers = peers;
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS);
		// Number and its subclasses arrive as JSON numbers, whatever the declared class
		builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
			Class<?> erased = type.getErasedType();
			if (erased == Number.class) {
				ObjectNode number = context.getGeneratorConfig().createObjectNode();
				number.put("type", "number");
				return new CustomDefinition(number, CustomDefinition.INLINE_DEFINITION,
						CustomDefinition.INCLUDING_ATTRIBUTES);
			}
			return null;
		});
		customizer.accept(builder);
		this.config = builder.build();
	}

	/**
	 * Describe the endpoints the registry knows now.
	 * @return the description
	 */
	public WampApiDescription describe() {
		SchemaBuilder schemas = new SchemaGenerator(this.config).buildMultipleSchemaDefinitions();
		// the references are completed when the definitions are collected: convert them
		// to maps only then
		List<Pending> pending = new ArrayList<>();
		List<ProcedureDraft> procedures = new ArrayList<>();
		List<TopicDraft> topics = new ArrayList<>();
		for (WampListenerEndpoint endpoint : this.registry.getEndpoints()) {
			Class<?> beanClass = ClassUtils.getUserClass(endpoint.bean());
			Method method = endpoint.method();
			List<ParameterDraft> args = new ArrayList<>();
			List<ParameterDraft> kwargs = new ArrayList<>();
			parameters(method, beanClass, schemas, args, kwargs, pending);
			if (endpoint instanceof WampProcedureEndpoint procedure) {
				Map<String, Object> options = new LinkedHashMap<>(procedure.options().toWire());
				options.putIfAbsent("match", procedure.options().match().wireName());
				// a pooled peer shares an unconfigured registration round-robin, as the
				// registry registers it
				options.putIfAbsent("invoke", (!procedure.invokeConfigured() && poolSize(endpoint) > 1)
						? InvokePolicy.ROUNDROBIN.wireName() : procedure.options().invoke().wireName());
				procedures.add(new ProcedureDraft(uri(endpoint), peer(endpoint), endpoint.id(), options, args, kwargs,
						result(method, beanClass, schemas, pending)));
			}
			else if (endpoint instanceof WampSubscriptionEndpoint subscription) {
				Map<String, Object> options = new LinkedHashMap<>(subscription.options().toWire());
				options.putIfAbsent("match", subscription.options().match().wireName());
				topics.add(new TopicDraft(uri(endpoint), peer(endpoint), endpoint.id(), options, args, kwargs));
			}
		}
		ObjectNode definitions = schemas.collectDefinitions("$defs");
		ObjectMapper json = this.config.getObjectMapper();
		pending.forEach((draft) -> draft.complete(json));
		return new WampApiDescription(WampApiDescription.DIALECT,
				procedures.stream()
					.map(ProcedureDraft::build)
					.sorted(Comparator.comparing(WampApiDescription.Procedure::uri))
					.toList(),
				topics.stream()
					.map(TopicDraft::build)
					.sorted(Comparator.comparing(WampApiDescription.Topic::uri))
					.toList(),
				toMap(json, definitions));
	}

	private String uri(WampListenerEndpoint endpoint) {
		if (this.peers != null && endpoint.uri().startsWith(".")) {
			try {
				return this.peers.get(endpoint.peer()).resolveUri(endpoint.uri());
			}
			catch (RuntimeException ex) {
				// no such peer or no prefix: the registry reports that; describe what was
				// declared
				return endpoint.uri();
			}
		}
		return endpoint.uri();
	}

	private int poolSize(WampListenerEndpoint endpoint) {
		if (this.peers == null) {
			return 1;
		}
		try {
			return this.peers.get(endpoint.peer()).clients().size();
		}
		catch (RuntimeException ex) {
			return 1;
		}
	}

	private String peer(WampListenerEndpoint endpoint) {
		if (this.peers != null) {
			try {
				return this.peers.get(endpoint.peer()).name();
			}
			catch (RuntimeException ex) {
				return endpoint.peer();
			}
		}
		return endpoint.peer().isEmpty() ? WampPeers.DEFAULT_PEER : endpoint.peer();
	}

	private void parameters(Method method, Class<?> beanClass, SchemaBuilder schemas, List<ParameterDraft> args,
			List<ParameterDraft> kwargs, List<Pending> pending) {
		List<HandlerMethodArgumentResolver> resolvers = this.registry.getHandlerMethodFactory().getArgumentResolvers();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i).withContainingClass(beanClass);
			parameter.initParameterNameDiscovery(parameterNames);
			List<ParameterDraft> target = fromCaller(parameter, resolvers, args, kwargs);
			if (target == null) {
				continue;
			}
			ResolvableType resolved = ResolvableType.forMethodParameter(parameter);
			if (parameter.getParameterType() == Optional.class) {
				resolved = resolved.getGeneric(0);
			}
			Kwarg kwarg = parameter.getParameterAnnotation(Kwarg.class);
			boolean keyword = (target == kwargs && kwarg != null);
			String name = keyword ? kwarg.value() : parameter.getParameterName();
			if (name == null) {
				name = "arg" + i;
			}
			boolean required = !parameter.isOptional() && (!keyword || kwarg.required());
			ParameterDraft draft = new ParameterDraft(name, resolved.toString(), required,
					schemas.createSchemaReference(resolved.getType()));
			pending.add(draft);
			target.add(draft);
		}
	}

	/**
	 * Where a parameter's value comes from, decided by the resolver the handler uses for
	 * it (so custom resolvers count): a positional argument, a keyword argument, or
	 * something else (the invocation, its details, the caller's identity, a security
	 * principal, an application's own resolver): then null, the caller does not send it.
	 */
	private static @Nullable List<ParameterDraft> fromCaller(MethodParameter parameter,
			List<HandlerMethodArgumentResolver> resolvers, List<ParameterDraft> args, List<ParameterDraft> kwargs) {
		for (HandlerMethodArgumentResolver resolver : resolvers) {
			if (!resolver.supportsParameter(parameter)) {
				continue;
			}
			if (resolver instanceof WampHandlerMethodArgumentResolver wamp
					&& wamp.consumesPositionalArgument(parameter)) {
				return args;
			}
			boolean builtIn = resolver.getClass().getPackageName().equals(BUILT_IN_RESOLVERS);
			return (builtIn && parameter.hasParameterAnnotation(Kwarg.class)) ? kwargs : null;
		}
		return null;
	}

	private static @Nullable ResultDraft result(Method method, Class<?> beanClass, SchemaBuilder schemas,
			List<Pending> pending) {
		ResolvableType type = ResolvableType.forMethodReturnType(method, beanClass);
		Class<?> raw = type.toClass();
		boolean progressive = false;
		if (raw == Mono.class || CompletionStage.class.isAssignableFrom(raw) || raw == Optional.class) {
			type = type.as(raw).getGeneric(0);
		}
		else if (raw == Flux.class) {
			type = type.getGeneric(0);
			progressive = true;
		}
		else if (Publisher.class.isAssignableFrom(raw)) {
			type = type.as(Publisher.class).getGeneric(0);
			progressive = true;
		}
		Class<?> value = type.toClass();
		if (value == void.class || value == Void.class) {
			return null;
		}
		Type schemaType = WHOLE_RESULTS.contains(value) ? Object.class : type.getType();
		ResultDraft draft = new ResultDraft(type.toString(), progressive, schemas.createSchemaReference(schemaType));
		pending.add(draft);
		return draft;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toMap(ObjectMapper json, ObjectNode node) {
		return json.convertValue(node, Map.class);
	}

	@Override
	public String toString() {
		return "WampApiDescriber[" + this.registry.getEndpoints().size() + " endpoints]";
	}

	/** A schema that can be read only once the definitions are collected. */
	private abstract static class Pending {

		private final ObjectNode node;

		private Map<String, Object> schema = Map.of();

		Pending(ObjectNode node) {
			this.node = node;
		}

		void complete(ObjectMapper json) {
			this.schema = toMap(json, this.node);
		}

		Map<String, Object> schema() {
			return this.schema;
		}

	}

	private static final class ParameterDraft extends Pending {

		private final String name;

		private final String type;

		private final boolean required;

		ParameterDraft(String name, String type, boolean required, ObjectNode node) {
			super(node);
			this.name = name;
			this.type = type;
			this.required = required;
		}

		WampApiDescription.Parameter build() {
			return new WampApiDescription.Parameter(this.name, this.type, this.required, schema());
		}

	}

	private static final class ResultDraft extends Pending {

		private final String type;

		private final boolean progressive;

		ResultDraft(String type, boolean progressive, ObjectNode node) {
			super(node);
			this.type = type;
			this.progressive = progressive;
		}

		WampApiDescription.Result build() {
			return new WampApiDescription.Result(this.type, this.progressive, schema());
		}

	}

	private record ProcedureDraft(String uri, String peer, String handler, Map<String, Object> options,
			List<ParameterDraft> args, List<ParameterDraft> kwargs, @Nullable ResultDraft result) {

		WampApiDescription.Procedure build() {
			return new WampApiDescription.Procedure(this.uri, this.peer, this.handler, this.options,
					this.args.stream().map(ParameterDraft::build).toList(),
					this.kwargs.stream().map(ParameterDraft::build).toList(),
					(this.result != null) ? this.result.build() : null);
		}

	}

	private record TopicDraft(String uri, String peer, String handler, Map<String, Object> options,
			List<ParameterDraft> args, List<ParameterDraft> kwargs) {

		WampApiDescription.Topic build() {
			return new WampApiDescription.Topic(this.uri, this.peer, this.handler, this.options,
					this.args.stream().map(ParameterDraft::build).toList(),
					this.kwargs.stream().map(ParameterDraft::build).toList());
		}

	}

}
