package io.wampspring.spring.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link WampExchange} interface that calls a procedure.
 * <p>
 * Parameters: each one is the next positional argument, except a
 * {@link io.wampspring.spring.annotation.Kwarg @Kwarg} parameter (one keyword argument; a
 * null value of an optional one is left out) and a
 * {@link io.wampspring.client.CallOptions CallOptions} parameter (this call's options; a
 * null value keeps the annotation's).
 * <p>
 * The return type decides how the call runs:
 * <ul>
 * <li>{@code Mono<T>}: the result converted to {@code T} (empty when the callee answered
 * nothing; {@code Mono<Void>} ignores the result);</li>
 * <li>{@code Flux<T>}: asks for progressive results ({@code receive_progress}) and emits
 * each of them, then the final result;</li>
 * <li>{@code CompletableFuture<T>} or {@code CompletionStage<T>};</li>
 * <li>any other type, or {@code void}: blocks the calling thread until the result
 * arrives, at most the template's block timeout; refused on a non-blocking thread (a
 * Netty event loop or Reactor's {@code parallel} scheduler).</li>
 * </ul>
 * {@code T} may be generic ({@code List<Order>}); {@link io.wampspring.client.CallResult}
 * and {@link io.wampspring.spring.support.WampResult} receive every part of the result.
 * Errors arrive as {@link io.wampspring.core.WampException} with the router's or the
 * callee's URI.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampCall {

	/**
	 * The procedure, relative to the interface's {@link WampExchange#uriPrefix()} when it
	 * has one (supports {@code ${...}} placeholders).
	 * @return the URI
	 */
	String value();

	/**
	 * The call timeout, such as {@code 5s}, {@code 500ms} or {@code PT5S}; {@code 0} for
	 * none (supports placeholders). Empty: the template's default call options.
	 * @return the timeout
	 */
	String timeout() default "";

	/**
	 * Whether the router discloses the caller to the callee ({@code disclose_me}):
	 * {@code true} or {@code false} (supports placeholders). Empty: the template's
	 * default call options.
	 * @return the flag
	 */
	String discloseMe() default "";

	/**
	 * Whether the call is idempotent, so that a retrying template may send it again after
	 * a transport loss: {@code true} or {@code false} (supports placeholders). Empty: the
	 * template's default call options.
	 * @return the flag
	 */
	String idempotent() default "";

}
