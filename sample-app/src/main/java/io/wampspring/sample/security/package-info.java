/**
 * Procedures guarded by Spring Security's method security with the caller's identity, and
 * procedures whose arguments are validated.
 */
@NullMarked
package io.wampspring.sample.security;

import org.jspecify.annotations.NullMarked;
