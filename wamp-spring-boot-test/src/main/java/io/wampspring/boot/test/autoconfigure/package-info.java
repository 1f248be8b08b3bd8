/**
 * The {@link io.wampspring.boot.test.autoconfigure.WampTest @WampTest} slice and the
 * auto-configuration of its {@code WampTestClient}.
 */
@NullMarked
package io.wampspring.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
