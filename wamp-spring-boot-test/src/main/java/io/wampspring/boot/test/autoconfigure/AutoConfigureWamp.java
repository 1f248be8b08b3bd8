package io.wampspring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * {@link ImportAutoConfiguration Auto-configuration imports} of a WAMP test: the WAMP
 * client, template and endpoint registry, the embedded router, and what they use
 * (Jackson, task executors, SSL bundles, observations when present). The list is
 * {@code META-INF/spring/io.wampspring.boot.test.autoconfigure.AutoConfigureWamp.imports}.
 * Most tests use {@link WampTest @WampTest} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureWamp {

}
