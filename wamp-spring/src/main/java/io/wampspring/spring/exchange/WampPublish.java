package io.wampspring.spring.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link WampExchange} interface that publishes an event.
 * <p>
 * Parameters: each one is the next positional argument, except a
 * {@link io.wampspring.spring.annotation.Kwarg @Kwarg} parameter (one keyword argument)
 * and a {@link io.wampspring.client.PublishOptions PublishOptions} parameter (this
 * publication's options; a null value keeps the annotation's).
 * <p>
 * Return types: {@code Mono<Void>} (completes once the event was written, or once the
 * router acknowledged it when {@link #acknowledge()} is on), {@code Mono<Long>} (always
 * acknowledged: the publication id), {@code CompletableFuture} of either, or {@code void}
 * / {@code Long} / {@code long}, which block the calling thread as a blocking
 * {@link WampCall} does. A refused publication fails with
 * {@link io.wampspring.core.WampException} (only an acknowledged publication can be
 * refused).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampPublish {

	/**
	 * The topic, relative to the interface's {@link WampExchange#uriPrefix()} when it has
	 * one (supports {@code ${...}} placeholders).
	 * @return the URI
	 */
	String value();

	/**
	 * Whether the router acknowledges the publication (and may refuse it): {@code true}
	 * or {@code false} (supports placeholders). Empty: the template's default publish
	 * options; a method returning the publication id is always acknowledged.
	 * @return the flag
	 */
	String acknowledge() default "";

	/**
	 * Whether the publisher's own session is left out of the receivers
	 * ({@code exclude_me}): {@code true} or {@code false} (supports placeholders). Empty:
	 * the template's default publish options.
	 * @return the flag
	 */
	String excludeMe() default "";

	/**
	 * Whether the router discloses the publisher to the subscribers
	 * ({@code disclose_me}): {@code true} or {@code false} (supports placeholders).
	 * Empty: the template's default publish options.
	 * @return the flag
	 */
	String discloseMe() default "";

}
