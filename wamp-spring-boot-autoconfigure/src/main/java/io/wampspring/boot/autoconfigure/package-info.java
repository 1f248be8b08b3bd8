/**
 * Auto-configuration of WAMP clients: properties, connection details, client options,
 * validation.
 */
@NullMarked
package io.wampspring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
