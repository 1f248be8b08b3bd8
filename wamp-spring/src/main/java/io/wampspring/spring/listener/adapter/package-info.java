/**
 * Turns an invocation or an event into a method call: argument binding, return value
 * handling, exception translation.
 */
@NullMarked
package io.wampspring.spring.listener.adapter;

import org.jspecify.annotations.NullMarked;
