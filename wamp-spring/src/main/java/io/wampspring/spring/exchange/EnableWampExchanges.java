package io.wampspring.spring.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Registers a bean for every {@link WampExchange} interface of the given packages (by
 * default the annotated class's package), implemented by
 * {@link WampExchangeProxyFactory}. Spring Boot applications need it only to scan other
 * packages than the auto-configuration packages, which are scanned by default.
 *
 * <pre class="code">
 * &#64;Configuration
 * &#64;EnableWampExchanges(basePackages = "com.example.clients")
 * class WampClientsConfig {
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(WampExchangesRegistrar.class)
public @interface EnableWampExchanges {

	/**
	 * Alias of {@link #basePackages()}.
	 * @return the packages
	 */
	String[] value() default {};

	/**
	 * The packages to scan, with their sub-packages.
	 * @return the packages
	 */
	String[] basePackages() default {};

	/**
	 * Classes whose packages are scanned (a type-safe {@link #basePackages()}).
	 * @return the classes
	 */
	Class<?>[] basePackageClasses() default {};

	/**
	 * Interfaces to register without scanning.
	 * @return the interfaces
	 */
	Class<?>[] clients() default {};

}
