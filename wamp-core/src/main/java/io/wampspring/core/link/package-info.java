/**
 * The in-process link: a client and a router in the same JVM exchange message objects
 * directly, without sockets or serialization.
 */
@NullMarked
package io.wampspring.core.link;

import org.jspecify.annotations.NullMarked;
