/**
 * The README's example, compiled and run.
 */
@NullMarked
package io.wampspring.boot.readme;

import org.jspecify.annotations.NullMarked;
