/**
 * What every JVM load process of the benchmarks reports: a closed loop that keeps a
 * number of operations in flight, its latencies, and the process's CPU time, peak
 * resident memory and allocated bytes over the measured window, printed as one
 * {@code RESULT} line.
 */
@NullMarked
package io.wampspring.benchmarks.probe;

import org.jspecify.annotations.NullMarked;
