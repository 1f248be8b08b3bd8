package io.wampspring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wampspring.boot.test.client.WampTestClient;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds a {@link WampTestClient} bean of the embedded router to a test's context, for
 * example to a {@code @SpringBootTest} of the whole application (with
 * {@code wamp.embedded-router.enabled=true}). {@link WampTest @WampTest} includes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureWampTestClient {

}
