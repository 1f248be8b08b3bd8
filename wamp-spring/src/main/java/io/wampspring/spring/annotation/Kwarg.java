package io.wampspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a method parameter of a {@link WampProcedure} or {@link WampSubscribe} handler to
 * one keyword argument of the call or event.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Kwarg {

	/**
	 * The name of the keyword argument.
	 * @return the name
	 */
	String value();

	/**
	 * Whether the keyword argument must be present; a missing required one answers
	 * {@code wamp.error.invalid_argument} naming it.
	 * @return true when required
	 */
	boolean required() default true;

}
