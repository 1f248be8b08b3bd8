package io.wampspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wampspring.client.InvokePolicy;
import io.wampspring.core.uri.MatchPolicy;

import org.springframework.core.annotation.AliasFor;

/**
 * Registers the annotated bean method as a WAMP procedure. Positional arguments of the
 * call bind to the method's parameters in order; {@link Kwarg} binds one keyword
 * argument; a POJO parameter binds from the keyword arguments; invocation details and the
 * caller's identity are injectable. The return value (a plain value, {@code WampResult},
 * {@code Mono}, {@code Flux} for progressive results, {@code CompletionStage} or
 * {@code void}) becomes the result; an exception becomes an ERROR with a URI.
 *
 * <pre class="code">
 * &#64;WampProcedure("com.example.add2")
 * int add(int a, int b) {
 *     return a + b;
 * }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampProcedure {

	/**
	 * The procedure URI; an alias for {@link #uri()}.
	 * @return the URI, which may hold {@code ${...}} placeholders and may be relative to
	 * the router's {@code uri-prefix} when it starts with a dot
	 */
	@AliasFor("uri")
	String value() default "";

	/**
	 * The procedure URI.
	 * @return the URI
	 */
	@AliasFor("value")
	String uri() default "";

	/**
	 * The peer (named in {@code wamp.peers}) whose sessions register the procedure.
	 * @return the peer name; empty for the default peer
	 */
	String peer() default "";

	/**
	 * How the router matches called URIs against this one.
	 * @return the match policy
	 */
	MatchPolicy match() default MatchPolicy.EXACT;

	/**
	 * How the router picks among several callees of the same procedure.
	 * @return the invocation policy
	 */
	InvokePolicy invoke() default InvokePolicy.SINGLE;

	/**
	 * Whether to ask the router to disclose the caller's identity to this procedure.
	 * @return true to request caller disclosure; the router may refuse
	 */
	boolean discloseCaller() default false;

	/**
	 * The largest number of invocations of this procedure that run at once; more wait in
	 * a queue of {@link #queueCapacity()}, without holding a thread.
	 * @return the limit, or a property placeholder; {@code "0"} for no limit; empty for
	 * the default ({@code wamp.defaults.callee.concurrency} with Spring Boot, else 10 per
	 * available processor: the threads of Reactor's {@code boundedElastic} scheduler)
	 */
	String concurrency() default "";

	/**
	 * The largest number of invocations that wait for a free slot when
	 * {@link #concurrency()} invocations run; an invocation beyond both is answered at
	 * once with {@code wamp.error.unavailable}.
	 * @return the capacity, or a property placeholder; {@code "0"} to refuse at once;
	 * empty for the default ({@code wamp.defaults.callee.queue-capacity} with Spring
	 * Boot, else 1000)
	 */
	String queueCapacity() default "";

	/**
	 * Additional REGISTER options as {@code key=value} pairs, for router-specific
	 * options.
	 * @return the options
	 */
	String[] options() default {};

}
