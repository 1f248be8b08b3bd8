/**
 * The reactive WAMP client.
 */
@NullMarked
package io.wampspring.client;

import org.jspecify.annotations.NullMarked;
