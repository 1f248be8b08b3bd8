/**
 * Annotations that turn bean methods into WAMP procedures and event handlers, and the
 * bean post-processor that finds them.
 */
@NullMarked
package io.wampspring.spring.annotation;

import org.jspecify.annotations.NullMarked;
