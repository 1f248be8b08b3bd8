/**
 * Auto-configuration of the WAMP health contributor.
 */
@NullMarked
package io.wampspring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
