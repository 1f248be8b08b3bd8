/**
 * The reactive WAMP router.
 */
@NullMarked
package io.wampspring.router;

import org.jspecify.annotations.NullMarked;
