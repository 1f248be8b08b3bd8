/**
 * Auto-configuration of the embedded WAMP router.
 */
@NullMarked
package io.wampspring.boot.autoconfigure.router;

import org.jspecify.annotations.NullMarked;
