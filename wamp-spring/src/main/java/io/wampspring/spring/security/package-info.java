/**
 * Spring Security on the callee side: the caller's identity disclosed by the router
 * becomes the {@code Authentication} of the handler's invocation, so that method security
 * ({@code @PreAuthorize}) applies to {@code @WampProcedure} methods.
 */
@NullMarked
package io.wampspring.spring.security;

import org.jspecify.annotations.NullMarked;
