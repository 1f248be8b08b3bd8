/**
 * Environment set-up of the sample's profiles.
 */
@NullMarked
package io.wampspring.sample.config;

import org.jspecify.annotations.NullMarked;
