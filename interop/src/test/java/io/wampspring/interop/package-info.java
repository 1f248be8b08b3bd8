/**
 * Interop tests: peers we did not write (Autobahn|JS, Autobahn|Python, fox-wamp) talking
 * to each other and, later, to our client and router.
 */
@NullMarked
package io.wampspring.interop;

import org.jspecify.annotations.NullMarked;
