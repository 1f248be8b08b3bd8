/**
 * Immutable configuration of the embedded router: realms, users, roles and their
 * permissions, limits and timeouts.
 */
@NullMarked
package io.wampspring.router.config;

import org.jspecify.annotations.NullMarked;
