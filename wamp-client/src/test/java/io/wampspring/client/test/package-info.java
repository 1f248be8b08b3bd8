/**
 * Test support shared with the test suites of wamp-spring and the auto-configuration
 * (wamp-client's test jar).
 */
@NullMarked
package io.wampspring.client.test;

import org.jspecify.annotations.NullMarked;
