package io.wampspring.sample.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Turns on {@code @PreAuthorize}: the starter runs each procedure with the caller's
 * identity (authid, {@code ROLE_<authrole>}) as its {@code Authentication}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class MethodSecurityConfiguration {

}
