/**
 * The Actuator endpoint {@code wamp}: routers and sessions.
 */
@NullMarked
package io.wampspring.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
