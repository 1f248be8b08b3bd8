/**
 * A summary of a JDK Flight Recorder file: where the CPU samples and the sampled
 * allocations fall ({@link JfrSummary}).
 */
@NullMarked
package io.wampspring.benchmarks.jfr;

import org.jspecify.annotations.NullMarked;
