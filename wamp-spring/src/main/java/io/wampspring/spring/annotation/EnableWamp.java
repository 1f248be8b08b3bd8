package io.wampspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Turns on {@link WampProcedure} and {@link WampSubscribe} processing in a plain Spring
 * application: imports {@link WampBootstrapConfiguration}, which registers the annotation
 * post-processor, the endpoint registry, and (unless the application defines them) the
 * {@code WampPeers}, the JSON converter and the exception translator. The application
 * declares its {@code WampPeer} beans. Spring Boot applications get this from the
 * auto-configuration instead.
 *
 * <pre class="code">
 * &#64;Configuration
 * &#64;EnableWamp
 * class WampConfig {
 *     &#64;Bean
 *     WampPeer defaultPeer() {
 *         return WampPeer.builder("default")
 *             .clientOptions(ClientOptions.builder("ws://localhost:8080/ws", "realm1").build())
 *             .build();
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(WampBootstrapConfiguration.class)
public @interface EnableWamp {

}
