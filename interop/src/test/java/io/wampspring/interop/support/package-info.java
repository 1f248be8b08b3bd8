/**
 * JUnit support for the interop suite: running the peer scripts of {@code interop/}
 * (Node.js and Python processes) and a fox-wamp router, and reading the checks a caller
 * script reports.
 */
@NullMarked
package io.wampspring.interop.support;

import org.jspecify.annotations.NullMarked;
