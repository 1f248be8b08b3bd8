/**
 * The sample's HTTP API, which calls and publishes through WAMP.
 */
@NullMarked
package io.wampspring.sample.web;

import org.jspecify.annotations.NullMarked;
