/**
 * The benchmark runner: starts routers, callees and load processes as separate processes,
 * measures them interleaved over repetitions, and writes a Markdown report with medians,
 * spread and ratios measured in the same run ({@link BenchmarkMain}).
 */
@NullMarked
package io.wampspring.benchmarks;

import org.jspecify.annotations.NullMarked;
