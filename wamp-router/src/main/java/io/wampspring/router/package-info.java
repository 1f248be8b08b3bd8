/**
 * The embedded WAMP router: {@link io.wampspring.router.WampRouter} and its builder.
 */
@NullMarked
package io.wampspring.router;

import org.jspecify.annotations.NullMarked;
