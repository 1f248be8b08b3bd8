/**
 * {@link io.wampspring.boot.test.client.WampTestClient}: a fluent WAMP client for tests
 * that calls, publishes and subscribes over a real session and asserts on what comes
 * back, each expectation within a deadline.
 */
@NullMarked
package io.wampspring.boot.test.client;

import org.jspecify.annotations.NullMarked;
