/**
 * Transport-independent routing: realms, router sessions, the dealer, the broker and the
 * meta API.
 */
@NullMarked
package io.wampspring.router.realm;

import org.jspecify.annotations.NullMarked;
