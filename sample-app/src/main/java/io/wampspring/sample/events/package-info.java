/**
 * The sample's subscriptions, which log and count events.
 */
@NullMarked
package io.wampspring.sample.events;

import org.jspecify.annotations.NullMarked;
