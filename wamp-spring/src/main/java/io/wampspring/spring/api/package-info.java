/**
 * The application's WAMP API described from its handler methods: every procedure and
 * topic with its options, arguments, keyword arguments and result as JSON Schema.
 */
@NullMarked
package io.wampspring.spring.api;

import org.jspecify.annotations.NullMarked;
