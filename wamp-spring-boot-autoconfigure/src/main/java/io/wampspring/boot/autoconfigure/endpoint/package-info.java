/**
 * Auto-configuration of the {@code wamp} Actuator endpoint.
 */
@NullMarked
package io.wampspring.boot.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
