/**
 * Peers: pools of WAMP sessions on one router, started and stopped with the application context.
 */
@NullMarked
package io.wampspring.boot.peer;

import org.jspecify.annotations.NullMarked;
