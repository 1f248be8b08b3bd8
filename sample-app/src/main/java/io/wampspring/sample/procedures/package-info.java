/**
 * The sample's {@code com.example.*} procedures and how their exceptions map to error
 * URIs.
 */
@NullMarked
package io.wampspring.sample.procedures;

import org.jspecify.annotations.NullMarked;
