/**
 * Test support: a scripted WAMP router on a real socket.
 */
@NullMarked
package io.wampspring.client.support;

import org.jspecify.annotations.NullMarked;
