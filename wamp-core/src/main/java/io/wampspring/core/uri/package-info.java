/**
 * URI validation (strict and loose rules, patterns with empty components) and matching
 * policies.
 */
@NullMarked
package io.wampspring.core.uri;

import org.jspecify.annotations.NullMarked;
