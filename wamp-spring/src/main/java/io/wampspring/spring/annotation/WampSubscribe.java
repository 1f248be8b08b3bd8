package io.wampspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wampspring.core.uri.MatchPolicy;

import org.springframework.core.annotation.AliasFor;

/**
 * Subscribes the annotated bean method to a WAMP topic. Positional arguments of the event
 * bind to the method's parameters in order, as for {@link WampProcedure}; event details
 * and the publisher's identity are injectable. The method returns nothing (a returned
 * {@code Mono} is subscribed to, so that the handler's work is finished before the next
 * event of the same subscription is handled).
 *
 * <pre class="code">
 * &#64;WampSubscribe("com.example.onhello")
 * void onHello(String message, EventDetails details) {
 *     log.info("hello from {}: {}", details.publisher(), message);
 * }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampSubscribe {

	/**
	 * The topic URI; an alias for {@link #uri()}.
	 * @return the URI, which may hold {@code ${...}} placeholders and may be relative to
	 * the router's {@code uri-prefix} when it starts with a dot
	 */
	@AliasFor("uri")
	String value() default "";

	/**
	 * The topic URI.
	 * @return the URI
	 */
	@AliasFor("value")
	String uri() default "";

	/**
	 * The peer (named in {@code wamp.peers}) whose sessions subscribe.
	 * @return the peer name; empty for the default peer
	 */
	String peer() default "";

	/**
	 * How the router matches published topics against this URI.
	 * @return the match policy
	 */
	MatchPolicy match() default MatchPolicy.EXACT;

	/**
	 * The largest number of events of this subscription handled at once; 1 keeps events
	 * in order.
	 * @return the limit, or a property placeholder; empty for the default
	 * ({@code wamp.defaults.subscriber.concurrency} with Spring Boot, else 1)
	 */
	String concurrency() default "";

	/**
	 * The largest number of events that wait for a free slot (the buffer); when it is
	 * full, an arriving event is dropped, counted and logged (drop newest).
	 * @return the capacity, or a property placeholder; empty for the default
	 * ({@code wamp.defaults.subscriber.queue-capacity} with Spring Boot, else 10,000)
	 */
	String queueCapacity() default "";

	/**
	 * Additional SUBSCRIBE options as {@code key=value} pairs, for router-specific
	 * options.
	 * @return the options
	 */
	String[] options() default {};

}
