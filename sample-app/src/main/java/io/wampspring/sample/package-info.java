/**
 * The sample WAMP service: its entry point and the wiring that the Boot
 * auto-configuration does not do yet.
 */
@NullMarked
package io.wampspring.sample;

import org.jspecify.annotations.NullMarked;
