/**
 * Endpoints built from annotated methods and the registry that registers them on their
 * peer's sessions.
 */
@NullMarked
package io.wampspring.spring.config;

import org.jspecify.annotations.NullMarked;
