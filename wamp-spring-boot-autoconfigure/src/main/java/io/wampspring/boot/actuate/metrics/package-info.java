/**
 * Micrometer meters of WAMP clients.
 */
@NullMarked
package io.wampspring.boot.actuate.metrics;

import org.jspecify.annotations.NullMarked;
