/**
 * Authentication and authorization SPIs of the embedded router, with the built-in
 * anonymous and ticket methods and the role-based authorizer.
 */
@NullMarked
package io.wampspring.router.auth;

import org.jspecify.annotations.NullMarked;
