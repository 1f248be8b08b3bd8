/**
 * Auto-configuration of the WAMP client meters.
 */
@NullMarked
package io.wampspring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
