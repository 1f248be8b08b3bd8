/**
 * The sample's event retention, event history and trust level features.
 */
@NullMarked
package io.wampspring.sample.pubsub;

import org.jspecify.annotations.NullMarked;
