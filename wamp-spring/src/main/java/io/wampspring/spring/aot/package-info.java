/**
 * Ahead-of-time support: the runtime hints that the annotated handler methods need once
 * an application is processed with {@code spring-boot:process-aot} (and compiled to a
 * native image).
 */
@NullMarked
package io.wampspring.spring.aot;

import org.jspecify.annotations.NullMarked;
