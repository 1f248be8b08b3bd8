package io.wampspring.spring.aot;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampResult;
import org.reactivestreams.Publisher;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.ReflectiveProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * The {@link ReflectiveProcessor} of {@link WampProcedure @WampProcedure} and
 * {@link WampSubscribe @WampSubscribe} (both carry {@code @Reflective} with it, so
 * Spring's AOT engine applies it to every bean class that declares a handler method): the
 * method may be invoked reflectively, and the types that Jackson converts the payload to
 * and from get binding hints (constructors, fields, accessors, record components,
 * recursively). A reactive or asynchronous wrapper ({@link Publisher Mono/Flux},
 * {@link CompletionStage}, {@link Optional}) is unwrapped to its element type; the
 * parameters the framework injects ({@link InvocationDetails}, {@link EventDetails},
 * {@link WampIdentity}, the raw {@link WampInvocation} / {@link WampEvent}) and
 * {@link WampResult}, whose content is only known at run time, need none.
 */
public class WampHandlerReflectiveProcessor implements ReflectiveProcessor {

	private static final Set<Class<?>> FRAMEWORK_TYPES = Set.of(InvocationDetails.class, EventDetails.class,
			WampIdentity.class, WampInvocation.class, WampEvent.class, WampResult.class, Object.class, Void.class,
			void.class);

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerReflectionHints(ReflectionHints hints, AnnotatedElement element) {
		if (!(element instanceof Method method)) {
			return;
		}
		hints.registerMethod(method, ExecutableMode.INVOKE);
		for (int index = 0; index < method.getParameterCount(); index++) {
			registerBinding(hints, ResolvableType.forMethodParameter(new MethodParameter(method, index)));
		}
		registerBinding(hints, ResolvableType.forMethodReturnType(method));
	}

	private void registerBinding(ReflectionHints hints, ResolvableType type) {
		ResolvableType payload = unwrap(type);
		Class<?> raw = payload.toClass();
		if (FRAMEWORK_TYPES.contains(raw)) {
			return;
		}
		// the resolved class, not payload.getType(): a type argument reached through a
		// wrapper is a type variable (Publisher's T) that only the ResolvableType
		// resolves
		this.bindingRegistrar.registerReflectionHints(hints, raw);
		if (payload.isArray()) {
			registerBinding(hints, payload.getComponentType());
		}
		for (ResolvableType generic : payload.getGenerics()) {
			registerBinding(hints, generic);
		}
	}

	/**
	 * The type of the payload inside a reactive, asynchronous or optional wrapper, nested
	 * wrappers included ({@code Mono<Optional<Order>>} gives {@code Order}).
	 */
	private static ResolvableType unwrap(ResolvableType type) {
		Class<?> raw = type.toClass();
		if (Publisher.class.isAssignableFrom(raw) || CompletionStage.class.isAssignableFrom(raw)
				|| Optional.class == raw) {
			Class<?> wrapper = Publisher.class.isAssignableFrom(raw) ? Publisher.class
					: CompletionStage.class.isAssignableFrom(raw) ? CompletionStage.class : Optional.class;
			return unwrap(type.as(wrapper).getGeneric(0));
		}
		return type;
	}

}
