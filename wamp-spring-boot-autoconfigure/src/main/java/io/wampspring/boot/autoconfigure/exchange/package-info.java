/**
 * Auto-configuration of declarative WAMP callers ({@code @WampExchange} interfaces).
 */
@NullMarked
package io.wampspring.boot.autoconfigure.exchange;

import org.jspecify.annotations.NullMarked;
