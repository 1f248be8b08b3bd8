/**
 * Ticket checks that delegate to Spring Security: a {@code ReactiveAuthenticationManager}
 * or a {@code ReactiveJwtDecoder} decides, the router keeps its deadline, its uniform
 * rejection and its rule that a ticket is never logged. Spring Security is an optional
 * dependency of the router: these classes need {@code spring-security-core}, and the JWT
 * check also {@code spring-security-oauth2-jose}, on the class path.
 */
@NullMarked
package io.wampspring.router.security;

import org.jspecify.annotations.NullMarked;
