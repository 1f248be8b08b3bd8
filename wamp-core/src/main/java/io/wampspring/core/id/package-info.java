/**
 * Identifier rules: random global ids and sequential session-scoped request ids, all in
 * the range 1..2^53.
 */
@NullMarked
package io.wampspring.core.id;

import org.jspecify.annotations.NullMarked;
