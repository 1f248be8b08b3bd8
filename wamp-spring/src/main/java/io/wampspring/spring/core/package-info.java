/**
 * The template for calling, publishing, registering and subscribing at run time.
 */
@NullMarked
package io.wampspring.spring.core;

import org.jspecify.annotations.NullMarked;
