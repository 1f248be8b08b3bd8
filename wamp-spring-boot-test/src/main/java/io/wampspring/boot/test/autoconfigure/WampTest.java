package io.wampspring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wampspring.boot.test.client.WampTestClient;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of an application's WAMP parts only, as {@code @WebFluxTest} is of its web
 * layer: the WAMP auto-configuration and the embedded router (on a free port, with the
 * application's realms), the beans that have {@code @WampProcedure} or
 * {@code @WampSubscribe} methods, and a {@link WampTestClient} bean to call, publish and
 * subscribe with. <pre class="code">
 * &#64;WampTest
 * class CalculatorTests {
 *
 *     &#64;Autowired
 *     WampTestClient client;
 *
 *     &#64;Test
 *     void add2() {
 *         this.client.call("com.example.add2").args(2, 3).exchange().expectResult().args().containsExactly(5);
 *     }
 *
 * }
 * </pre> Other beans are not scanned: supply what the handlers need with
 * {@code @MockitoBean}, {@code @Import} or {@link #includeFilters()}. The application's
 * {@code wamp.*} configuration applies (its realms, users and roles); the slice turns the
 * embedded router on and moves it to a free port (both can be overridden with
 * {@link #properties()}).
 * <p>
 * The client joins the router's first realm anonymously unless {@code wamp.test.client.*}
 * says otherwise, after every procedure and subscription of the application is
 * registered.
 *
 * @see AutoConfigureWamp
 * @see AutoConfigureWampTestClient
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(WampTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(WampTypeExcludeFilter.class)
@ContextCustomizerFactories(WampTestRouterContextCustomizerFactory.class)
@AutoConfigureWamp
@AutoConfigureWampTestClient
@ImportAutoConfiguration
public @interface WampTest {

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring
	 * {@link Environment} before the test runs, such as
	 * {@code wamp.test.client.authid=joe}.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Whether default filtering should be used with
	 * {@link SpringBootApplication @SpringBootApplication}. By default, only beans with
	 * {@code @WampProcedure} or {@code @WampSubscribe} methods and WAMP customizers are
	 * included, with the application's scanned {@code @ConfigurationProperties} classes.
	 * @see #includeFilters()
	 * @see #excludeFilters()
	 * @return if default filters should be used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * A set of include filters which can be used to add otherwise filtered beans to the
	 * application context.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * A set of exclude filters which can be used to filter beans that would otherwise be
	 * added to the application context.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration exclusions that should be applied for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
