/**
 * Reconnect: backoff strategies and the connection state machine.
 */
@NullMarked
package io.wampspring.client.reconnect;

import org.jspecify.annotations.NullMarked;
