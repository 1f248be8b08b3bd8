/**
 * Actuator health of WAMP peers and sessions.
 */
@NullMarked
package io.wampspring.boot.actuate.health;

import org.jspecify.annotations.NullMarked;
