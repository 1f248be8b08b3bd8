/**
 * Small lock-free building blocks of the hot paths of the client and the router. Internal
 * to the project; not an API.
 */
@NullMarked
package io.wampspring.core.concurrent;

import org.jspecify.annotations.NullMarked;
