/**
 * Auto-configuration of the WAMP API description.
 */
@NullMarked
package io.wampspring.boot.autoconfigure.api;

import org.jspecify.annotations.NullMarked;
