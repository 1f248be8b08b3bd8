/**
 * A declarative WAMP caller: the sample's procedures behind a Java interface, and an HTTP
 * API that uses it.
 */
@NullMarked
package io.wampspring.sample.calc;

import org.jspecify.annotations.NullMarked;
