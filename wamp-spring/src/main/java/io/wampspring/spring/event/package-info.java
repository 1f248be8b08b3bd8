/**
 * Application events for sessions that join and leave.
 */
@NullMarked
package io.wampspring.spring.event;

import org.jspecify.annotations.NullMarked;
