package io.wampspring.spring.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are WAMP calls ({@link WampCall}) and publications
 * ({@link WampPublish}), implemented by a proxy of {@link WampExchangeProxyFactory}; with
 * Spring Boot (or {@link EnableWampExchanges}) every such interface found by scanning is
 * a bean.
 *
 * <pre class="code">
 * &#64;WampExchange(uriPrefix = "com.example")
 * public interface Calculator {
 *     &#64;WampCall("add2") Mono&lt;Integer&gt; add(int a, int b);
 *     &#64;WampCall("countdown") Flux&lt;Integer&gt; countdown(int from);
 *     &#64;WampPublish("onhello") Mono&lt;Void&gt; hello(String name);
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampExchange {

	/**
	 * The name of the peer whose sessions send the calls and publications (supports
	 * {@code ${...}} placeholders in a Spring context).
	 * @return the peer's name; empty for the default peer
	 */
	String peer() default "";

	/**
	 * A prefix put before every method's URI with a dot between, such as
	 * {@code com.example} for {@code @WampCall("add2")} calling {@code com.example.add2}
	 * (supports {@code ${...}} placeholders). Empty: the methods' URIs are used as they
	 * are (one that starts with a dot is relative to the peer's uri-prefix).
	 * @return the prefix; empty for none
	 */
	String uriPrefix() default "";

}
