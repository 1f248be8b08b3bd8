/**
 * Test support shared with the auto-configuration's tests (wamp-spring's test jar).
 */
@NullMarked
package io.wampspring.spring.test;

import org.jspecify.annotations.NullMarked;
