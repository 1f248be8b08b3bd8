/**
 * Micrometer Observations of the template ({@code wamp.template}: call, publish) and of
 * the listeners ({@code wamp.listener}: invocation, event): documentation enums,
 * conventions and contexts.
 */
@NullMarked
package io.wampspring.spring.micrometer;

import org.jspecify.annotations.NullMarked;
