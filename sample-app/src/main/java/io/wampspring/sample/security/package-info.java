/**
 * Procedures guarded by Spring Security's method security with the caller's identity, and
 * procedures whose arguments are validated; and the sample's bearer tokens:
 * {@code GET /api/token} issues HS256 JWTs that the embedded router accepts as tickets
 * (realm1's {@code ticket.delegate: jwt}), checked by Spring Security's decoder.
 */
@NullMarked
package io.wampspring.sample.security;

import org.jspecify.annotations.NullMarked;
